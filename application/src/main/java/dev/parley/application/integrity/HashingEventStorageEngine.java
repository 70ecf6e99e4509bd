package dev.parley.application.integrity;

import dev.parley.projections.schema.Tables.DomainEvents;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Axon's JDBC storage engine, hashing every appended event in the same transaction as the append. Appends take the
 * store's append lock first and keep it until they commit, so positions become visible in order.
 */
public final class HashingEventStorageEngine extends JdbcEventStorageEngine {

    /** The name of the computed last sequence of a stream, read by name. */
    private static final String LAST_SEQUENCE = "last_sequence";

    private final EventHasher hasher;
    private final TransactionManager transactions;
    private final SnapshotBinding snapshotBinding;

    /**
     * The engine over {@code builder}'s settings; snapshots are bound to the history as they are stored, and only
     * snapshots whose binding holds are loaded.
     */
    public HashingEventStorageEngine(Builder builder, EventHasher hasher, TransactionManager transactions) {
        this(builder, hasher, transactions, new SnapshotBinding(hasher.connections()));
    }

    private HashingEventStorageEngine(Builder builder, EventHasher hasher, TransactionManager transactions,
                                      SnapshotBinding snapshotBinding) {
        super(builder.snapshotFilter(snapshotBinding));
        this.hasher = hasher;
        this.transactions = transactions;
        this.snapshotBinding = snapshotBinding;
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        transactions.executeInTransaction(() -> {
            super.storeSnapshot(snapshot, serializer);
            try {
                snapshotBinding.bind(snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber());
            } catch (SQLException e) {
                throw new EventStoreException("cannot bind the snapshot of " + snapshot.getAggregateIdentifier()
                                                      + ": " + e.getMessage(), e);
            }
        });
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
            try {
                requireNextInStreams(events);
            } catch (SQLException e) {
                throw new EventStoreException("cannot read where the streams stand: " + e.getMessage(), e);
            }
            super.appendEvents(events, serializer);
            try {
                hasher.hash(events.stream().map(EventMessage::getIdentifier).toList());
            } catch (SQLException e) {
                throw new EventStoreException("cannot hash the appended events: " + e.getMessage(), e);
            }
        });
    }

    /**
     * Fails with a concurrency conflict, before anything is inserted, when another writer has appended to one of the
     * streams since its events here were decided. Checked under the append lock, so nothing can slip in between; and
     * checked before the insert, so a conflict leaves no hole in the positions (a failed insert would use one up,
     * and every tracking token would carry that gap).
     */
    private void requireNextInStreams(List<? extends EventMessage<?>> events) throws SQLException {
        Map<String, Long> firstOfStream = new LinkedHashMap<>();
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
                firstOfStream.putIfAbsent(domain.getAggregateIdentifier(), domain.getSequenceNumber());
            }
        }
        if (firstOfStream.isEmpty()) {
            return;
        }
        try (Connection connection = hasher.connections().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT MAX(" + DomainEvents.SEQUENCE_NUMBER + ") AS " + LAST_SEQUENCE + " FROM "
                             + DomainEvents.TABLE + " WHERE " + DomainEvents.AGGREGATE_IDENTIFIER + " = ?")) {
            for (Map.Entry<String, Long> stream : firstOfStream.entrySet()) {
                select.setString(1, stream.getKey());
                long stored;
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    stored = row.getObject(LAST_SEQUENCE) == null ? -1 : row.getLong(LAST_SEQUENCE);
                }
                if (stored + 1 != stream.getValue()) {
                    String message = "another writer appended to " + stream.getKey() + " first: its events here start"
                            + " at sequence [" + stream.getValue() + "], the stream already holds up to [" + stored
                            + "]; decide the command again";
                    if (stream.getValue() == 0) {
                        throw new AggregateStreamCreationException(message);
                    }
                    throw new ConcurrencyException(message);
                }
            }
        }
    }
}
