package dev.parley.negotiation.api;

import dev.parley.shared.api.NegotiationId;
import dev.parley.shared.api.ParleyEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A party rejected a framework.
 *
 * @param negotiationId the negotiation
 * @param frameworkId the framework
 * @param party the code of the rejecting party
 * @param occurredAt when it happened in the world (valid time)
 * @param source who reported it
 */
@Revision("1")
public record FrameworkRejectedEvent(NegotiationId negotiationId,
        String frameworkId,
        String party,
        Instant occurredAt,
        String source) implements ParleyEvent {
}
