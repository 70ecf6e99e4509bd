package dev.parley.negotiation.api;

import dev.parley.shared.api.Fields;
import dev.parley.shared.api.NegotiationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Closes the open round with an outcome. */
public record ConcludeRoundCommand(@TargetAggregateIdentifier NegotiationId negotiationId,
                                   String outcome,
                                   Instant occurredAt,
                                   String source) implements NegotiationCommand {

    public ConcludeRoundCommand {
        Fields.present(negotiationId, "negotiationId");
        Fields.text(outcome, "outcome");
        Fields.time(occurredAt, "occurredAt");
        Fields.text(source, "source");
    }
}
