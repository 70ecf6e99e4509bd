package dev.parley.projections.status;

/**
 * Asks for the current status of every negotiation and incident, or of the one whose id is {@code aggregateId}
 * (null for all).
 */
public record FindStatusQuery(String aggregateId) {

    public static FindStatusQuery all() {
        return new FindStatusQuery(null);
    }

    public static FindStatusQuery of(String aggregateId) {
        return new FindStatusQuery(aggregateId);
    }
}
