package dev.parley.application.storage;

import dev.parley.application.serialization.JsonMessages;
import dev.parley.application.integrity.EventContent;
import dev.parley.application.integrity.StoredRows;
import dev.parley.application.integrity.Hashes;
import dev.parley.application.integrity.LeafInput;
import dev.parley.projections.schema.Tables.DomainEvents;
import dev.parley.projections.schema.Tables.EventHashes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.projections.json.ParleyJson;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Export of the whole history as NDJSON, and its import into an empty store: every hash and chain is checked before
 * anything is written, and then everything is written in one transaction, positions included, so that export →
 * import → export gives the same bytes.
 */
public final class Transfer {

    /** A line of an import that is malformed or does not verify. */
    public static final class BadLine extends RuntimeException {
        /** The line's number. */
        private final int line;
        /** Whether the line is well-formed but its hashes do not hold. */
        private final boolean tampered;

        BadLine(int line, String message, boolean tampered) {
            super("line " + line + ": " + message, null, false, false);
            this.line = line;
            this.tampered = tampered;
        }

        /**
         * The line at fault.
         *
         * @return its number, from 1
         */
        public int line() {
            return line;
        }

        /**
         * Whether the line is well-formed but its hashes do not hold.
         *
         * @return true for a tampered line
         */
        public boolean tampered() {
            return tampered;
        }
    }

    private static final ObjectMapper JSON = ParleyJson.mapper();
    /** Names of computed columns, so that every column is read by name. */
    private static final String EVENT_COUNT = "event_count";
    private static final String NEXT_POSITION = "next_position";

    private final DataSource dataSource;

