package dev.parley.application.integrity;

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

    /** Hashes the stored events with these identifiers. */
    public void hash(List<String> eventIdentifiers) throws SQLException {
        if (eventIdentifiers.isEmpty()) {
            return;
        }
        try (Connection connection = connections.getConnection()) {
            List<LeafInput> events = stored(connection, eventIdentifiers);
            Map<String, byte[]> lastLeafOfStream = new HashMap<>();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO event_hash (global_index, aggregate_identifier, sequence_number, leaf_hash)"
                            + " VALUES (?, ?, ?, ?)")) {
                for (LeafInput event : events) {
                    byte[] previous = lastLeafOfStream.containsKey(event.aggregateId())
                            ? lastLeafOfStream.get(event.aggregateId()) : previousLeaf(connection, event);
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

    private static List<LeafInput> stored(Connection connection, List<String> identifiers) throws SQLException {
        String marks = String.join(", ", Collections.nCopies(identifiers.size(), "?"));
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + StoredRows.COLUMNS + " FROM domain_event_entry WHERE event_identifier IN (" + marks + ")"
                        + " ORDER BY global_index")) {
            for (int index = 0; index < identifiers.size(); index++) {
                select.setString(index + 1, identifiers.get(index));
            }
            List<LeafInput> events = new ArrayList<>(identifiers.size());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(StoredRows.read(rows));
                }
            }
            return events;
        }
    }

    private static byte[] previousLeaf(Connection connection, LeafInput event) throws SQLException {
        if (event.sequence() == 0) {
            return Hashes.NONE;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT leaf_hash FROM event_hash WHERE aggregate_identifier = ? AND sequence_number = ?")) {
            select.setString(1, event.aggregateId());
            select.setLong(2, event.sequence() - 1);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("event " + (event.sequence() - 1) + " of " + event.aggregateId()
                                                   + " has no hash to chain to");
                }
                return row.getBytes(1);
            }
        }
    }
}
