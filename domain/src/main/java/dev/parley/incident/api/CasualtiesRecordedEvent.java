package dev.parley.incident.api;

import dev.parley.shared.api.IncidentId;
import dev.parley.shared.api.ParleyEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Casualties of one side were recorded; they add to earlier reports.
 * <p>
 * Revision 2 always carries {@code wounded}. Revision 1 left it out when there were none; those stored events are
 * read through {@code CasualtiesRecordedEvent1_to_2Upcaster}, which fills in 0.
 *
 * @param incidentId the incident
 * @param side the code of the side that suffered them
 * @param killed how many were killed
 * @param wounded how many were wounded
 * @param occurredAt when it happened in the world (valid time)
 * @param source who reported it
 */
@Revision("2")
public record CasualtiesRecordedEvent(IncidentId incidentId,
        String side,
        int killed,
        int wounded,
        Instant occurredAt,
        String source) implements ParleyEvent {
}
