package dev.parley.negotiation.api;

import dev.parley.shared.api.IncidentId;

import java.time.Instant;
import java.util.Optional;

/** Tells a negotiation about the border incidents it wants to cover: whether and when each began. */
@FunctionalInterface
public interface KnownIncidents {

    /**
     * When the reported incident happened.
     *
     * @param incidentId the incident asked about
     * @return when it happened, or empty when no such incident was reported
     */
    Optional<Instant> occurredAt(IncidentId incidentId);
}
