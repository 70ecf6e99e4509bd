package dev.parley.projections.status;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;

import java.util.Optional;

import static dev.parley.shared.api.AggregateTypes.BORDER_INCIDENT;
import static dev.parley.shared.api.AggregateTypes.NEGOTIATION;

/**
 * Projects every negotiation and incident event into the status read model. Idempotent per aggregate sequence: an
 * event already folded into a document is skipped, so a replay or a retried batch leaves no duplicate.
 */
@ProcessingGroup(StatusProjection.PROCESSING_GROUP)
public class StatusProjection {

    public static final String PROCESSING_GROUP = "status";

    private final StatusStore store;

    public StatusProjection(ConnectionProvider connections) {
        this.store = new StatusStore(connections);
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message, TrackingToken token) {
        String type = message.getType();
        Class<?> viewType = NEGOTIATION.equals(type) ? NegotiationView.class
                : BORDER_INCIDENT.equals(type) ? IncidentView.class : null;
        if (viewType == null) {
            return;
        }
        String id = message.getAggregateIdentifier();
        Optional<StatusStore.Row> row = store.find(type, id);
        if (row.isPresent() && row.get().lastSequence() >= message.getSequenceNumber()) {
            return;
        }
        Object current = row.map(r -> store.read(r.document(), viewType)).orElse(null);
        Object next = StatusFold.apply(type, current, event);
        if (next != null) {
            store.save(type, id, next, message.getSequenceNumber(), token.position().orElse(-1L), row.isPresent());
        }
    }

    @ResetHandler
    void reset() {
        store.clear();
    }

    @QueryHandler
    StatusReport handle(FindStatusQuery query) {
        return new StatusReport(store.all(NEGOTIATION, query.aggregateId(), NegotiationView.class),
                                store.all(BORDER_INCIDENT, query.aggregateId(), IncidentView.class));
    }
}
