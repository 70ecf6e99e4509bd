package dev.parley.incident.api;

import dev.parley.shared.api.Fields;
import dev.parley.shared.api.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Records casualties of one side; reports may arrive after later events, so {@code occurredAt} may lie before them.
 * Negative counts are not refused here but by the incident ({@code INVALID_COUNT}), after its existence is known.
 */
public record RecordCasualtiesCommand(@TargetAggregateIdentifier IncidentId incidentId,
                                      String side,
                                      int killed,
                                      int wounded,
                                      Instant occurredAt,
                                      String source) implements IncidentCommand {

    public RecordCasualtiesCommand {
        Fields.present(incidentId, "incidentId");
        Fields.code(side, "side");
        Fields.time(occurredAt, "occurredAt");
        Fields.text(source, "source");
    }

    /** Casualties with no wounded reported. */
    public RecordCasualtiesCommand(IncidentId incidentId, String side, int killed, Instant occurredAt, String source) {
        this(incidentId, side, killed, 0, occurredAt, source);
    }
}
