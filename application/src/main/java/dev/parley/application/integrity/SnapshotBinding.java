package dev.parley.application.integrity;

import dev.parley.projections.schema.Tables.DomainEvents;
import dev.parley.projections.schema.Tables.EventHashes;
import dev.parley.projections.schema.Tables.SnapshotBindings;
import dev.parley.projections.schema.Tables.Snapshots;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Ties each aggregate snapshot to the history it was taken from: {@code SHA-256} over a domain-separation tag, the
 * aggregate id, the sequence, the leaf hash of the event at that sequence and the snapshot's payload type and exact
 * stored bytes (docs/integrity.md). A snapshot is loaded only when its binding holds; otherwise the aggregate is
 * rebuilt from its events. The binding is a plain hash: it catches an edited snapshot, not one whose binding was
 * recomputed too, which {@code verify} catches by rebuilding the state (see {@link SnapshotAudit}).
 */
public final class SnapshotBinding implements SnapshotFilter {

    static final String VERSION = "parley-snapshot-v1";

    private final ConnectionProvider connections;

    /**
     * Binds and checks snapshots over {@code connections}.
     *
     * @param connections connections to the store, in the caller's transaction
     */
    public SnapshotBinding(ConnectionProvider connections) {
        this.connections = connections;
    }

    /** The binding of a snapshot of {@code aggregateId} at {@code sequence}, over the event's leaf hash. */
    static byte[] of(String aggregateId, long sequence, byte[] leafHash, String payloadType, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + payload.length);
        text(out, VERSION);
        text(out, aggregateId);
        out.writeBytes(ByteBuffer.allocate(8).putLong(sequence).array());
        out.writeBytes(leafHash);
        text(out, payloadType);
        out.writeBytes(ByteBuffer.allocate(4).putInt(payload.length).array());
        out.writeBytes(payload);
        MessageDigest digest = Hashes.sha256();
        return digest.digest(out.toByteArray());
    }

    private static void text(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    /**
     * Binds the snapshot of {@code aggregateId} just stored at {@code sequence}, reading back its stored bytes, in the
     * caller's transaction; bindings of the aggregate's older snapshots go, as the snapshots themselves did.
     *
     * @param aggregateId the snapshotted aggregate
     * @param sequence the sequence of the last event the snapshot holds
     * @throws SQLException if the snapshot cannot be read back or the binding written
     */
    public void bind(String aggregateId, long sequence) throws SQLException {
        try (Connection connection = connections.getConnection()) {
            byte[] leaf = leafHash(connection, aggregateId, sequence);
            byte[] binding;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + DomainEvents.PAYLOAD_TYPE + ", " + DomainEvents.PAYLOAD + " FROM " + Snapshots.TABLE
                            + " WHERE " + DomainEvents.AGGREGATE_IDENTIFIER + " = ? AND "
                            + DomainEvents.SEQUENCE_NUMBER + " = ?")) {
                select.setString(1, aggregateId);
                select.setLong(2, sequence);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next() || leaf == null) {
                        return;
                    }
                    binding = of(aggregateId, sequence, leaf, row.getString(DomainEvents.PAYLOAD_TYPE),
                                 row.getBytes(DomainEvents.PAYLOAD));
                }
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + SnapshotBindings.TABLE + " WHERE " + SnapshotBindings.AGGREGATE_IDENTIFIER
                            + " = ?")) {
                delete.setString(1, aggregateId);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + SnapshotBindings.TABLE + " (" + SnapshotBindings.AGGREGATE_IDENTIFIER + ", "
                            + SnapshotBindings.SEQUENCE_NUMBER + ", " + SnapshotBindings.BINDING
                            + ") VALUES (?, ?, ?)")) {
                insert.setString(1, aggregateId);
                insert.setLong(2, sequence);
                insert.setBytes(3, binding);
                insert.executeUpdate();
            }
        }
    }

    /** Loads a snapshot only when its binding holds over the stored event hash and the snapshot's own bytes. */
    @Override
    public boolean test(DomainEventData<?> snapshot) {
        if (!(snapshot.getPayload().getData() instanceof byte[] payload)) {
            return false;
        }
        try (Connection connection = connections.getConnection()) {
            return holds(connection, snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber(),
                         snapshot.getPayload().getType().getName(), payload);
        } catch (SQLException e) {
            throw new EventStoreException("cannot read the binding of a snapshot: " + e.getMessage(), e);
        }
    }

    /** Whether a binding is stored for this snapshot and matches it. */
    static boolean holds(Connection connection, String aggregateId, long sequence, String payloadType,
                         byte[] payload) throws SQLException {
        byte[] stored = stored(connection, aggregateId, sequence);
        byte[] leaf = leafHash(connection, aggregateId, sequence);
        return stored != null && leaf != null
                && MessageDigest.isEqual(stored, of(aggregateId, sequence, leaf, payloadType, payload));
    }

    /** The stored binding of a snapshot, or null when it has none (a snapshot of an earlier version). */
    static byte[] stored(Connection connection, String aggregateId, long sequence) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + SnapshotBindings.BINDING + " FROM " + SnapshotBindings.TABLE + " WHERE "
                        + SnapshotBindings.AGGREGATE_IDENTIFIER + " = ? AND " + SnapshotBindings.SEQUENCE_NUMBER
                        + " = ?")) {
            select.setString(1, aggregateId);
            select.setLong(2, sequence);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getBytes(SnapshotBindings.BINDING) : null;
            }
        }
    }

    private static byte[] leafHash(Connection connection, String aggregateId, long sequence) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + EventHashes.LEAF_HASH + " FROM " + EventHashes.TABLE + " WHERE "
                        + EventHashes.AGGREGATE_IDENTIFIER + " = ? AND " + EventHashes.SEQUENCE_NUMBER + " = ?")) {
            select.setString(1, aggregateId);
            select.setLong(2, sequence);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getBytes(EventHashes.LEAF_HASH) : null;
            }
        }
    }
}
