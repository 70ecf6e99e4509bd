package dev.parley.projections.support;

import org.axonframework.common.jdbc.ConnectionProvider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Small JDBC helpers for read models, over Axon's connection provider (so they join the processor's transaction). */
public final class Jdbc {

    /** Sets the parameters of a statement. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
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
