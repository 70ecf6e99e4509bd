package dev.parley.incident.api;

import dev.parley.shared.api.IncidentId;
import dev.parley.shared.api.ParleyEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The ceasefire in force was violated; it stays in force.
 *
 * @param incidentId the incident
 * @param by the code of the side that broke the ceasefire
 * @param description what happened
 * @param occurredAt when it happened in the world (valid time)
 * @param source who reported it
 */
@Revision("1")
public record CeasefireViolatedEvent(IncidentId incidentId,
        String by,
        String description,
        Instant occurredAt,
        String source) implements ParleyEvent {
}
