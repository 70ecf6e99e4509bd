package dev.parley.projections.timeline;

import java.time.Instant;

/** One event on the timeline, described in one line. */
public record TimelineEntry(long position,
                            Instant occurredAt,
                            Instant recordedAt,
                            String aggregateType,
                            String aggregateId,
                            long sequence,
                            String eventType,
                            String source,
                            String description) {
}
