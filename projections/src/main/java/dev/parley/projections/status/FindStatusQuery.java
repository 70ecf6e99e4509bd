package dev.parley.projections.status;

/**
 * Asks for the current status of every negotiation and incident, or of the one whose id is {@code aggregateId}
 * (null for all).
 *
 * @param aggregateId the aggregate asked about, or null for all
 */
public record FindStatusQuery(String aggregateId) {

    /**
     * Asks for the status of every negotiation and incident.
     *
     * @return the query
     */
    public static FindStatusQuery all() {
        return new FindStatusQuery(null);
    }

    /**
     * Asks for the status of one negotiation or incident.
     *
     * @param aggregateId its id
     * @return the query
     */
    public static FindStatusQuery of(String aggregateId) {
        return new FindStatusQuery(aggregateId);
    }
}
