package dev.parley.application.storage;

import dev.parley.application.integrity.Hashes;
import dev.parley.application.integrity.LeafInput;
import dev.parley.application.storage.LastLeaves.Leaf;
import dev.parley.projections.schema.Tables.EventHashes;
import org.axonframework.common.jdbc.ConnectionProvider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the leaf hash of each newly appended event, in the append's own transaction, computed from exactly the
 * column values the append stored (docs/integrity.md) and chained onto the stored leaf of the event before it in its
 * stream. That leaf is remembered from this store's own last append to the stream when it is the leaf of the
 * stream's current last row, else read from event_hash.
 */
public final class EventHasher {

    /** Streams whose last leaf is remembered; a stream beyond them costs one indexed read when appended to again. */
    private static final int REMEMBERED_STREAMS = 10_000;

    private final ConnectionProvider connections;
    private final LastLeaves lastLeaves = new LastLeaves(REMEMBERED_STREAMS);

    /**
     * A hasher writing through {@code connections}.
     *
     * @param connections the connections of the appends' transactions
     */
    public EventHasher(ConnectionProvider connections) {
        this.connections = connections;
    }

    ConnectionProvider connections() {
        return connections;
    }

    /**
     * Hashes {@code stored}, the rows just inserted in position order, whose streams stood at {@code tips} before the
     * insert; returns the leaf of each stream's new last event, to {@link #remember} once the append is committed.
     */
    Map<String, Leaf> hash(Connection connection, List<LeafInput> stored, Map<String, StreamTip> tips)
            throws SQLException {
        Map<String, Leaf> lastOfStream = new HashMap<>();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + EventHashes.TABLE + " (" + EventHashes.GLOBAL_INDEX + ", "
                        + EventHashes.AGGREGATE_IDENTIFIER + ", " + EventHashes.SEQUENCE_NUMBER + ", "
                        + EventHashes.LEAF_HASH + ") VALUES (?, ?, ?, ?)")) {
            for (LeafInput event : stored) {
                Leaf before = lastOfStream.get(event.aggregateId());
                byte[] previous = before != null ? before.hash()
                        : previousLeaf(connection, event, tips.getOrDefault(event.aggregateId(), StreamTip.EMPTY));
                byte[] leaf = event.leafHash(previous);
                lastOfStream.put(event.aggregateId(),
                                 new Leaf(new StreamTip(event.sequence(), event.position()), leaf));
                insert.setLong(1, event.position());
                insert.setString(2, event.aggregateId());
                insert.setLong(3, event.sequence());
                insert.setBytes(4, leaf);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return lastOfStream;
    }

    /** Remembers the streams' last leaves of a committed append. */
    void remember(Map<String, Leaf> leaves) {
        lastLeaves.remember(leaves);
    }

    /** Forgets what was remembered of these streams, after an append to them rolled back. */
    void forget(Collection<String> streams) {
        lastLeaves.forget(streams);
    }

    /** The leaf {@code event} chains onto: none for the first of a stream, else the leaf of the stream's tip. */
    private byte[] previousLeaf(Connection connection, LeafInput event, StreamTip tip) throws SQLException {
        if (event.sequence() == 0) {
            return Hashes.NONE;
        }
        byte[] remembered = lastLeaves.leafAt(event.aggregateId(), tip);
        if (remembered != null) {
            return remembered;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + EventHashes.LEAF_HASH + " FROM " + EventHashes.TABLE + " WHERE "
                        + EventHashes.GLOBAL_INDEX + " = ? AND " + EventHashes.AGGREGATE_IDENTIFIER + " = ? AND "
                        + EventHashes.SEQUENCE_NUMBER + " = ?")) {
            select.setLong(1, tip.position());
            select.setString(2, event.aggregateId());
            select.setLong(3, event.sequence() - 1);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("event " + (event.sequence() - 1) + " of " + event.aggregateId()
                                                   + " has no hash to chain to");
                }
                return row.getBytes(EventHashes.LEAF_HASH);
            }
        }
    }
}
