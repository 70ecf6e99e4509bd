package dev.parley.incident.api;

import dev.parley.shared.api.Fields;
import dev.parley.shared.api.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Records casualties of one side; reports may arrive after later events, so {@code occurredAt} may lie before them.
 * Negative counts are not refused here but by the incident ({@code INVALID_COUNT}), after its existence is known.
 *
 * @param incidentId the incident addressed
 * @param side the code of the side that suffered them
 * @param killed how many were killed
 * @param wounded how many were wounded
 * @param occurredAt when it happened in the world (valid time)
 * @param source who reported it
 */
public record RecordCasualtiesCommand(@TargetAggregateIdentifier IncidentId incidentId,
                                      String side,
                                      int killed,
                                      int wounded,
                                      Instant occurredAt,
                                      String source) implements IncidentCommand {

    /**
     * Checks the fields other than the counts, which the incident checks.
     *
     * @param incidentId the incident addressed
     * @param side the code of the side that suffered them
     * @param killed how many were killed
     * @param wounded how many were wounded
     * @param occurredAt when it happened in the world (valid time)
     * @param source who reported it
     * @throws dev.parley.shared.api.DomainRuleException with {@code INVALID_COMMAND} if a field is missing, malformed
     *     or beyond its limits
     */
    public RecordCasualtiesCommand {
        Fields.present(incidentId, "incidentId");
        Fields.code(side, "side");
        Fields.time(occurredAt, "occurredAt");
        Fields.text(source, "source");
    }

    /**
     * Casualties with no wounded reported.
     *
     * @param incidentId the incident addressed
     * @param side the code of the side that suffered them
     * @param killed how many were killed
     * @param occurredAt when it happened in the world (valid time)
     * @param source who reported it
     */
    public RecordCasualtiesCommand(IncidentId incidentId, String side, int killed, Instant occurredAt, String source) {
        this(incidentId, side, killed, 0, occurredAt, source);
    }
}
