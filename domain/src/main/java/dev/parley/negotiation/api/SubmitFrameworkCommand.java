package dev.parley.negotiation.api;

import dev.parley.shared.api.Fields;
import dev.parley.shared.api.NegotiationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** A party puts a framework on the table of the open round. */
public record SubmitFrameworkCommand(@TargetAggregateIdentifier NegotiationId negotiationId,
                                     String frameworkId,
                                     String submittedBy,
                                     String title,
                                     List<String> provisions,
                                     Instant occurredAt,
                                     String source) implements NegotiationCommand {

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
