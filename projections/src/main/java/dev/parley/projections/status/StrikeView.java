package dev.parley.projections.status;

import java.time.Instant;
import java.util.List;

/** A strike recorded on an incident. */
public record StrikeView(String by, List<String> targets, Instant occurredAt) {
}
