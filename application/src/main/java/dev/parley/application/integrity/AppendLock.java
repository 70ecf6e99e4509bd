package dev.parley.application.integrity;

import dev.parley.projections.schema.Tables;
import org.axonframework.common.jdbc.ConnectionProvider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The store-wide lock every append holds until its transaction ends. Positions come from a sequence, which hands
 * them out before commit; without the lock a writer could commit position 7 after another committed 8, and a
 * checkpoint signed in between would later see 7 as an insertion.
 */
final class AppendLock {

    private AppendLock() {
    }

    /** Takes the lock in the transaction of {@code connections}; it is released when that transaction ends. */
    static void take(ConnectionProvider connections) throws SQLException {
        try (Connection connection = connections.getConnection()) {
            take(connection);
        }
    }

    static void take(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + Tables.AppendLock.ID + " FROM " + Tables.AppendLock.TABLE + " WHERE "
                        + Tables.AppendLock.ID + " = 1 FOR UPDATE");
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("the append_lock row is missing");
            }
        }
    }
}
