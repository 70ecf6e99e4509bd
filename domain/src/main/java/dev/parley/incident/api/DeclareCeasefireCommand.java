package dev.parley.incident.api;

import dev.parley.shared.api.Fields;
import dev.parley.shared.api.IncidentId;
import dev.parley.shared.api.NegotiationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Puts an incident under a ceasefire from {@code effectiveFrom}; {@code negotiationId} optionally links the
 * negotiation that agreed it and may be {@code null}.
 */
public record DeclareCeasefireCommand(@TargetAggregateIdentifier IncidentId incidentId,
                                      Instant effectiveFrom,
                                      NegotiationId negotiationId,
                                      Instant occurredAt,
                                      String source) implements IncidentCommand {

    public DeclareCeasefireCommand {
        Fields.present(incidentId, "incidentId");
        Fields.time(effectiveFrom, "effectiveFrom");
        Fields.time(occurredAt, "occurredAt");
        Fields.text(source, "source");
    }
}
