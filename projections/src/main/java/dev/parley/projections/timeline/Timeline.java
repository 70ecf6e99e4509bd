package dev.parley.projections.timeline;

import java.util.List;

/** The answer to {@link FindTimelineQuery}: entries ordered by {@code occurredAt}, then by position. */
public record Timeline(List<TimelineEntry> entries) {

    public Timeline {
        entries = List.copyOf(entries);
    }
}
