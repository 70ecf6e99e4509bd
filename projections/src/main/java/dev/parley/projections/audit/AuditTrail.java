package dev.parley.projections.audit;

import java.util.List;

/**
 * The answer to {@link FindAuditTrailQuery}: entries in position order.
 *
 * @param entries the entries, oldest position first
 */
public record AuditTrail(List<AuditEntry> entries) {

    /**
     * Copies the entries.
     *
     * @param entries the entries, oldest position first
     */
    public AuditTrail {
        entries = List.copyOf(entries);
    }
}
