package dev.parley.projections.audit;

/**
 * Asks for the audit trail of every stream, or of the aggregate {@code aggregateId} (null for all); {@code
 * upToPosition}, when not null, keeps only the events stored at or before that position.
 */
public record FindAuditTrailQuery(String aggregateId, Long upToPosition) {

    public FindAuditTrailQuery(String aggregateId) {
        this(aggregateId, null);
    }

    public static FindAuditTrailQuery all() {
        return new FindAuditTrailQuery(null, null);
    }

    public static FindAuditTrailQuery of(String aggregateId) {
        return new FindAuditTrailQuery(aggregateId, null);
    }
}
