package dev.parley.application.policy;

import dev.parley.incident.api.IncidentId;
import dev.parley.negotiation.api.KnownIncidents;
import dev.parley.shared.api.AggregateTypes;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

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
    public boolean exists(IncidentId incidentId) {
        return typeOf(incidentId.value()).filter(AggregateTypes.BORDER_INCIDENT::equals).isPresent();
    }
}
