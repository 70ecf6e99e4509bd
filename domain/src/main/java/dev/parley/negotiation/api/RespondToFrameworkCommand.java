package dev.parley.negotiation.api;

import dev.parley.shared.api.Fields;
import dev.parley.shared.api.NegotiationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A party other than the submitter accepts or rejects a framework.
 *
 * @param negotiationId the negotiation addressed
 * @param frameworkId the framework answered
 * @param party the code of the answering party
 * @param response accepted or rejected
 * @param occurredAt when it happened in the world (valid time)
 * @param source who reported it
 */
public record RespondToFrameworkCommand(@TargetAggregateIdentifier NegotiationId negotiationId,
                                        String frameworkId,
                                        String party,
                                        FrameworkResponse response,
                                        Instant occurredAt,
                                        String source) implements NegotiationCommand {

    /**
     * Checks every field against the contract's rules and limits ({@link Fields}).
     *
     * @param negotiationId the negotiation addressed
     * @param frameworkId the framework answered
     * @param party the code of the answering party
     * @param response accepted or rejected
     * @param occurredAt when it happened in the world (valid time)
     * @param source who reported it
     * @throws dev.parley.shared.api.DomainRuleException with {@code INVALID_COMMAND} if a field is missing, malformed
     *     or beyond its limits
     */
    public RespondToFrameworkCommand {
        Fields.present(negotiationId, "negotiationId");
        Fields.id(frameworkId, "frameworkId");
        Fields.code(party, "party");
        Fields.present(response, "response");
        Fields.time(occurredAt, "occurredAt");
        Fields.text(source, "source");
    }
}
