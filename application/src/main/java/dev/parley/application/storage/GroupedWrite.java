package dev.parley.application.storage;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A row a command writes beside its events that must be stored exactly when they are (a command file's line record),
 * carried into the {@link GroupCommit} transaction that stores them.
 */
public interface GroupedWrite {

    /**
     * Checked under the append lock before anything of the group is written: a {@link RuntimeException} refuses this
     * command's append alone, and the rest of the group goes on.
     */
    void check(Connection connection) throws SQLException;

    /** Writes the row in the group's transaction, after the check of every append in the group passed or refused it. */
    void write(Connection connection) throws SQLException;
}
