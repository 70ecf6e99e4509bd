package dev.parley.shared.api;

/**
 * Identifies one negotiation, such as {@code pak-afg-talks-2025}.
 *
 * @param value the raw identifier, also the record's {@code toString()}
 */
public record NegotiationId(String value) {

    /**
     * Checks the identifier.
     *
     * @param value the raw identifier
     * @throws DomainRuleException if it is missing, blank, too long or not valid Unicode
     */
    public NegotiationId {
        Fields.id(value, "negotiationId");
    }

    @Override
    public String toString() {
        return value;
    }
}
