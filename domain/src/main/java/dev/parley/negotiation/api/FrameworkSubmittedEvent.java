package dev.parley.negotiation.api;

import dev.parley.shared.api.NegotiationId;
import dev.parley.shared.api.ParleyEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A party submitted a framework in the open round.
 *
 * @param negotiationId the negotiation
 * @param round the open round
 * @param frameworkId the framework's id
 * @param submittedBy the code of the submitting party
 * @param title the framework's title
 * @param provisions its provisions in order
 * @param occurredAt when it happened in the world (valid time)
 * @param source who reported it
 */
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
