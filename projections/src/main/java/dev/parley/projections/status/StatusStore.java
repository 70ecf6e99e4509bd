package dev.parley.projections.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.projections.json.ParleyJson;
import org.axonframework.common.jdbc.ConnectionProvider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps one JSON document per aggregate in {@code status_view}, with the sequence and position of the last event
 * folded into it, which makes applying an event twice harmless.
 */
final class StatusStore {

    private final ConnectionProvider connections;
    private final ObjectMapper json = ParleyJson.mapper();

    StatusStore(ConnectionProvider connections) {
        this.connections = connections;
    }

    record Row(String document, long lastSequence) {
    }

    Optional<Row> find(String aggregateType, String aggregateId) {
        String sql = "SELECT document, last_sequence FROM status_view WHERE aggregate_type = ? AND aggregate_id = ?";
        try (Connection connection = connections.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, aggregateType);
            statement.setString(2, aggregateId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new Row(rows.getString(1), rows.getLong(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StatusStorageException("could not read status of " + aggregateId, e);
        }
    }

    void save(String aggregateType, String aggregateId, Object view, long sequence, long position, boolean exists) {
        String sql = exists
                ? "UPDATE status_view SET document = ?, last_sequence = ?, last_position = ?"
                  + " WHERE aggregate_type = ? AND aggregate_id = ?"
                : "INSERT INTO status_view (document, last_sequence, last_position, aggregate_type, aggregate_id)"
                  + " VALUES (?, ?, ?, ?, ?)";
        try (Connection connection = connections.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, json.writeValueAsString(view));
            statement.setLong(2, sequence);
            statement.setLong(3, position);
            statement.setString(4, aggregateType);
            statement.setString(5, aggregateId);
            statement.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new StatusStorageException("could not store status of " + aggregateId, e);
        }
    }

    <T> List<T> all(String aggregateType, String aggregateIdOrNull, Class<T> viewType) {
        String sql = "SELECT document FROM status_view WHERE aggregate_type = ?"
                + (aggregateIdOrNull == null ? "" : " AND aggregate_id = ?") + " ORDER BY aggregate_id";
        try (Connection connection = connections.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, aggregateType);
            if (aggregateIdOrNull != null) {
                statement.setString(2, aggregateIdOrNull);
            }
            List<T> views = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    views.add(read(rows.getString(1), viewType));
                }
            }
            return views;
        } catch (SQLException e) {
            throw new StatusStorageException("could not read the status", e);
        }
    }

    <T> T read(String document, Class<T> viewType) {
        try {
            return json.readValue(document, viewType);
        } catch (JsonProcessingException e) {
            throw new StatusStorageException("unreadable status document", e);
        }
    }

    /** Every aggregate with a status, as its id, ordered by id. */
    List<String> ids() {
        String sql = "SELECT aggregate_id FROM status_view ORDER BY aggregate_id";
        try (Connection connection = connections.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new StatusStorageException("could not list the aggregates", e);
        }
    }

    void clear() {
        try (Connection connection = connections.getConnection();
             PreparedStatement statement = connection.prepareStatement("DELETE FROM status_view")) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new StatusStorageException("could not clear the status", e);
        }
    }
}
