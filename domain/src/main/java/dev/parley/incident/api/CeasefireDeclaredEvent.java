package dev.parley.incident.api;

import dev.parley.shared.api.IncidentId;
import dev.parley.shared.api.NegotiationId;
import dev.parley.shared.api.ParleyEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The incident came under a ceasefire; {@code negotiationId} links the negotiation that agreed it, or is null.
 *
 * @param incidentId the incident
 * @param effectiveFrom when the ceasefire took effect
 * @param negotiationId the negotiation that agreed it, or null
 * @param occurredAt when it happened in the world (valid time)
 * @param source who reported it
 */
@Revision("1")
public record CeasefireDeclaredEvent(IncidentId incidentId,
        Instant effectiveFrom,
        NegotiationId negotiationId,
        Instant occurredAt,
        String source) implements ParleyEvent {
}