    /**
     * Exports from and imports into the store at {@code dataSource}.
     *
     * @param dataSource the store's data source
     */
    public Transfer(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Writes every event in position order, one JSON object per line; returns how many.
     *
     * @param out where to write
     * @return the number of events
     * @throws IOException if writing fails
     */
    public long export(Writer out) throws IOException {
        long count = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + StoredRows.columns("e") + ", h." + EventHashes.LEAF_HASH + " FROM "
                            + DomainEvents.TABLE + " e LEFT JOIN " + EventHashes.TABLE + " h ON h."
                            + EventHashes.GLOBAL_INDEX + " = e." + DomainEvents.GLOBAL_INDEX + " ORDER BY e."
                            + DomainEvents.GLOBAL_INDEX)) {
                select.setFetchSize(1_000);
                Map<String, byte[]> lastLeaf = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        LeafInput event = StoredRows.read(rows);
                        byte[] leaf = rows.getBytes(EventHashes.LEAF_HASH);
                        byte[] previous = lastLeaf.getOrDefault(event.aggregateId(), Hashes.NONE);
                        lastLeaf.put(event.aggregateId(), leaf == null ? Hashes.NONE : leaf);
                        String payload = utf8(event.payload());
                        out.write(JSON.writeValueAsString(new ExportedEvent(
                                event.position(), event.aggregateType(), event.aggregateId(), event.sequence(),
                                event.eventIdentifier(), event.payloadType(), event.payloadRevision(),
                                event.timestamp(), occurredAt(payload), payload,
                                event.metaData() == null ? null : utf8(event.metaData()), Hashes.hex(previous),
                                leaf == null ? null : Hashes.hex(leaf))));
                        out.write('\n');
                        count++;
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the store: " + e.getMessage(), e);
        }
        return count;
    }

    /**
     * Imports an export into an empty store: checks every line first (format, order, chains, hashes, and that each
     * event is one Parley could have stored: {@link EventContent}), then writes all of it in one transaction. Nothing
     * is written when any line fails.
     *
     * @param file the export
     * @return the number of events imported
     * @throws IOException if the file cannot be read
     * @throws BadLine if a line is malformed or does not verify
     * @throws IllegalStateException if the store is not empty
     */
    public long importFrom(Path file) throws IOException {
        long events = check(file);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                AppendLock.take(connection);
                requireEmpty(connection);
                write(connection, file);
                restartPositions(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot import: " + e.getMessage(), e);
        }
        return events;
    }

    private long check(Path file) throws IOException {
        Map<String, byte[]> lastLeaf = new HashMap<>();
        Map<String, Long> lastSequence = new HashMap<>();
        EventContent content = EventContent.ofImport();
        long lastPosition = Long.MIN_VALUE;
        long events = 0;
        int number = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            while ((text = in.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                ExportedEvent event = parse(number, text);
                if (event.position() <= lastPosition) {
                    throw new BadLine(number, "position " + event.position() + " does not follow " + lastPosition,
                                      true);
                }
                long expected = lastSequence.getOrDefault(event.aggregateId(), -1L) + 1;
                if (event.sequence() != expected) {
                    throw new BadLine(number, "sequence " + event.sequence() + " of " + event.aggregateId()
                            + " where " + expected + " was due", true);
                }
                byte[] previous = lastLeaf.getOrDefault(event.aggregateId(), Hashes.NONE);
                if (!Hashes.hex(previous).equals(event.previousLeafHash())) {
                    throw new BadLine(number, "the chain of " + event.aggregateId() + " is broken", true);
                }
                if (!java.util.Objects.equals(event.occurredAt(), occurredAt(event.payload()))) {
                    throw new BadLine(number, "occurredAt " + event.occurredAt() + " contradicts the payload's "
                            + occurredAt(event.payload()), true);
                }
                LeafInput input = input(event);
                byte[] leaf = input.leafHash(previous);
                if (!Hashes.hex(leaf).equals(event.leafHash())) {
                    throw new BadLine(number, "the event does not match its leaf hash", true);
                }
                String unfit = content.problem(input);
                if (unfit != null) {
                    throw new BadLine(number, "not an event Parley could have stored: " + unfit, false);
                }
                lastLeaf.put(event.aggregateId(), leaf);
                lastSequence.put(event.aggregateId(), event.sequence());
                lastPosition = event.position();
                events++;
            }
        }
        return events;
    }

    private static ExportedEvent parse(int number, String text) {
        ExportedEvent event;
        try {
            // A byte order mark some editors add is not part of line 1, as in command files.
            event = JSON.readValue(number == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text,
                                   ExportedEvent.class);
        } catch (JsonProcessingException e) {
            throw new BadLine(number, "not an exported event: " + JsonMessages.plain(e), false);
        }
        if (event.aggregateType() == null || event.aggregateId() == null || event.eventIdentifier() == null
                || event.payloadType() == null || event.recordedAt() == null || event.payload() == null
                || event.leafHash() == null || event.previousLeafHash() == null) {
            throw new BadLine(number, "a field of the exported event is missing", false);
        }
        return event;
    }

    private static LeafInput input(ExportedEvent event) {
        return new LeafInput(event.position(), event.aggregateType(), event.aggregateId(), event.sequence(),
                             event.eventIdentifier(), event.payloadType(), event.payloadRevision(),
                             event.recordedAt(), event.payload().getBytes(StandardCharsets.UTF_8),
                             event.metaData() == null ? null : event.metaData().getBytes(StandardCharsets.UTF_8));
    }

    private static void requireEmpty(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT COUNT(*) AS " + EVENT_COUNT + " FROM " + DomainEvents.TABLE)) {
            row.next();
            if (row.getLong(EVENT_COUNT) > 0) {
                throw new IllegalStateException("the store already holds " + row.getLong(EVENT_COUNT)
                                                        + " events; import only into an empty store");
            }
        }
    }

    private static void write(Connection connection, Path file) throws SQLException, IOException {
        try (PreparedStatement events = connection.prepareStatement(
                     "INSERT INTO " + DomainEvents.TABLE + " (" + StoredRows.COLUMNS + ")"
                             + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement hashes = connection.prepareStatement(
                     "INSERT INTO " + EventHashes.TABLE + " (" + String.join(
                             ", ", EventHashes.GLOBAL_INDEX, EventHashes.AGGREGATE_IDENTIFIER,
                             EventHashes.SEQUENCE_NUMBER, EventHashes.LEAF_HASH) + ") VALUES (?, ?, ?, ?)");
             BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int number = 0;
            int pending = 0;
            while ((text = in.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                ExportedEvent event = parse(number, text);
                LeafInput input = input(event);
                events.setLong(1, input.position());
                events.setString(2, input.aggregateType());
                events.setString(3, input.aggregateId());
                events.setLong(4, input.sequence());
                events.setString(5, input.eventIdentifier());
                events.setString(6, input.payloadType());
                events.setString(7, input.payloadRevision());
                events.setString(8, input.timestamp());
                events.setBytes(9, input.payload());
                events.setBytes(10, input.metaData());
                events.addBatch();
                hashes.setLong(1, input.position());
                hashes.setString(2, input.aggregateId());
                hashes.setLong(3, input.sequence());
                hashes.setBytes(4, Hashes.fromHex(event.leafHash()));
                hashes.addBatch();
                if (++pending == 1_000) {
                    events.executeBatch();
                    hashes.executeBatch();
                    pending = 0;
                }
            }
            events.executeBatch();
            hashes.executeBatch();
        }
    }

    private static void restartPositions(Connection connection) throws SQLException {
        long next;
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT COALESCE(MAX(" + DomainEvents.GLOBAL_INDEX + "), 0) + 1 AS " + NEXT_POSITION + " FROM "
                             + DomainEvents.TABLE)) {
            row.next();
            next = row.getLong(NEXT_POSITION);
        }
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
        try (Statement statement = connection.createStatement()) {
            if (product.contains("postgres")) {
                statement.execute("SELECT setval(pg_get_serial_sequence('" + DomainEvents.TABLE + "', '"
                                          + DomainEvents.GLOBAL_INDEX + "'), "
                                          + (next - 1) + ", true)");
            } else {
                statement.execute("ALTER TABLE " + DomainEvents.TABLE + " ALTER COLUMN " + DomainEvents.GLOBAL_INDEX
                                          + " RESTART WITH " + next);
            }
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                                         .onMalformedInput(CodingErrorAction.REPORT)
                                         .onUnmappableCharacter(CodingErrorAction.REPORT)
                                         .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a stored payload is not UTF-8 JSON", e);
        }
    }

    private static String occurredAt(String payload) {
        try {
            var node = JSON.readTree(payload).get("occurredAt");
            return node == null ? null : node.asText();
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
