package dev.parley.incident.api;

import dev.parley.shared.api.IncidentId;
import dev.parley.shared.api.ParleyEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A border incident was reported. */
@Revision("1")
public record IncidentReportedEvent(IncidentId incidentId,
        String location,
        List<String> attackers,
        List<String> defenders,
        String description,
        Instant occurredAt,
        String source) implements ParleyEvent {
}
