package dev.parley.incident.api;

import dev.parley.shared.api.IncidentId;
import dev.parley.shared.api.ParleyEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A strike by an involved side was recorded.
 *
 * @param incidentId the incident
 * @param by the code of the striking side
 * @param targets what was struck, possibly nothing named
 * @param description what happened
 * @param occurredAt when it happened in the world (valid time)
 * @param source who reported it
 */
@Revision("1")
public record StrikeRecordedEvent(IncidentId incidentId,
        String by,
        List<String> targets,
        String description,
        Instant occurredAt,
        String source) implements ParleyEvent {
}
