package dev.parley.negotiation.api;

import dev.parley.shared.api.Fields;
import dev.parley.shared.api.NegotiationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A state that is not a party offers to mediate.
 *
 * @param negotiationId the negotiation addressed
 * @param mediator the code of the state offering to mediate
 * @param occurredAt when it happened in the world (valid time)
 * @param source who reported it
 */
public record OfferMediationCommand(@TargetAggregateIdentifier NegotiationId negotiationId,
                                    String mediator,
                                    Instant occurredAt,
                                    String source) implements NegotiationCommand {

    /**
     * Checks every field against the contract's rules and limits ({@link Fields}).
     *
     * @param negotiationId the negotiation addressed
     * @param mediator the code of the state offering to mediate
     * @param occurredAt when it happened in the world (valid time)
     * @param source who reported it
     * @throws dev.parley.shared.api.DomainRuleException with {@code INVALID_COMMAND} if a field is missing, malformed
     *     or beyond its limits
     */
    public OfferMediationCommand {
        Fields.present(negotiationId, "negotiationId");
        Fields.code(mediator, "mediator");
        Fields.time(occurredAt, "occurredAt");
        Fields.text(source, "source");
    }
}
