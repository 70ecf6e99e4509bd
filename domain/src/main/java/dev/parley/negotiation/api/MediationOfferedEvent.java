package dev.parley.negotiation.api;

import dev.parley.shared.api.NegotiationId;
import dev.parley.shared.api.ParleyEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A state that is not a party offered to mediate. */
@Revision("1")
public record MediationOfferedEvent(NegotiationId negotiationId,
        String mediator,
        Instant occurredAt,
        String source) implements ParleyEvent {
}
