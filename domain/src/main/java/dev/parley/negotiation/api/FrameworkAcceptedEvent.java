package dev.parley.negotiation.api;

import dev.parley.shared.api.NegotiationId;
import dev.parley.shared.api.ParleyEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A party accepted a framework. */
@Revision("1")
public record FrameworkAcceptedEvent(NegotiationId negotiationId,
        String frameworkId,
        String party,
        Instant occurredAt,
        String source) implements ParleyEvent {
}
