package dev.parley.negotiation.api;

import dev.parley.shared.api.Fields;
import dev.parley.shared.api.NegotiationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A state that is not a party offers to mediate. */
public record OfferMediationCommand(@TargetAggregateIdentifier NegotiationId negotiationId,
                                    String mediator,
                                    Instant occurredAt,
                                    String source) implements NegotiationCommand {

    public OfferMediationCommand {
        Fields.present(negotiationId, "negotiationId");
        Fields.code(mediator, "mediator");
        Fields.time(occurredAt, "occurredAt");
        Fields.text(source, "source");
    }
}
