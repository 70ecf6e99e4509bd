package dev.parley.negotiation.api;

import dev.parley.incident.api.IncidentId;

/** Tells a negotiation whether a border incident it wants to cover has been reported. */
@FunctionalInterface
public interface KnownIncidents {

    boolean exists(IncidentId incidentId);
}
