package dev.parley.application.fork;

import dev.parley.projections.support.StoredEvent;
import org.axonframework.eventhandling.DomainEventMessage;

import java.util.ArrayList;
import java.util.TreeSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fork's history: its parent up to the fork point, read through and never copied, followed by the fork's own
 * events, kept here and nowhere else. Own events are numbered on from the fork point.
 */
public final class ForkEvents implements EventSource {

    private final EventSource parent;
    private final long forkPoint;
    private final List<PositionedEvent> own = new CopyOnWriteArrayList<>();

    ForkEvents(EventSource parent, long forkPoint) {
        this.parent = Objects.requireNonNull(parent, "parent");
        this.forkPoint = forkPoint;
    }

    /**
     * The history the fork continues.
     *
     * @return the parent
     */
    public EventSource parent() {
        return parent;
    }

    /**
     * The last position of the parent this fork sees.
     *
     * @return its global position
     */
    public long forkPoint() {
        return forkPoint;
    }

    /**
     * The fork's own events, in the order they were added.
     *
     * @return the events
     */
    public List<PositionedEvent> own() {
        return List.copyOf(own);
    }

    /**
     * The position in the record this fork's line of forks began at.
     *
     * @return its global position
     */
    public long recordPoint() {
        return parent instanceof ForkEvents forked ? forked.recordPoint() : forkPoint;
    }

    /** The record this fork's line of forks began from. */
    RecordSource record() {
        if (parent instanceof ForkEvents forked) {
            return forked.record();
        }
        if (parent instanceof RecordSource record) {
            return record;
        }
        throw new IllegalStateException("a fork's line begins at the record, not at " + parent.getClass().getName());
    }

    /**
     * Every event of this fork's line of forks after the record point: its ancestors' up to the fork point, then its
     * own.
     *
     * @return the events, in position order
     */
    public List<PositionedEvent> lineage() {
        List<PositionedEvent> events = new ArrayList<>();
        if (parent instanceof ForkEvents forked) {
            forked.lineage().stream().filter(event -> event.position() <= forkPoint).forEach(events::add);
        }
        events.addAll(own);
        return events;
    }

    /** Adds events decided in this fork, at the next positions. */
    synchronized List<PositionedEvent> append(List<DomainEventMessage<?>> messages) {
        List<PositionedEvent> added = new ArrayList<>(messages.size());
        for (DomainEventMessage<?> message : messages) {
            added.add(new PositionedEvent(head() + added.size() + 1, message));
        }
        own.addAll(added);
        return added;
    }

    @Override
    public List<PositionedEvent> stream(String aggregateId, long upTo) {
        List<PositionedEvent> events = new ArrayList<>(parent.stream(aggregateId, Math.min(forkPoint, upTo)));
        for (PositionedEvent event : own) {
            if (event.position() <= upTo && event.message().getAggregateIdentifier().equals(aggregateId)) {
                events.add(event);
            }
        }
        return events;
    }

    @Override
    public long head() {
        return forkPoint + own.size();
    }

    @Override
    public Set<String> aggregateIds(long upTo) {
        Set<String> ids = new TreeSet<>(parent.aggregateIds(Math.min(forkPoint, upTo)));
        ownUpTo(upTo).forEach(event -> ids.add(event.message().getAggregateIdentifier()));
        return ids;
    }

    private java.util.stream.Stream<PositionedEvent> ownUpTo(long upTo) {
        return own.stream().filter(event -> event.position() <= upTo);
    }

    static StoredEvent stored(PositionedEvent event) {
        return StoredEvent.of(event.message(), event.position());
    }
}
