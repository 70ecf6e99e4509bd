package dev.parley.negotiation.api;

import dev.parley.shared.api.IncidentId;
import dev.parley.shared.api.NegotiationId;
import dev.parley.shared.api.ParleyEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A ceasefire was declared in the open round; it covers the listed incidents.
 *
 * @param negotiationId the negotiation
 * @param round the open round
 * @param effectiveFrom when the ceasefire takes effect
 * @param terms the agreed terms
 * @param coversIncidents the border incidents put under it, possibly none
 * @param occurredAt when it happened in the world (valid time)
 * @param source who reported it
 */
@Revision("1")
public record CeasefireDeclaredEvent(NegotiationId negotiationId,
        int round,
        Instant effectiveFrom,
        String terms,
        List<IncidentId> coversIncidents,
        Instant occurredAt,
        String source) implements ParleyEvent {
}
