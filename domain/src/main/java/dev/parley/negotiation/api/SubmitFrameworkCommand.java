package dev.parley.negotiation.api;

import dev.parley.shared.api.Fields;
import dev.parley.shared.api.NegotiationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * A party puts a framework on the table of the open round.
 *
 * @param negotiationId the negotiation addressed
 * @param frameworkId the new framework's id, unique in the negotiation
 * @param submittedBy the code of the submitting party
 * @param title the framework's title
 * @param provisions its provisions in order; they may repeat
 * @param occurredAt when it happened in the world (valid time)
 * @param source who reported it
 */
public record SubmitFrameworkCommand(@TargetAggregateIdentifier NegotiationId negotiationId,
                                     String frameworkId,
                                     String submittedBy,
                                     String title,
                                     List<String> provisions,
                                     Instant occurredAt,
                                     String source) implements NegotiationCommand {

    /**
     * Checks every field against the contract's rules and limits ({@link Fields}).
     *
     * @param negotiationId the negotiation addressed
     * @param frameworkId the new framework's id, unique in the negotiation
     * @param submittedBy the code of the submitting party
     * @param title the framework's title
     * @param provisions its provisions in order; they may repeat
     * @param occurredAt when it happened in the world (valid time)
     * @param source who reported it
     * @throws dev.parley.shared.api.DomainRuleException with {@code INVALID_COMMAND} if a field is missing, malformed
     *     or beyond its limits
     */
    public SubmitFrameworkCommand {
        Fields.present(negotiationId, "negotiationId");
        Fields.id(frameworkId, "frameworkId");
        Fields.code(submittedBy, "submittedBy");
        Fields.text(title, "title");
        provisions = Fields.textsAllowingRepeats(provisions, "provisions");
        Fields.time(occurredAt, "occurredAt");
        Fields.text(source, "source");
    }
}
