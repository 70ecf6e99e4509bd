package dev.parley.application.fork;

import dev.parley.projections.readmodel.ForkHistory;
import dev.parley.projections.support.StoredEvent;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A fork's history as read models see it when they answer inside the fork. */
final class ForkLine implements ForkHistory {

    private final ForkEvents events;

    ForkLine(ForkEvents events) {
        this.events = events;
    }

    @Override
    public long recordPoint() {
        return events.recordPoint();
    }

    @Override
    public <R> R askRecord(Object query, Class<R> answerType) {
        return events.record().ask(query, answerType);
    }

    @Override
    public List<StoredEvent> forkEvents(long upTo) {
        return events.lineage().stream()
                     .filter(event -> event.position() <= upTo)
                     .map(ForkEvents::stored)
                     .filter(Objects::nonNull)
                     .toList();
    }

    @Override
    public DomainEventStream stream(String aggregateId) {
        return DomainEventStream.of(events.stream(aggregateId, Long.MAX_VALUE).stream().map(PositionedEvent::message));
    }

    @Override
    public List<String> aggregateIds() {
        return new ArrayList<>(events.aggregateIds(Long.MAX_VALUE));
    }
}
