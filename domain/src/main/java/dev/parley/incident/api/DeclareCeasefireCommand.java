package dev.parley.incident.api;

import dev.parley.shared.api.Fields;
import dev.parley.shared.api.IncidentId;
import dev.parley.shared.api.NegotiationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Puts an incident under a ceasefire from {@code effectiveFrom}; {@code negotiationId} optionally links the
 * negotiation that agreed it and may be {@code null}.
 *
 * @param incidentId the incident addressed
 * @param effectiveFrom when the ceasefire takes effect
 * @param negotiationId the negotiation that agreed it, or {@code null}
 * @param occurredAt when it happened in the world (valid time)
 * @param source who reported it
 */
public record DeclareCeasefireCommand(@TargetAggregateIdentifier IncidentId incidentId,
                                      Instant effectiveFrom,
                                      NegotiationId negotiationId,
                                      Instant occurredAt,
                                      String source) implements IncidentCommand {

    /**
     * Checks every field against the contract's rules and limits ({@link Fields}).
     *
     * @param incidentId the incident addressed
     * @param effectiveFrom when the ceasefire takes effect
     * @param negotiationId the negotiation that agreed it, or {@code null}
     * @param occurredAt when it happened in the world (valid time)
     * @param source who reported it
     * @throws dev.parley.shared.api.DomainRuleException with {@code INVALID_COMMAND} if a field is missing, malformed
     *     or beyond its limits
     */
    public DeclareCeasefireCommand {
        Fields.present(incidentId, "incidentId");
        Fields.time(effectiveFrom, "effectiveFrom");
        Fields.time(occurredAt, "occurredAt");
        Fields.text(source, "source");
    }
}
