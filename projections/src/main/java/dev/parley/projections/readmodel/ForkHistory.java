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

    /** The last position of the record that the fork's line of forks sees. */
    long recordPoint();

    /** The record's answer to {@code query}, once its read models have caught up. */
    <R> R askRecord(Object query, Class<R> answerType);

    /** The events of the fork's line after {@link #recordPoint()}, at or before {@code upTo}, in position order. */
    List<StoredEvent> forkEvents(long upTo);

    /** The whole stream of one aggregate as the fork sees it: the record's part, then the fork's. */
    DomainEventStream stream(String aggregateId);

    /** Every aggregate the fork sees, ordered by id. */
    List<String> aggregateIds();
}
