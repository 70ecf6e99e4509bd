package dev.parley.web.api;

import dev.parley.projections.audit.AuditEntry;

import java.util.List;

/**
 * A page of an audit trail: {@code entries} are the entries {@code offset} to {@code offset + limit} of the
 * {@code total} that {@code parley audit --json} prints, in the same form.
 *
 * @param total   how many entries the whole trail holds
 * @param offset  how many entries the page skips
 * @param limit   how many entries the page holds at most
 * @param entries the page's entries, in store order; fewer than {@code limit} at the trail's end
 */
public record AuditPage(int total, int offset, int limit, List<AuditEntry> entries) {
}
