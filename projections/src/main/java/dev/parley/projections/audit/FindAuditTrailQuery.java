package dev.parley.projections.audit;

/**
 * Asks for the audit trail of every stream, or of the aggregate {@code aggregateId} (null for all); {@code
 * upToPosition}, when not null, keeps only the events stored at or before that position.
 *
 * @param aggregateId the aggregate asked about, or null for every stream
 * @param upToPosition the last global position included, or null for all
 */
public record FindAuditTrailQuery(String aggregateId, Long upToPosition) {

    /**
     * The whole audit trail of one aggregate, or of all when null.
     *
     * @param aggregateId the aggregate asked about, or null for every stream
     */
    public FindAuditTrailQuery(String aggregateId) {
        this(aggregateId, null);
    }

    /**
     * Asks for the whole audit trail of every stream.
     *
     * @return the query
     */
    public static FindAuditTrailQuery all() {
        return new FindAuditTrailQuery(null, null);
    }

    /**
     * Asks for the whole audit trail of one aggregate.
     *
     * @param aggregateId the aggregate asked about
     * @return the query
     */
    public static FindAuditTrailQuery of(String aggregateId) {
        return new FindAuditTrailQuery(aggregateId, null);
    }
}
