package dev.parley.application.fork;

import dev.parley.projections.schema.Tables.BranchEvents;
import dev.parley.projections.schema.Tables.Branches;
import dev.parley.projections.schema.Tables.DomainEvents;
import dev.parley.shared.api.Fields;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Named branches: a fork point and the fork's own events, serialized as the record serializes its own, in the
 * {@code branch} tables, apart from the record.
 */
public final class BranchStore {

    /**
     * A saved branch: where it forked from the record, and its own events.
     *
     * @param name      the branch's name
     * @param forkPoint the last position of the record it sees
     * @param savedAt   when it was saved
     * @param events    its own events, in order
     */
    public record Branch(String name, long forkPoint, Instant savedAt, List<PositionedEvent> events) {
    }

    /**
     * A saved branch, as listed.
     *
     * @param name      the branch's name
     * @param forkPoint the last position of the record it sees
     * @param events    how many events of its own it holds
     * @param savedAt   when it was saved
     */
    public record BranchSummary(String name, long forkPoint, int events, Instant savedAt) {
    }

    /** Saving would have replaced a branch that the caller did not ask to replace. */
    public static final class BranchExistsException extends RuntimeException {
        BranchExistsException(String name) {
            super("a branch named " + name + " already exists", null, false, false);
        }
    }

    /** SQLSTATE class 23: another saver inserted the same name between our check and our insert. */
    private static final String INTEGRITY_CONSTRAINT_VIOLATION = "23";
    /** The computed number of events of a branch, read by this name. */
    private static final String EVENT_COUNT = "event_count";

    private final DataSource dataSource;
    private final Serializer serializer;
    private final RecordReader reader;

    BranchStore(DataSource dataSource, Serializer serializer, RecordReader reader) {
        this.dataSource = dataSource;
        this.serializer = serializer;
        this.reader = reader;
    }

    /**
     * Checks a branch name by the rules for ids ({@link Fields#id}): 1–200 characters, valid Unicode, no control or
     * bidi characters, not only spaces or invisible characters; else {@code INVALID_COMMAND}.
     *
     * @param name the branch's name
     * @return {@code name}
     * @throws dev.parley.shared.api.DomainRuleException if it breaks those rules
     */
    public static String checkName(String name) {
        return Fields.id(name, "a branch name");
    }

    /**
     * Whether a branch of this name is saved.
     *
     * @param name the branch's name
     * @return true when it is saved
     */
    public boolean exists(String name) {
        try (Connection connection = dataSource.getConnection()) {
            return exists(connection, name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the branches: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + Branches.NAME + " FROM " + Branches.TABLE
                + " WHERE " + Branches.NAME + " = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Saves the branch {@code name}; an existing one is replaced only when {@code replace} says so. */
    void save(String name, long forkPoint, List<PositionedEvent> events, Instant savedAt, boolean replace) {
        checkName(name);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!replace && exists(connection, name)) {
                    throw new BranchExistsException(name);
                }
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + Branches.TABLE + " WHERE " + Branches.NAME + " = ?")) {
                    delete.setString(1, name);
                    delete.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + Branches.TABLE + " (" + Branches.NAME + ", " + Branches.FORK_POINT + ", "
                                + Branches.SAVED_AT + ") VALUES (?, ?, ?)")) {
                    insert.setString(1, name);
                    insert.setLong(2, forkPoint);
                    insert.setString(3, savedAt.toString());
                    insert.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + BranchEvents.TABLE + " (" + String.join(
                                ", ", BranchEvents.BRANCH_NAME, BranchEvents.POSITION, DomainEvents.EVENT_IDENTIFIER,
                                DomainEvents.AGGREGATE_IDENTIFIER, DomainEvents.SEQUENCE_NUMBER, DomainEvents.TYPE,
                                DomainEvents.TIME_STAMP, DomainEvents.PAYLOAD_TYPE, DomainEvents.PAYLOAD_REVISION,
                                DomainEvents.PAYLOAD, DomainEvents.META_DATA)
                                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (PositionedEvent event : events) {
                        DomainEventMessage<?> message = event.message();
                        SerializedObject<byte[]> payload = message.serializePayload(serializer, byte[].class);
                        SerializedObject<byte[]> metaData = message.serializeMetaData(serializer, byte[].class);
                        insert.setString(1, name);
                        insert.setLong(2, event.position());
                        insert.setString(3, message.getIdentifier());
                        insert.setString(4, message.getAggregateIdentifier());
                        insert.setLong(5, message.getSequenceNumber());
                        insert.setString(6, message.getType());
                        insert.setString(7, DateTimeUtils.formatInstant(message.getTimestamp()));
                        insert.setString(8, payload.getType().getName());
                        insert.setString(9, payload.getType().getRevision());
                        insert.setBytes(10, payload.getData());
                        insert.setBytes(11, metaData.getData());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if (!replace && e.getSQLState() != null && e.getSQLState().startsWith(INTEGRITY_CONSTRAINT_VIOLATION)) {
                throw new BranchExistsException(name);
            }
            throw new IllegalStateException("cannot save branch " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads a saved branch with its events.
     *
     * @param name the branch's name
     * @return the branch, or empty when none of that name is saved
     */
    public Optional<Branch> load(String name) {
        try (Connection connection = dataSource.getConnection()) {
            long forkPoint;
            Instant savedAt;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + Branches.FORK_POINT + ", " + Branches.SAVED_AT + " FROM " + Branches.TABLE
                            + " WHERE " + Branches.NAME + " = ?")) {
                select.setString(1, name);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    forkPoint = row.getLong(Branches.FORK_POINT);
                    savedAt = Instant.parse(row.getString(Branches.SAVED_AT));
                }
            }
            List<RecordReader.Row> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + BranchEvents.POSITION + ", " + RecordReader.EVENT_COLUMNS + " FROM "
                            + BranchEvents.TABLE + " WHERE " + BranchEvents.BRANCH_NAME + " = ? ORDER BY "
                            + BranchEvents.POSITION)) {
                select.setString(1, name);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(RecordReader.Row.read(row, BranchEvents.POSITION));
                    }
                }
            }
            return Optional.of(new Branch(name, forkPoint, savedAt, reader.deserialize(rows)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load branch " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every saved branch, ordered by name.
     *
     * @return the branches, without their events
     */
    public List<BranchSummary> list() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT b." + Branches.NAME + ", b." + Branches.FORK_POINT + ", b." + Branches.SAVED_AT
                             + ", (SELECT COUNT(*) FROM " + BranchEvents.TABLE + " e WHERE e." + BranchEvents.BRANCH_NAME
                             + " = b." + Branches.NAME + ") AS " + EVENT_COUNT + " FROM " + Branches.TABLE
                             + " b ORDER BY b." + Branches.NAME);
             ResultSet row = select.executeQuery()) {
            List<BranchSummary> branches = new ArrayList<>();
            while (row.next()) {
                branches.add(new BranchSummary(row.getString(Branches.NAME), row.getLong(Branches.FORK_POINT),
                                               row.getInt(EVENT_COUNT),
                                               Instant.parse(row.getString(Branches.SAVED_AT))));
            }
            return branches;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list branches: " + e.getMessage(), e);
        }
    }
}
