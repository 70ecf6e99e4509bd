package dev.parley.application.integrity;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.sql.SQLException;
import java.util.List;

/**
 * Axon's JDBC storage engine, hashing every appended event in the same transaction as the append. Appends take the
 * store's append lock first and keep it until they commit, so positions become visible in order.
 */
public final class HashingEventStorageEngine extends JdbcEventStorageEngine {

    private final EventHasher hasher;
    private final TransactionManager transactions;

    public HashingEventStorageEngine(Builder builder, EventHasher hasher, TransactionManager transactions) {
        super(builder);
        this.hasher = hasher;
        this.transactions = transactions;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactions.executeInTransaction(() -> {
            try {
                AppendLock.take(hasher.connections());
            } catch (SQLException e) {
                throw new EventStoreException("cannot take the append lock: " + e.getMessage(), e);
            }
            super.appendEvents(events, serializer);
            try {
                hasher.hash(events.stream().map(EventMessage::getIdentifier).toList());
            } catch (SQLException e) {
                throw new EventStoreException("cannot hash the appended events: " + e.getMessage(), e);
            }
        });
    }
}
