package dev.parley.negotiation.api;

import dev.parley.shared.api.NegotiationId;
import dev.parley.shared.api.ParleyEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The open round was concluded with an outcome. */
@Revision("1")
public record RoundConcludedEvent(NegotiationId negotiationId,
        int round,
        String outcome,
        Instant occurredAt,
        String source) implements ParleyEvent {
}
