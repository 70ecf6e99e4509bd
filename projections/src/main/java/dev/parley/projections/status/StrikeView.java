package dev.parley.projections.status;

import java.time.Instant;
import java.util.List;

/**
 * A strike recorded on an incident.
 *
 * @param by the code of the striking side
 * @param targets what was struck
 * @param occurredAt when it happened
 */
public record StrikeView(String by, List<String> targets, Instant occurredAt) {
}
