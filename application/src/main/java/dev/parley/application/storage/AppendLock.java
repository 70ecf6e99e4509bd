package dev.parley.application.storage;

import dev.parley.projections.schema.Tables;
import org.axonframework.common.jdbc.ConnectionProvider;

import java.sql.Connection;
import java.sql.PreparedStatement;
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

    /**
     * Locks the row by updating it to itself, which holds the same row lock as {@code SELECT ... FOR UPDATE} on H2
     * and PostgreSQL, and waits for it the same way; H2 parses a {@code FOR UPDATE} query anew on every call (it
     * never caches one), which cost a tenth of a command (docs/profiles/commands.md).
     */
    static void take(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + Tables.AppendLock.TABLE + " SET " + Tables.AppendLock.ID + " = " + Tables.AppendLock.ID
                        + " WHERE " + Tables.AppendLock.ID + " = 1")) {
            if (update.executeUpdate() != 1) {
                throw new SQLException("the append_lock row is missing");
            }
        }
    }
}
