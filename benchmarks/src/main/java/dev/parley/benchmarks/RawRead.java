package dev.parley.benchmarks;

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
import java.util.Map;

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
                    "SELECT payload_type, payload FROM domain_event_entry ORDER BY global_index")) {
                select.setFetchSize(FETCH);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Class<?> type = classes.computeIfAbsent(rows.getString(1), RawRead::load);
                        mapper.readValue(rows.getBytes(2), type);
                        events++;
                    }
                }
            } finally {
                connection.rollback();
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
                    "SELECT global_index, type, aggregate_identifier, sequence_number, event_identifier, payload_type,"
                            + " payload_revision, time_stamp, payload, meta_data FROM domain_event_entry"
                            + " ORDER BY global_index")) {
                select.setFetchSize(FETCH);
                try (ResultSet rows = select.executeQuery()) {
                    Bytes row = new Bytes();
                    while (rows.next()) {
                        row.reset();
                        row.write(0);
                        row.writeBytes(Long.toString(rows.getLong(1)).getBytes(StandardCharsets.UTF_8));
                        row.writeBytes(bytes(rows.getString(2)));
                        row.writeBytes(bytes(rows.getString(3)));
                        row.writeBytes(Long.toString(rows.getLong(4)).getBytes(StandardCharsets.UTF_8));
                        for (int column = 5; column <= 8; column++) {
                            row.writeBytes(bytes(rows.getString(column)));
                        }
                        row.writeBytes(rows.getBytes(9));
                        byte[] metaData = rows.getBytes(10);
                        if (metaData != null) {
                            row.writeBytes(metaData);
                        }
                        digest.update(row.array(), 0, row.size());
                        digest.digest();
                        events++;
                    }
                }
            } finally {
                connection.rollback();
            }
        }
        return events;
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
