package dev.parley.incident.api;

import dev.parley.shared.api.ParleyEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Casualties of one side were recorded; they add to earlier reports. */
@Revision("1")
public record CasualtiesRecordedEvent(IncidentId incidentId,
        String side,
        int killed,
        int wounded,
        Instant occurredAt,
        String source) implements ParleyEvent {
}
