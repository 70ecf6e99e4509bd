package dev.parley.application.fork;

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
}
