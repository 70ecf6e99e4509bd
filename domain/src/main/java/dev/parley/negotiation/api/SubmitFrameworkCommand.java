package dev.parley.negotiation.api;

import dev.parley.shared.api.Fields;
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
        Fields.text(frameworkId, "frameworkId");
        Fields.text(submittedBy, "submittedBy");
        Fields.text(title, "title");
        Fields.present(provisions, "provisions");
        provisions.forEach(provision -> Fields.text(provision, "provisions entry"));
        provisions = List.copyOf(provisions);
        Fields.present(occurredAt, "occurredAt");
        Fields.text(source, "source");
    }
}
