package dev.parley.projections.status;

import dev.parley.projections.support.BatchScope;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;

import static dev.parley.shared.api.AggregateTypes.BORDER_INCIDENT;
import static dev.parley.shared.api.AggregateTypes.NEGOTIATION;

/**
 * Projects every negotiation and incident event into the status read model, one batch at a time. Idempotent per
 * aggregate sequence: an event already folded into a document is skipped, so a replay or a retried batch leaves no
 * duplicate.
 */
@ProcessingGroup(StatusProjection.PROCESSING_GROUP)
public class StatusProjection {

    /** The processing group, and the name of the processor that runs the projection. */
    public static final String PROCESSING_GROUP = "status";

    private final StatusStore store;

    /**
     * A projection writing through Axon's connections, in the processor's transaction.
     *
     * @param connections connections to the database of {@code status_view}
     */
    public StatusProjection(ConnectionProvider connections) {
        this.store = new StatusStore(connections);
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message, TrackingToken token) {
        String type = message.getType();
        Class<?> viewType = NEGOTIATION.equals(type) ? NegotiationView.class
                : BORDER_INCIDENT.equals(type) ? IncidentView.class : null;
        if (viewType != null) {
            BatchScope.with(PROCESSING_GROUP, () -> new StatusBatch(store), StatusBatch::flush,
                            batch -> batch.fold(type, message.getAggregateIdentifier(), viewType,
                                                message.getSequenceNumber(), token.position().orElse(-1L), event));
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
