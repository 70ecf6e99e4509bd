package dev.parley.application.fork;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Axon's storage engine for a fork: reads go to the fork's history (its parent up to the fork point, then its own
 * events); appends go to the fork's own events only, when the unit of work commits. There is no path from here to
 * the parent's store.
 */
final class ForkStorageEngine implements EventStorageEngine {

    private static final String PENDING = ForkStorageEngine.class.getName() + ".pending";

    private final ForkEvents events;

    ForkStorageEngine(ForkEvents events) {
        this.events = events;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> messages) {
        List<DomainEventMessage<?>> domainEvents = new ArrayList<>(messages.size());
        for (EventMessage<?> message : messages) {
            if (!(message instanceof DomainEventMessage<?> domainEvent)) {
                throw new IllegalArgumentException("a fork stores domain events only, not " + message.getPayloadType());
            }
            domainEvents.add(domainEvent);
        }
        if (!CurrentUnitOfWork.isStarted()) {
            append(domainEvents);
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<DomainEventMessage<?>> pending = root.getOrComputeResource(PENDING, key -> {
            List<DomainEventMessage<?>> created = new ArrayList<>();
            root.onCommit(unitOfWork -> append(created));
            return created;
        });
        pending.addAll(domainEvents);
    }

    private void append(List<DomainEventMessage<?>> domainEvents) {
        synchronized (events) {
            java.util.Map<String, Long> next = new java.util.HashMap<>();
            for (DomainEventMessage<?> event : domainEvents) {
                long expected = next.computeIfAbsent(event.getAggregateIdentifier(), id -> lastSequenceNumberFor(id)
                        .map(last -> last + 1).orElse(0L));
                next.put(event.getAggregateIdentifier(), expected + 1);
                if (event.getSequenceNumber() != expected) {
                    throw new ConcurrencyException("event " + event.getSequenceNumber() + " of "
                                                           + event.getAggregateIdentifier() + " in a fork follows "
                                                           + (expected - 1));
                }
            }
            events.append(domainEvents);
        }
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        // forks keep no snapshots: their streams are short and live in memory
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        long after = trackingToken == null ? Long.MIN_VALUE : trackingToken.position().orElse(Long.MIN_VALUE);
        return events.own().stream()
                     .filter(event -> event.position() > after)
                     .map(event -> new GenericTrackedDomainEventMessage<>(
                             new GlobalSequenceTrackingToken(event.position()), event.message()));
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return DomainEventStream.of(events.stream(aggregateIdentifier, Long.MAX_VALUE).stream()
                                          .map(PositionedEvent::message)
                                          .filter(message -> message.getSequenceNumber() >= firstSequenceNumber));
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return Optional.empty();
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        List<PositionedEvent> stream = events.stream(aggregateIdentifier, Long.MAX_VALUE);
        return stream.isEmpty() ? Optional.empty()
                : Optional.of(stream.get(stream.size() - 1).message().getSequenceNumber());
    }

    @Override
    public TrackingToken createTailToken() {
        return new GlobalSequenceTrackingToken(events.forkPoint());
    }

    @Override
    public TrackingToken createHeadToken() {
        return new GlobalSequenceTrackingToken(events.head());
    }

    /**
     * The token from which the fork's own events recorded at or after {@code dateTime} are streamed, as Axon's JDBC
     * engine answers for the record: just before the first of them, or the head when there is none.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return events.own().stream()
                     .filter(event -> !event.message().getTimestamp().isBefore(dateTime))
                     .map(PositionedEvent::position)
                     .min(Long::compare)
                     .<TrackingToken>map(first -> new GlobalSequenceTrackingToken(first - 1))
                     .orElseGet(this::createHeadToken);
    }
}
