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
 *
 * @param negotiationId the negotiation addressed
 * @param effectiveFrom when the ceasefire takes effect
 * @param terms the agreed terms
 * @param coversIncidents the border incidents put under the ceasefire, distinct, possibly none
 * @param occurredAt when it happened in the world (valid time)
 * @param source who reported it
 */
public record DeclareCeasefireCommand(@TargetAggregateIdentifier NegotiationId negotiationId,
                                      Instant effectiveFrom,
                                      String terms,
                                      List<IncidentId> coversIncidents,
                                      Instant occurredAt,
                                      String source) implements NegotiationCommand {

    /**
     * Checks every field against the contract's rules and limits ({@link Fields}).
     *
     * @param negotiationId the negotiation addressed
     * @param effectiveFrom when the ceasefire takes effect
     * @param terms the agreed terms
     * @param coversIncidents the border incidents put under the ceasefire, distinct, possibly none
     * @param occurredAt when it happened in the world (valid time)
     * @param source who reported it
     * @throws dev.parley.shared.api.DomainRuleException with {@code INVALID_COMMAND} if a field is missing, malformed
     *     or beyond its limits
     */
    public DeclareCeasefireCommand {
        Fields.present(negotiationId, "negotiationId");
        Fields.time(effectiveFrom, "effectiveFrom");
        Fields.text(terms, "terms");
        coversIncidents = Fields.distinct(coversIncidents, "coversIncidents");
        Fields.time(occurredAt, "occurredAt");
        Fields.text(source, "source");
    }
}
