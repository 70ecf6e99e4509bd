package dev.parley.benchmarks;

import dev.parley.projections.schema.Tables.DomainEvents;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.projections.json.ParleyJson;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.parley.projections.schema.Tables.DomainEvents.AGGREGATE_IDENTIFIER;
import static dev.parley.projections.schema.Tables.DomainEvents.EVENT_IDENTIFIER;
import static dev.parley.projections.schema.Tables.DomainEvents.GLOBAL_INDEX;
import static dev.parley.projections.schema.Tables.DomainEvents.META_DATA;
import static dev.parley.projections.schema.Tables.DomainEvents.PAYLOAD;
import static dev.parley.projections.schema.Tables.DomainEvents.PAYLOAD_REVISION;
import static dev.parley.projections.schema.Tables.DomainEvents.PAYLOAD_TYPE;
import static dev.parley.projections.schema.Tables.DomainEvents.SEQUENCE_NUMBER;
import static dev.parley.projections.schema.Tables.DomainEvents.TIME_STAMP;
import static dev.parley.projections.schema.Tables.DomainEvents.TYPE;

/** The limits that read the event table: one sequential, raw read, in position order. */
final class RawRead {

    private static final int FETCH = 1_000;

    private RawRead() {
    }

    /** Reads every event and deserializes its payload into its class; returns how many. */
    static long deserializeAll(DataSource dataSource) throws SQLException, IOException {
        ObjectMapper mapper = ParleyJson.mapper();
        Map<String, Class<?>> classes = new HashMap<>();
        long events = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + PAYLOAD_TYPE + ", " + PAYLOAD + " FROM " + DomainEvents.TABLE + " ORDER BY "
                            + GLOBAL_INDEX)) {
                select.setFetchSize(FETCH);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Class<?> type = classes.computeIfAbsent(rows.getString(PAYLOAD_TYPE), RawRead::load);
                        mapper.readValue(rows.getBytes(PAYLOAD), type);
                        events++;
                    }
                }
            } finally {
                rollBackIfOpen(connection);
            }
        }
        return events;
    }

    /**
     * SHA-256 over the bytes of every column the leaf hash covers, as they are stored, one digest per event; returns
     * how many events.
     */
    static long hashAll(DataSource dataSource) throws SQLException {
        MessageDigest digest = sha256();
        long events = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + String.join(", ", GLOBAL_INDEX, TYPE, AGGREGATE_IDENTIFIER, SEQUENCE_NUMBER,
                                            EVENT_IDENTIFIER, PAYLOAD_TYPE, PAYLOAD_REVISION, TIME_STAMP, PAYLOAD,
                                            META_DATA)
                            + " FROM " + DomainEvents.TABLE + " ORDER BY " + GLOBAL_INDEX)) {
                select.setFetchSize(FETCH);
                try (ResultSet rows = select.executeQuery()) {
                    Bytes row = new Bytes();
                    while (rows.next()) {
                        row.reset();
                        row.write(0);
                        row.writeBytes(Long.toString(rows.getLong(GLOBAL_INDEX)).getBytes(StandardCharsets.UTF_8));
                        row.writeBytes(bytes(rows.getString(TYPE)));
                        row.writeBytes(bytes(rows.getString(AGGREGATE_IDENTIFIER)));
                        row.writeBytes(Long.toString(rows.getLong(SEQUENCE_NUMBER)).getBytes(StandardCharsets.UTF_8));
                        for (String column : List.of(EVENT_IDENTIFIER, PAYLOAD_TYPE, PAYLOAD_REVISION, TIME_STAMP)) {
                            row.writeBytes(bytes(rows.getString(column)));
                        }
                        row.writeBytes(rows.getBytes(PAYLOAD));
                        byte[] metaData = rows.getBytes(META_DATA);
                        if (metaData != null) {
                            row.writeBytes(metaData);
                        }
                        digest.update(row.array(), 0, row.size());
                        digest.digest();
                        events++;
                    }
                }
            } finally {
                rollBackIfOpen(connection);
            }
        }
        return events;
    }

    /** A read-only transaction's end; a connection already lost must not hide the error that lost it. */
    private static void rollBackIfOpen(Connection connection) throws SQLException {
        if (!connection.isClosed()) {
            connection.rollback();
        }
    }

    /** A reusable row buffer whose bytes are digested in place. */
    private static final class Bytes extends ByteArrayOutputStream {

        Bytes() {
            super(4_096);
        }

        byte[] array() {
            return buf;
        }
    }

    private static byte[] bytes(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no event class " + name, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
