package dev.parley.incident.api;

import dev.parley.shared.api.IncidentId;
import dev.parley.shared.api.ParleyEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A border incident was reported.
 *
 * @param incidentId the incident
 * @param location where it happened
 * @param attackers the attacking sides' codes
 * @param defenders the defending sides' codes
 * @param description what happened
 * @param occurredAt when it happened in the world (valid time)
 * @param source who reported it
 */
@Revision("1")
public record IncidentReportedEvent(IncidentId incidentId,
        String location,
        List<String> attackers,
        List<String> defenders,
        String description,
        Instant occurredAt,
        String source) implements ParleyEvent {
}
