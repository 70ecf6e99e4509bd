package dev.parley.projections.readmodel;

import dev.parley.projections.support.StoredEvent;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;

import java.util.List;

/**
 * What a what-if fork offers a read model answering inside it: the record up to the point the fork's line began at,
 * through the record's own read models, and the fork line's events after it. A fork keeps no read-model table, so a
 * read model answers from these two.
 */
public interface ForkHistory {

    /** @return the last position of the record that the fork's line of forks sees */
    long recordPoint();

    /**
     * The record's answer to {@code query}, once its read models have caught up.
     *
     * @param query a query of one of the record's read models
     * @param answerType the type of its answer
     * @param <R> the type of its answer
     * @return the answer
     */
    <R> R askRecord(Object query, Class<R> answerType);

    /**
     * The events of the fork's line after {@link #recordPoint()}, at or before {@code upTo}, in position order.
     *
     * @param upTo the last position included
     * @return the events
     */
    List<StoredEvent> forkEvents(long upTo);

    /**
     * The whole stream of one aggregate as the fork sees it: the record's part, then the fork's.
     *
     * @param aggregateId the aggregate
     * @return its events, empty when the fork knows no such aggregate
     */
    DomainEventStream stream(String aggregateId);

    /** @return every aggregate the fork sees, ordered by id */
    List<String> aggregateIds();
}
