package dev.parley.application.policy;

import dev.parley.incident.api.IncidentId;
import dev.parley.incident.api.IncidentReportedEvent;
import dev.parley.negotiation.api.KnownIncidents;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.util.Optional;

/**
 * Which aggregate type owns an identifier, read from the first event of its stream. Axon keys streams by identifier
 * alone, so a negotiation and an incident can never share one.
 */
public final class StreamTypes implements KnownIncidents {

    private final EventStore eventStore;

    public StreamTypes(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Optional<String> typeOf(String aggregateId) {
        DomainEventStream stream = eventStore.readEvents(aggregateId, 0);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = stream.peek();
        return Optional.ofNullable(first.getType());
    }

    @Override
    public Optional<Instant> occurredAt(IncidentId incidentId) {
        DomainEventStream stream = eventStore.readEvents(incidentId.value(), 0);
        if (stream.hasNext() && stream.peek().getPayload() instanceof IncidentReportedEvent reported) {
            return Optional.of(reported.occurredAt());
        }
        return Optional.empty();
    }
}
