package dev.parley.projections.audit;

/** Asks for the audit trail of every stream, or of the aggregate {@code aggregateId} (null for all). */
public record FindAuditTrailQuery(String aggregateId) {

    public static FindAuditTrailQuery all() {
        return new FindAuditTrailQuery(null);
    }

    public static FindAuditTrailQuery of(String aggregateId) {
        return new FindAuditTrailQuery(aggregateId);
    }
}
