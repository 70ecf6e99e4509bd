package dev.parley.web.api;

import dev.parley.projections.audit.AuditEntry;

import java.util.List;

/**
 * A page of an audit trail: {@code entries} are the entries {@code offset} to {@code offset + limit} of the
 * {@code total} that {@code parley audit --json} prints, in the same form.
 */
public record AuditPage(int total, int offset, int limit, List<AuditEntry> entries) {
}
