package dev.parley.application.policy;

import dev.parley.incident.api.IncidentReportedEvent;
import dev.parley.negotiation.api.KnownIncidents;
import dev.parley.shared.api.IncidentId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which aggregate type owns an identifier, read from the first event of its stream. Axon keys streams by identifier
 * alone, so a negotiation and an incident can never share one. A stream's first event never changes, so what was
 * found is remembered (up to a bound) and every command after the first to an aggregate costs no read.
 */
public final class StreamTypes implements KnownIncidents {

    private static final int REMEMBERED = 100_000;

    /** The first event of a stream, as far as this class needs it. */
    private record First(String type, Instant incidentOccurredAt) {
    }

    private final EventStore eventStore;
    private final Map<String, First> firsts = new ConcurrentHashMap<>();

    /**
     * Stream types read from {@code eventStore}.
     *
     * @param eventStore the event store
     */
    public StreamTypes(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * The aggregate type that owns an identifier.
     *
     * @param aggregateId the identifier
     * @return the aggregate type, or empty when no stream has it
     */
    public Optional<String> typeOf(String aggregateId) {
        return first(aggregateId).map(First::type);
    }

    @Override
    public Optional<Instant> occurredAt(IncidentId incidentId) {
        return first(incidentId.value()).map(First::incidentOccurredAt);
    }

    private Optional<First> first(String aggregateId) {
        First known = firsts.get(aggregateId);
        if (known != null) {
            return Optional.of(known);
        }
        DomainEventStream stream = eventStore.readEvents(aggregateId, 0);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> event = stream.peek();
        First found = new First(event.getType(), event.getPayload() instanceof IncidentReportedEvent reported
                ? reported.occurredAt() : null);
        if (firsts.size() >= REMEMBERED) {
            firsts.clear();
        }
        firsts.put(aggregateId, found);
        return Optional.of(found);
    }
}
