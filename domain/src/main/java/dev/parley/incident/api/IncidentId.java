package dev.parley.incident.api;

import dev.parley.shared.api.Fields;

/** Identifies one border incident. */
public record IncidentId(String value) {

    public IncidentId {
        Fields.id(value, "incidentId");
    }

    @Override
    public String toString() {
        return value;
    }
}
