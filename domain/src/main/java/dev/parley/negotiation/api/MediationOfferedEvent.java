package dev.parley.negotiation.api;

import dev.parley.shared.api.NegotiationId;
import dev.parley.shared.api.ParleyEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A state that is not a party offered to mediate.
 *
 * @param negotiationId the negotiation
 * @param mediator the code of the state offering to mediate
 * @param occurredAt when it happened in the world (valid time)
 * @param source who reported it
 */
@Revision("1")
public record MediationOfferedEvent(NegotiationId negotiationId,
        String mediator,
        Instant occurredAt,
        String source) implements ParleyEvent {
}
