package dev.parley.projections.status;

import dev.parley.projections.support.Times;
import dev.parley.shared.api.ParleyEvent;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Time travel on the status, on both axes: folds an aggregate's own event stream, keeping only the events that had
 * happened by a valid time and had been recorded by a transaction time, or those up to a sequence number. An
 * aggregate exists from its first event on: if that is not kept, neither is anything reported about it (a late
 * report dated before the aggregate began does not bring it into being). Reads each aggregate's events only, never
 * the whole store.
 */
public class StatusHistory {

    private final Function<String, DomainEventStream> streams;
    private final Supplier<List<String>> ids;

    /**
     * Over the record: each aggregate's stream from the event store, the aggregates from the status table.
     *
     * @param events the record's event store
     * @param connections connections to the database of the status table
     */
    public StatusHistory(EventStore events, ConnectionProvider connections) {
        this(id -> events.readEvents(id, 0), new StatusStore(connections)::ids);
    }

    /**
     * Over any history: {@code streams} gives an aggregate's whole stream, {@code ids} every aggregate in it.
     *
     * @param streams gives the whole stream of an aggregate by id
     * @param ids gives the id of every aggregate
     */
    public StatusHistory(Function<String, DomainEventStream> streams, Supplier<List<String>> ids) {
        this.streams = streams;
        this.ids = ids;
    }



    /**
     * The status at a valid time, by what was recorded by a transaction time.
     *
     * @param query the aggregate, or all, and both time bounds
     * @return the aggregates that existed then, as they stood
     */
    @QueryHandler
    public StatusReport handle(FindStatusAsOfQuery query) {
        return fold(query.aggregateId() != null ? List.of(query.aggregateId()) : ids.get(), message -> Times.notAfter(message.getTimestamp(), query.knownAt())
                && Times.notAfter(((ParleyEvent) message.getPayload()).occurredAt(), query.at()));
    }

    @QueryHandler
    StatusReport handle(FindStatusAtSequenceQuery query) {
        return fold(List.of(query.aggregateId()), message -> message.getSequenceNumber() <= query.sequence());
    }

    private StatusReport fold(List<String> ids, Predicate<DomainEventMessage<?>> kept) {
        List<NegotiationView> negotiations = new ArrayList<>();
        List<IncidentView> incidents = new ArrayList<>();
        for (String id : ids) {
            Object view = null;
            DomainEventStream stream = streams.apply(id);
            while (stream.hasNext()) {
                DomainEventMessage<?> message = stream.next();
                boolean begun = view != null || message.getSequenceNumber() == 0;
                if (begun && message.getPayload() instanceof ParleyEvent && kept.test(message)) {
                    view = StatusFold.apply(message.getType(), view, message.getPayload());
                }
            }
            if (view instanceof NegotiationView negotiation) {
                negotiations.add(negotiation);
            } else if (view instanceof IncidentView incident) {
                incidents.add(incident);
            }
        }
        return new StatusReport(negotiations, incidents);
    }
}
