package dev.parley.negotiation.api;

import dev.parley.shared.api.Fields;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A party other than the submitter accepts or rejects a framework. */
public record RespondToFrameworkCommand(@TargetAggregateIdentifier NegotiationId negotiationId,
                                        String frameworkId,
                                        String party,
                                        FrameworkResponse response,
                                        Instant occurredAt,
                                        String source) implements NegotiationCommand {

    public RespondToFrameworkCommand {
        Fields.present(negotiationId, "negotiationId");
        Fields.text(frameworkId, "frameworkId");
        Fields.text(party, "party");
        Fields.present(response, "response");
        Fields.present(occurredAt, "occurredAt");
        Fields.text(source, "source");
    }
}
