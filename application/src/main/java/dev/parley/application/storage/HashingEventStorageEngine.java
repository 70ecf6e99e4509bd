package dev.parley.application.storage;

import dev.parley.application.integrity.SnapshotBinding;
import dev.parley.application.integrity.LeafInput;
import dev.parley.application.storage.LastLeaves.Leaf;
import dev.parley.projections.schema.Tables.DomainEvents;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
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
 * store's append lock first and keep it until they commit, so positions become visible in order. Reading, snapshots
 * and tokens are Axon's; the append is Parley's own, so that the leaves are computed from the very values it
 * stores, without reading them back.
 */
public final class HashingEventStorageEngine extends JdbcEventStorageEngine {


    private final EventHasher hasher;
    private final TransactionManager transactions;
    private final SnapshotBinding snapshotBinding;
    private final GroupCommit groupCommit;

    /**
     * The engine over {@code builder}'s settings, appending in the caller's transaction; snapshots are bound to the
     * history as they are stored, and only snapshots whose binding holds are loaded.
     *
     * @param builder the settings of Axon's JDBC engine
     * @param hasher hashes each appended event
     * @param transactions the transaction manager appends run in
     */
    public HashingEventStorageEngine(Builder builder, EventHasher hasher, TransactionManager transactions) {
        this(builder, hasher, transactions, new SnapshotBinding(hasher.connections()), null);
    }

    /**
     * The engine over {@code builder}'s settings, handing appends to {@code groupCommit}, which commits them in its
     * own transactions: only where Parley owns the transactions ({@code transactions} are Parley's own).
     *
     * @param builder the settings of Axon's JDBC engine
     * @param groupCommit commits the appends in groups
     * @param transactions Parley's own transaction manager
     */
    public HashingEventStorageEngine(Builder builder, GroupCommit groupCommit, TransactionManager transactions) {
        this(builder, groupCommit.hasher(), transactions, new SnapshotBinding(groupCommit.hasher().connections()),
             groupCommit);
    }

    private HashingEventStorageEngine(Builder builder, EventHasher hasher, TransactionManager transactions,
                                      SnapshotBinding snapshotBinding, GroupCommit groupCommit) {
        super(builder.snapshotFilter(snapshotBinding));
        this.hasher = hasher;
        this.transactions = transactions;
        this.snapshotBinding = snapshotBinding;
        this.groupCommit = groupCommit;
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        // A sender deciding ahead of its commits (parley run) has the snapshot taken from events still in flight:
        // it is stored only once they are, and not at all if they were not.
        if (groupCommit != null && !groupCommit.settledOnThisThread()) {
            return;
        }
        transactions.executeInTransaction(() -> {
            if (!holdsEvent(snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber())) {
                // Taken from events that are not stored (in flight on another thread, or refused): a snapshot of a
                // history the store does not hold is never stored.
                return;
            }
            super.storeSnapshot(snapshot, serializer);
            try {
                snapshotBinding.bind(snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber());
            } catch (SQLException e) {
                throw new EventStoreException("cannot bind the snapshot of " + snapshot.getAggregateIdentifier()
                                                      + ": " + e.getMessage(), e);
            }
        });
    }

    /** Whether the store holds the event of {@code aggregateId} at {@code sequence}. */
    private boolean holdsEvent(String aggregateId, long sequence) {
        try (Connection connection = hasher.connections().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT 1 FROM " + DomainEvents.TABLE + " WHERE " + DomainEvents.AGGREGATE_IDENTIFIER
                             + " = ? AND " + DomainEvents.SEQUENCE_NUMBER + " = ?")) {
            select.setString(1, aggregateId);
            select.setLong(2, sequence);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new EventStoreException("cannot check the history of the snapshot of " + aggregateId + ": "
                                                  + e.getMessage(), e);
        }
    }

    /**
     * Stores {@code events} and their leaf hashes: serialized before the append lock is taken, then, under it, one
     * read of where each stream stands (which is also the conflict check), one batch of event rows whose positions
     * the store hands out, and one batch of hashes computed in memory from exactly the values bound to the insert.
     */
    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        List<EventRow> rows = events.stream().map(event -> EventRow.of(event, serializer)).toList();
        if (groupCommit != null) {
            groupCommit.append(rows);
            return;
        }
        Map<String, Leaf> appended = transactions.fetchInTransaction(() -> {
            try (Connection connection = hasher.connections().getConnection()) {
                AppendLock.take(connection);
                Map<String, StreamTip> tips = requireNextInStreams(connection, rows);
                List<LeafInput> stored;
                try {
                    stored = EventRow.insert(connection, rows);
                } catch (SQLException e) {
                    // The unique stream index is the last guard behind the check above.
                    handlePersistenceException(e, events.get(0));
                    throw e;
                }
                return hasher.hash(connection, stored, tips);
            } catch (SQLException e) {
                throw new EventStoreException("cannot append " + events.size() + " events: " + e.getMessage(), e);
            }
        });
        rememberOnceCommitted(appended);
    }

    /**
     * Where each stream of {@code rows} stands; fails with a concurrency conflict, before anything is inserted, when
     * another writer has appended to one of them since its events here were decided. Checked under the append lock,
     * so nothing can slip in between; and checked before the insert, so a conflict leaves no hole in the positions
     * (a failed insert would use one up, and every tracking token would carry that gap).
     */
    private static Map<String, StreamTip> requireNextInStreams(Connection connection, List<EventRow> rows)
            throws SQLException {
        Map<String, Long> firstOfStream = new LinkedHashMap<>();
        for (EventRow row : rows) {
            firstOfStream.putIfAbsent(row.aggregateId(), row.sequence());
        }
        Map<String, StreamTip> tips = StreamTip.of(connection, firstOfStream.keySet());
        for (Map.Entry<String, Long> stream : firstOfStream.entrySet()) {
            StreamTip tip = tips.computeIfAbsent(stream.getKey(), empty -> StreamTip.EMPTY);
            if (tip.sequence() + 1 != stream.getValue()) {
                throw GroupCommit.conflict(stream.getKey(), stream.getValue(), tip.sequence());
            }
        }
        return tips;
    }

    /**
     * The appended streams' last leaves are remembered once the append's unit of work commits, and forgotten if it
     * rolls back; a leaf is used only for the exact stored row it belongs to, so even one remembered for a
     * transaction that an embedding application rolled back later is never chained onto.
     */
    private void rememberOnceCommitted(Map<String, Leaf> appended) {
        if (!CurrentUnitOfWork.isStarted()) {
            hasher.remember(appended);
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        root.afterCommit(unitOfWork -> hasher.remember(appended));
        root.onRollback(unitOfWork -> hasher.forget(appended.keySet()));
    }
}
