package dev.parley.negotiation.api;

import dev.parley.shared.api.NegotiationId;
import dev.parley.shared.api.ParleyEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A party submitted a framework in the open round. */
@Revision("1")
public record FrameworkSubmittedEvent(NegotiationId negotiationId,
        int round,
        String frameworkId,
        String submittedBy,
        String title,
        List<String> provisions,
        Instant occurredAt,
        String source) implements ParleyEvent {
}
