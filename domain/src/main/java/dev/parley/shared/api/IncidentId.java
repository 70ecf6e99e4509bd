package dev.parley.shared.api;

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
