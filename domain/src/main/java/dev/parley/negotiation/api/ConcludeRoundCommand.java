package dev.parley.negotiation.api;

import dev.parley.shared.api.Fields;
import dev.parley.shared.api.NegotiationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Closes the open round with an outcome.
 *
 * @param negotiationId the negotiation addressed
 * @param outcome what the round reached
 * @param occurredAt when it happened in the world (valid time)
 * @param source who reported it
 */
public record ConcludeRoundCommand(@TargetAggregateIdentifier NegotiationId negotiationId,
                                   String outcome,
                                   Instant occurredAt,
                                   String source) implements NegotiationCommand {

    /**
     * Checks every field against the contract's rules and limits ({@link Fields}).
     *
     * @param negotiationId the negotiation addressed
     * @param outcome what the round reached
     * @param occurredAt when it happened in the world (valid time)
     * @param source who reported it
     * @throws dev.parley.shared.api.DomainRuleException with {@code INVALID_COMMAND} if a field is missing, malformed
     *     or beyond its limits
     */
    public ConcludeRoundCommand {
        Fields.present(negotiationId, "negotiationId");
        Fields.text(outcome, "outcome");
        Fields.time(occurredAt, "occurredAt");
        Fields.text(source, "source");
    }
}
