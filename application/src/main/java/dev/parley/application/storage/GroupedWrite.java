package dev.parley.application.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * A row a command writes beside its events that must be stored exactly when they are (a command file's line record),
 * carried into the {@link GroupCommit} transaction that stores them. The writes of one {@link Kind} in a group are
 * checked together and written together, in a statement or a batch each rather than one per command.
 */
public interface GroupedWrite {

    /**
     * How writes like this one are checked and written for a whole group: one instance for all of them.
     *
     * @return the kind, the same instance for every write of it
     */
    Kind kind();

    /** Checks and writes the writes of one kind in a group. */
    interface Kind {

        /**
         * Of {@code writes} (all of this kind, in the order their commands arrived), those refused, each with why;
         * checked under the append lock before anything of the group is written. A refused write refuses its
         * command's append alone, and the rest of the group goes on.
         *
         * @param connection the group's connection, in its transaction
         * @param writes the writes of this kind
         * @return the refused writes and why; empty when none is refused
         * @throws SQLException if the check cannot be made
         */
        Map<GroupedWrite, RuntimeException> check(Connection connection, List<GroupedWrite> writes)
                throws SQLException;

        /**
         * Writes {@code writes} (all of this kind, each of an admitted command) in the group's transaction.
         *
         * @param connection the group's connection, in its transaction
         * @param writes the admitted writes of this kind
         * @throws SQLException if the writes fail
         */
        void write(Connection connection, List<GroupedWrite> writes) throws SQLException;
    }
}
