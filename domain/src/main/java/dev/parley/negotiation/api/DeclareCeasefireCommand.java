package dev.parley.negotiation.api;

import dev.parley.shared.api.Fields;
import dev.parley.shared.api.IncidentId;
import dev.parley.shared.api.NegotiationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * The parties of the open round declare a ceasefire; every covered incident must exist and is put under the same
 * ceasefire.
 */
public record DeclareCeasefireCommand(@TargetAggregateIdentifier NegotiationId negotiationId,
                                      Instant effectiveFrom,
                                      String terms,
                                      List<IncidentId> coversIncidents,
                                      Instant occurredAt,
                                      String source) implements NegotiationCommand {

    public DeclareCeasefireCommand {
        Fields.present(negotiationId, "negotiationId");
        Fields.time(effectiveFrom, "effectiveFrom");
        Fields.text(terms, "terms");
        coversIncidents = Fields.distinct(coversIncidents, "coversIncidents");
        Fields.time(occurredAt, "occurredAt");
        Fields.text(source, "source");
    }
}
