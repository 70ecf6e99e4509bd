package dev.parley.application.integrity;

import dev.parley.projections.schema.Tables.DomainEvents;
import dev.parley.projections.schema.Tables.EventHashes;
import org.axonframework.common.jdbc.ConnectionProvider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the leaf hash of each newly appended event, in the append's own transaction, over the bytes as they were
 * stored: the events are read back by identifier, so what is hashed is what the database holds.
 */
public final class EventHasher {

    private final ConnectionProvider connections;

    public EventHasher(ConnectionProvider connections) {
        this.connections = connections;
    }

    ConnectionProvider connections() {
        return connections;
    }

    /** Hashes the stored events with these identifiers. */
    public void hash(List<String> eventIdentifiers) throws SQLException {
        if (eventIdentifiers.isEmpty()) {
            return;
        }
        try (Connection connection = connections.getConnection()) {
            Map<String, byte[]> lastLeafOfStream = new HashMap<>();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + EventHashes.TABLE + " (" + EventHashes.GLOBAL_INDEX + ", "
                            + EventHashes.AGGREGATE_IDENTIFIER + ", " + EventHashes.SEQUENCE_NUMBER + ", "
                            + EventHashes.LEAF_HASH + ")"
                            + " VALUES (?, ?, ?, ?)")) {
                for (Stored stored : stored(connection, eventIdentifiers)) {
                    LeafInput event = stored.event();
                    byte[] previous = lastLeafOfStream.containsKey(event.aggregateId())
                            ? lastLeafOfStream.get(event.aggregateId()) : stored.previousLeaf();
                    if (previous == null) {
                        throw new SQLException("event " + (event.sequence() - 1) + " of " + event.aggregateId()
                                                       + " has no hash to chain to");
                    }
                    byte[] leaf = event.leafHash(previous);
                    lastLeafOfStream.put(event.aggregateId(), leaf);
                    insert.setLong(1, event.position());
                    insert.setString(2, event.aggregateId());
                    insert.setLong(3, event.sequence());
                    insert.setBytes(4, leaf);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /** A stored event and the stored leaf hash of the event before it in its stream (none for sequence 0). */
    private record Stored(LeafInput event, byte[] previousLeaf) {
    }

    private static List<Stored> stored(Connection connection, List<String> identifiers) throws SQLException {
        String marks = String.join(", ", Collections.nCopies(identifiers.size(), "?"));
        String columns = StoredRows.columns("e");
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + columns + ", h." + EventHashes.LEAF_HASH + " FROM " + DomainEvents.TABLE + " e LEFT JOIN "
                        + EventHashes.TABLE + " h ON h." + EventHashes.AGGREGATE_IDENTIFIER + " = e."
                        + DomainEvents.AGGREGATE_IDENTIFIER + " AND h." + EventHashes.SEQUENCE_NUMBER + " = e."
                        + DomainEvents.SEQUENCE_NUMBER + " - 1 WHERE e." + DomainEvents.EVENT_IDENTIFIER + " IN ("
                        + marks + ") ORDER BY e." + DomainEvents.GLOBAL_INDEX)) {
            for (int index = 0; index < identifiers.size(); index++) {
                select.setString(index + 1, identifiers.get(index));
            }
            List<Stored> events = new ArrayList<>(identifiers.size());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    LeafInput event = StoredRows.read(rows);
                    byte[] previous = event.sequence() == 0 ? Hashes.NONE : rows.getBytes(EventHashes.LEAF_HASH);
                    events.add(new Stored(event, previous));
                }
            }
            return events;
        }
    }
}
