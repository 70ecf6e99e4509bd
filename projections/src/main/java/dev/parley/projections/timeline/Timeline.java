package dev.parley.projections.timeline;

import java.util.List;

/**
 * The answer to {@link FindTimelineQuery}: entries ordered by {@code occurredAt}, then by position.
 *
 * @param entries the entries
 */
public record Timeline(List<TimelineEntry> entries) {

    /**
     * Copies the entries.
     *
     * @param entries the entries
     */
    public Timeline {
        entries = List.copyOf(entries);
    }
}
