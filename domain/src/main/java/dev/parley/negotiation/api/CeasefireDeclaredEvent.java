package dev.parley.negotiation.api;

import dev.parley.shared.api.IncidentId;
import dev.parley.shared.api.NegotiationId;
import dev.parley.shared.api.ParleyEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A ceasefire was declared in the open round; it covers the listed incidents. */
@Revision("1")
public record CeasefireDeclaredEvent(NegotiationId negotiationId,
        int round,
        Instant effectiveFrom,
        String terms,
        List<IncidentId> coversIncidents,
        Instant occurredAt,
        String source) implements ParleyEvent {
}
