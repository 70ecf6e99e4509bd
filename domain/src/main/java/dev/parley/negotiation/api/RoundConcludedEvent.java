package dev.parley.negotiation.api;

import dev.parley.shared.api.NegotiationId;
import dev.parley.shared.api.ParleyEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The open round was concluded with an outcome.
 *
 * @param negotiationId the negotiation
 * @param round the concluded round
 * @param outcome what the round reached
 * @param occurredAt when it happened in the world (valid time)
 * @param source who reported it
 */
@Revision("1")
public record RoundConcludedEvent(NegotiationId negotiationId,
        int round,
        String outcome,
        Instant occurredAt,
        String source) implements ParleyEvent {
}
