package dev.parley.application.fork;

import java.util.List;
import java.util.Set;

/**
 * A history a fork can read and never write: the record, or another fork. Every question is bounded by a position,
 * so a fork sees its parent only up to its fork point.
 */
public interface EventSource {

    /**
     * The events of one aggregate stored at or before {@code upTo}, in sequence order.
     *
     * @param aggregateId the aggregate
     * @param upTo the last global position included
     * @return the events
     */
    List<PositionedEvent> stream(String aggregateId, long upTo);

    /**
     * The position of the last event of this history.
     *
     * @return its global position; 0 for an empty record
     */
    long head();

    /**
     * Every aggregate with an event at or before {@code upTo}, ordered by id.
     *
     * @param upTo the last global position included
     * @return the aggregate ids
     */
    Set<String> aggregateIds(long upTo);
}
