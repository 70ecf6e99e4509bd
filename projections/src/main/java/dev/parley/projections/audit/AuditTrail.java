package dev.parley.projections.audit;

import java.util.List;

/** The answer to {@link FindAuditTrailQuery}: entries in position order. */
public record AuditTrail(List<AuditEntry> entries) {

    public AuditTrail {
        entries = List.copyOf(entries);
    }
}
