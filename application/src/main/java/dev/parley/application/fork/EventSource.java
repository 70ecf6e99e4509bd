package dev.parley.application.fork;

import dev.parley.projections.audit.AuditEntry;
import dev.parley.projections.timeline.TimelineEntry;

import java.util.List;
import java.util.Set;

/**
 * A history a fork can read and never write: the record, or another fork. Every question is bounded by a position,
 * so a fork sees its parent only up to its fork point.
 */
public interface EventSource {

    /** The events of one aggregate stored at or before {@code upTo}, in sequence order. */
    List<PositionedEvent> stream(String aggregateId, long upTo);

    /** The position of the last event of this history. */
    long head();

    /** Every aggregate with an event at or before {@code upTo}, ordered by id. */
    Set<String> aggregateIds(long upTo);

    /** The timeline entries of the events at or before {@code upTo}, in no particular order. */
    List<TimelineEntry> timeline(long upTo);

    /** The audit entries of the events at or before {@code upTo}, of one aggregate or (null) all, by position. */
    List<AuditEntry> audit(String aggregateIdOrNull, long upTo);
}
