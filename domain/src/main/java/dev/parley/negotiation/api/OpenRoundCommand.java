package dev.parley.negotiation.api;

import dev.parley.shared.api.Fields;
import dev.parley.shared.api.NegotiationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Opens a round of talks; round 1 creates the negotiation and must name at least two parties, later rounds may
 * omit them ({@code parties} is then {@code null}).
 */
public record OpenRoundCommand(@TargetAggregateIdentifier NegotiationId negotiationId,
                               int round,
                               List<String> parties,
                               List<String> mediators,
                               String venue,
                               Instant occurredAt,
                               String source) implements NegotiationCommand {

    public OpenRoundCommand {
        Fields.present(negotiationId, "negotiationId");
        Fields.round(round);
        if (parties != null || round == 1) {
            parties = Fields.codes(parties, "parties", 2);
        }
        mediators = Fields.codes(mediators, "mediators", 0);
        Fields.text(venue, "venue");
        Fields.time(occurredAt, "occurredAt");
        Fields.text(source, "source");
    }
}
