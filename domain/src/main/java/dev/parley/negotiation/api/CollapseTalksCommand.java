package dev.parley.negotiation.api;

import dev.parley.shared.api.Fields;
import dev.parley.shared.api.NegotiationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The talks of the open round collapse ({@code Collapse} in command files); a ceasefire in force stays. */
public record CollapseTalksCommand(@TargetAggregateIdentifier NegotiationId negotiationId,
                                   String reason,
                                   Instant occurredAt,
                                   String source) implements NegotiationCommand {

    public CollapseTalksCommand {
        Fields.present(negotiationId, "negotiationId");
        Fields.text(reason, "reason");
        Fields.time(occurredAt, "occurredAt");
        Fields.text(source, "source");
    }
}
