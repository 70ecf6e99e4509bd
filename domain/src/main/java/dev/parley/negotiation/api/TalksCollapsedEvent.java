package dev.parley.negotiation.api;

import dev.parley.shared.api.NegotiationId;
import dev.parley.shared.api.ParleyEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The talks of the open round collapsed; the round is closed. */
@Revision("1")
public record TalksCollapsedEvent(NegotiationId negotiationId,
        int round,
        String reason,
        Instant occurredAt,
        String source) implements ParleyEvent {
}
