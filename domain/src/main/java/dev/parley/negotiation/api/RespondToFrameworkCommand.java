package dev.parley.negotiation.api;

import dev.parley.shared.api.Fields;
import dev.parley.shared.api.NegotiationId;
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
        Fields.id(frameworkId, "frameworkId");
        Fields.code(party, "party");
        Fields.present(response, "response");
        Fields.time(occurredAt, "occurredAt");
        Fields.text(source, "source");
    }
}
