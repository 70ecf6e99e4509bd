package dev.parley.negotiation.api;

import dev.parley.shared.api.Fields;
import dev.parley.shared.api.NegotiationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Opens a round of talks; round 1 creates the negotiation and must name at least two parties, later rounds may
 * omit them ({@code parties} is then {@code null}).
 *
 * @param negotiationId the negotiation addressed
 * @param round the round's number, the last one plus one
 * @param parties the parties' codes, at least two and distinct; {@code null} after round 1 to keep them
 * @param mediators the mediators' codes, possibly none
 * @param venue where the round is held
 * @param occurredAt when it happened in the world (valid time)
 * @param source who reported it
 */
public record OpenRoundCommand(@TargetAggregateIdentifier NegotiationId negotiationId,
                               int round,
                               List<String> parties,
                               List<String> mediators,
                               String venue,
                               Instant occurredAt,
                               String source) implements NegotiationCommand {

    /**
     * Checks every field against the contract's rules and limits ({@link Fields}).
     *
     * @param negotiationId the negotiation addressed
     * @param round the round's number, the last one plus one
     * @param parties the parties' codes, at least two and distinct; {@code null} after round 1 to keep them
     * @param mediators the mediators' codes, possibly none
     * @param venue where the round is held
     * @param occurredAt when it happened in the world (valid time)
     * @param source who reported it
     * @throws dev.parley.shared.api.DomainRuleException with {@code INVALID_COMMAND} if a field is missing, malformed
     *     or beyond its limits, or round 1 names fewer than two parties
     */
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
