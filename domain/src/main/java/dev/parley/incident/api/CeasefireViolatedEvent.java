package dev.parley.incident.api;

import dev.parley.shared.api.IncidentId;
import dev.parley.shared.api.ParleyEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The ceasefire in force was violated; it stays in force. */
@Revision("1")
public record CeasefireViolatedEvent(IncidentId incidentId,
        String by,
        String description,
        Instant occurredAt,
        String source) implements ParleyEvent {
}
