package dev.parley.application.commandfile;

import dev.parley.application.storage.GroupCommit;
import dev.parley.application.storage.GroupedWrite;
import dev.parley.application.messaging.Provenance;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.parley.projections.schema.Tables.CommandFileLines.FILE_DIGEST;
import static dev.parley.projections.schema.Tables.CommandFileLines.LINE_NUMBER;
import static dev.parley.projections.schema.Tables.CommandFileLines.TABLE;

/**
 * Which lines of which command files the store holds, so that a run interrupted part-way (a crash, a kill, a full
 * disk) can be run again without applying any line twice. As a command-bus interceptor it records the line a command
 * came from (its {@link Provenance#COMMAND_FILE} and {@link Provenance#COMMAND_FILE_LINE} metadata) in the same
 * transaction that stores the line's events: the row exists exactly when the events do. Commands a line's events
 * cause (a propagated ceasefire) run in nested units of work and add no row of their own.
 */
public final class AppliedLines implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final ConnectionProvider connections;
    private final GroupCommit groupCommit;

    /**
     * Lines recorded in the transaction of each command's unit of work.
     *
     * @param connections the connections of the commands' transactions
     */
    public AppliedLines(ConnectionProvider connections) {
        this(connections, null);
    }

    /**
     * Lines recorded in the group commit that stores the line's events ({@link GroupCommit}).
     *
     * @param connections connections to the store, to read the lines recorded
     * @param groupCommit records each line with its events
     */
    public AppliedLines(ConnectionProvider connections, GroupCommit groupCommit) {
        this.connections = connections;
        this.groupCommit = groupCommit;
    }

    /**
     * The numbers of the lines of the file with this digest that are stored.
     *
     * @param fileDigest the SHA-256 of the file's bytes, in hex
     * @return the stored lines' numbers
     */
    public BitSet of(String fileDigest) {
        BitSet lines = new BitSet();
        try (Connection connection = connections.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + LINE_NUMBER + " FROM " + TABLE + " WHERE "
                             + FILE_DIGEST + " = ?")) {
            select.setString(1, fileDigest);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    lines.set(rows.getInt(LINE_NUMBER));
                }
            }
        } catch (SQLException e) {
            throw new CommandFileException("cannot read which lines of the command file are already stored: "
                                                   + e.getMessage(), e);
        }
        return lines;
    }

    /** Whether line {@code line} of the file with this digest is stored (by this run or another at once). */
    boolean contains(String fileDigest, int line) {
        try (Connection connection = connections.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT 1 FROM " + TABLE + " WHERE " + FILE_DIGEST + " = ? AND "
                             + LINE_NUMBER + " = ?")) {
            select.setString(1, fileDigest);
            select.setInt(2, line);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new CommandFileException("cannot read whether line " + line + " of the command file is stored: "
                                                   + e.getMessage(), e);
        }
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        Object result = chain.proceed();
        MetaData metaData = unitOfWork.getMessage().getMetaData();
        if (unitOfWork.isRoot() && metaData.get(Provenance.COMMAND_FILE) instanceof String digest
                && metaData.get(Provenance.COMMAND_FILE_LINE) instanceof Number line) {
            if (groupCommit != null) {
                groupCommit.attach(unitOfWork, new LineRecord(digest, line.intValue()));
            } else {
                unitOfWork.onPrepareCommit(done -> record(digest, line.intValue()));
            }
        }
        return result;
    }

    private void record(String digest, int line) {
        try (Connection connection = connections.getConnection()) {
            insert(connection, digest, line);
        } catch (SQLException e) {
            throw new CommandFileException("cannot record line " + line + " of the command file as stored: "
                                                   + e.getMessage(), e);
        }
    }

    private static void insert(Connection connection, String digest, int line) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO " + TABLE + " (" + FILE_DIGEST + ", " + LINE_NUMBER
                             + ") VALUES (?, ?)")) {
            insert.setString(1, digest);
            insert.setInt(2, line);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                // Another run of the same file stored this line first; rolling back keeps it stored once.
                throw new LineAlreadyStoredException(line, e);
            }
            throw e;
        }
    }

    /** The line records of a group commit, checked with a statement per file and written in one batch. */
    private static final GroupedWrite.Kind LINE_RECORDS = new LineRecords();
    /** Lines one check statement asks about at most. */
    private static final int LINES_PER_CHECK = 500;

    /**
     * A line's record in its group commit: a line another run of the same file stored first refuses this command
     * alone. Line records are written only under the append lock, so the check cannot be overtaken.
     */
    private record LineRecord(String digest, int line) implements GroupedWrite {

        @Override
        public Kind kind() {
            return LINE_RECORDS;
        }
    }

    private static final class LineRecords implements GroupedWrite.Kind {

        @Override
        public Map<GroupedWrite, RuntimeException> check(Connection connection, List<GroupedWrite> writes)
                throws SQLException {
            Map<String, List<LineRecord>> byFile = new LinkedHashMap<>();
            for (GroupedWrite write : writes) {
                LineRecord record = (LineRecord) write;
                byFile.computeIfAbsent(record.digest(), digest -> new ArrayList<>()).add(record);
            }
            Map<GroupedWrite, RuntimeException> refused = new IdentityHashMap<>();
            for (Map.Entry<String, List<LineRecord>> file : byFile.entrySet()) {
                BitSet stored = storedAmong(connection, file.getKey(), file.getValue());
                for (LineRecord record : file.getValue()) {
                    if (stored.get(record.line())) {
                        refused.put(record, new LineAlreadyStoredException(record.line(), null));
                    }
                    // A second record of the same line in one group is refused as well.
                    stored.set(record.line());
                }
            }
            return refused;
        }

        /** Which of {@code records}' lines the store already holds for the file with this digest. */
        private static BitSet storedAmong(Connection connection, String digest, List<LineRecord> records)
                throws SQLException {
            BitSet stored = new BitSet();
            for (int from = 0; from < records.size(); from += LINES_PER_CHECK) {
                List<LineRecord> chunk = records.subList(from, Math.min(records.size(), from + LINES_PER_CHECK));
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT " + LINE_NUMBER + " FROM " + TABLE + " WHERE " + FILE_DIGEST + " = ? AND "
                                + LINE_NUMBER + " IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                                + ")")) {
                    select.setString(1, digest);
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setInt(i + 2, chunk.get(i).line());
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            stored.set(rows.getInt(1));
                        }
                    }
                }
            }
            return stored;
        }

        @Override
        public void write(Connection connection, List<GroupedWrite> writes) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + TABLE + " (" + FILE_DIGEST + ", " + LINE_NUMBER + ") VALUES (?, ?)")) {
                for (GroupedWrite write : writes) {
                    LineRecord record = (LineRecord) write;
                    insert.setString(1, record.digest());
                    insert.setInt(2, record.line());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /** Another run of the same file, at the same time, stored the line first; this run's attempt rolls back. */
    static final class LineAlreadyStoredException extends CommandFileException {

        LineAlreadyStoredException(int line, Throwable cause) {
            super("line " + line + " was stored by another run of the same file", cause);
        }
    }
}
