package dev.parley.negotiation.api;

import dev.parley.shared.api.NegotiationId;
import dev.parley.shared.api.ParleyEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The talks of the open round collapsed; the round is closed.
 *
 * @param negotiationId the negotiation
 * @param round the round that was open
 * @param reason why the talks collapsed
 * @param occurredAt when it happened in the world (valid time)
 * @param source who reported it
 */
@Revision("1")
public record TalksCollapsedEvent(NegotiationId negotiationId,
        int round,
        String reason,
        Instant occurredAt,
        String source) implements ParleyEvent {
}
