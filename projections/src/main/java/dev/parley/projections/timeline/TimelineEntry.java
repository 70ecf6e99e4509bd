package dev.parley.projections.timeline;

import dev.parley.projections.describe.EventDescriptions;
import dev.parley.projections.support.StoredEvent;

import java.time.Instant;

/**
 * One event on the timeline, described in one line.
 *
 * @param position the event's global position
 * @param occurredAt when it happened in the world
 * @param recordedAt when it was recorded
 * @param aggregateType the aggregate type
 * @param aggregateId the aggregate's id
 * @param sequence the event's sequence number in its stream, from 0
 * @param eventType the event's public type name
 * @param source who reported it
 * @param description the event in one line
 */
public record TimelineEntry(long position,
                            Instant occurredAt,
                            Instant recordedAt,
                            String aggregateType,
                            String aggregateId,
                            long sequence,
                            String eventType,
                            String source,
                            String description) {

    /**
     * The timeline entry of a stored event.
     *
     * @param event the event
     * @return its entry, with its one-line description
     */
    public static TimelineEntry of(StoredEvent event) {
        return new TimelineEntry(event.position(), event.occurredAt(), event.recordedAt(), event.aggregateType(),
                                 event.aggregateId(), event.sequence(), event.eventType(), event.source(),
                                 EventDescriptions.describe(event.payload()));
    }
}
