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
        /**
         * Sets the parameters.
         *
         * @param statement the prepared statement
         * @throws SQLException if the driver refuses a value
         */
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Sets the parameters of a statement for one item of a batch. */
    @FunctionalInterface
    public interface ItemBinder<T> {
        /**
         * Sets the parameters for {@code item}.
         *
         * @param statement the prepared statement
         * @param item the item of the batch
         * @throws SQLException if the driver refuses a value
         */
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    /** Reads one row. */
    @FunctionalInterface
    public interface RowReader<T> {
        /**
         * Reads the current row.
         *
         * @param row the result set, on the row to read
         * @return the row's value
         * @throws SQLException if a column cannot be read
         */
        T read(ResultSet row) throws SQLException;
    }

    private final ConnectionProvider connections;

    /**
     * Helpers over {@code connections}.
     *
     * @param connections Axon's connections, which take part in the current unit of work's transaction
     */
    public Jdbc(ConnectionProvider connections) {
        this.connections = connections;
    }

    /**
     * Runs one insert, update or delete.
     *
     * @param sql the statement
     * @param binder sets its parameters
     * @return the number of rows changed
     * @throws ReadModelStorageException if the database refuses it
     */
    public int update(String sql, Binder binder) {
        try (Connection connection = connections.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new ReadModelStorageException("read model update failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs one statement for each of {@code items} as a JDBC batch.
     *
     * @param sql the statement
     * @param items the items, possibly none
     * @param binder sets the parameters for one item
     * @param <T> the items' type
     * @throws ReadModelStorageException if the database refuses it
     */
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
     *
     * @param table the read model's table
     * @param position its column holding event positions
     * @param events a batch of events
     * @return those events not yet in the table, in their order
     * @throws ReadModelStorageException if the query fails
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

    /**
     * Runs a query and reads every row.
     *
     * @param sql the query
     * @param binder sets its parameters
     * @param reader reads one row
     * @param <T> a row's value
     * @return the rows' values, in the query's order
     * @throws ReadModelStorageException if the query fails
     */
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
