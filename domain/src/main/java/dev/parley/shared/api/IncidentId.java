package dev.parley.shared.api;

/**
 * Identifies one border incident.
 *
 * @param value the raw identifier, also the record's {@code toString()}
 */
public record IncidentId(String value) {

    /**
     * Checks the identifier.
     *
     * @param value the raw identifier
     * @throws DomainRuleException if it is missing, blank, too long or not valid Unicode
     */
    public IncidentId {
        Fields.id(value, "incidentId");
    }

    @Override
    public String toString() {
        return value;
    }
}
