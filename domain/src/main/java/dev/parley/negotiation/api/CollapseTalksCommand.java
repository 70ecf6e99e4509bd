package dev.parley.negotiation.api;

import dev.parley.shared.api.Fields;
import dev.parley.shared.api.NegotiationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The talks of the open round collapse ({@code Collapse} in command files); a ceasefire in force stays.
 *
 * @param negotiationId the negotiation addressed
 * @param reason why the talks collapsed
 * @param occurredAt when it happened in the world (valid time)
 * @param source who reported it
 */
public record CollapseTalksCommand(@TargetAggregateIdentifier NegotiationId negotiationId,
                                   String reason,
                                   Instant occurredAt,
                                   String source) implements NegotiationCommand {

    /**
     * Checks every field against the contract's rules and limits ({@link Fields}).
     *
     * @param negotiationId the negotiation addressed
     * @param reason why the talks collapsed
     * @param occurredAt when it happened in the world (valid time)
     * @param source who reported it
     * @throws dev.parley.shared.api.DomainRuleException with {@code INVALID_COMMAND} if a field is missing, malformed
     *     or beyond its limits
     */
    public CollapseTalksCommand {
        Fields.present(negotiationId, "negotiationId");
        Fields.text(reason, "reason");
        Fields.time(occurredAt, "occurredAt");
        Fields.text(source, "source");
    }
}
