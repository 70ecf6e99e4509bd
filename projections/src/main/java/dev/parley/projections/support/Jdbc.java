package dev.parley.projections.support;

import org.axonframework.common.jdbc.ConnectionProvider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Small JDBC helpers for read models, over Axon's connection provider (so they join the processor's transaction). */
public final class Jdbc {

    /** Sets the parameters of a statement. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Sets the parameters of a statement for one item of a batch. */
    @FunctionalInterface
    public interface ItemBinder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    /** Reads one row. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final ConnectionProvider connections;

    public Jdbc(ConnectionProvider connections) {
        this.connections = connections;
    }

    public int update(String sql, Binder binder) {
        try (Connection connection = connections.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new ReadModelStorageException("read model update failed: " + e.getMessage(), e);
        }
    }

    /** Runs one statement for each of {@code items} as a JDBC batch. */
    public <T> void batch(String sql, List<T> items, ItemBinder<T> binder) {
        if (items.isEmpty()) {
            return;
        }
        try (Connection connection = connections.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (T item : items) {
                binder.bind(statement, item);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new ReadModelStorageException("read model update failed: " + e.getMessage(), e);
        }
    }

    /**
     * The events of {@code events} whose position {@code table} does not hold yet in its column {@code position}:
     * one range query per batch, so a batch delivered twice inserts nothing twice.
     */
    public List<StoredEvent> notYetIn(String table, String position, List<StoredEvent> events) {
        if (events.isEmpty()) {
            return events;
        }
        long lowest = events.stream().mapToLong(StoredEvent::position).min().orElseThrow();
        long highest = events.stream().mapToLong(StoredEvent::position).max().orElseThrow();
        Set<Long> present = new HashSet<>(query(
                "SELECT " + position + " FROM " + table + " WHERE " + position + " BETWEEN ? AND ?",
                statement -> {
                    statement.setLong(1, lowest);
                    statement.setLong(2, highest);
                },
                row -> row.getLong(position)));
        return events.stream().filter(event -> !present.contains(event.position())).toList();
    }

    public <T> List<T> query(String sql, Binder binder, RowReader<T> reader) {
        try (Connection connection = connections.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(reader.read(result));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new ReadModelStorageException("read model query failed: " + e.getMessage(), e);
        }
    }
}
