package dev.parley.application.integrity;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The store's tables read and altered with plain JDBC, as someone with access to the database would, while no Parley
 * is open on it (H2 file databases belong to one process).
 */
final class Tables {

    /** One row of domain_event_entry. */
    record Event(long position,
                 String aggregateType,
                 String aggregateId,
                 long sequence,
                 String eventIdentifier,
                 String payloadType,
                 String payloadRevision,
                 String timestamp,
                 byte[] payload,
                 byte[] metaData) {

        LeafInput leafInput() {
            return new LeafInput(position, aggregateType, aggregateId, sequence, eventIdentifier, payloadType,
                                 payloadRevision, timestamp, payload, metaData);
        }

        String payloadText() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The payload type without package and {@code Event} suffix, e.g. {@code CeasefireDeclared}. */
        String eventType() {
            return payloadType.substring(payloadType.lastIndexOf('.') + 1).replaceFirst("Event$", "");
        }
    }

    /** One row of event_hash. */
    record Hash(long position, String aggregateId, long sequence, byte[] leafHash) {
    }

    @FunctionalInterface
    interface Work {
        void in(Connection connection) throws SQLException;
    }

    private Tables() {
    }

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }

    /** Runs {@code work} in one transaction on the store at {@code url}. */
    static void alter(String url, Work work) {
        try (Connection connection = connect(url)) {
            connection.setAutoCommit(false);
            try {
                work.in(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot alter the store: " + e.getMessage(), e);
        }
    }

    /** Executes one statement with these parameters; returns how many rows it changed. */
    static int execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int index = 0; index < parameters.length; index++) {
                statement.setObject(index + 1, parameters[index]);
            }
            return statement.executeUpdate();
        }
    }

    /** Executes one statement in its own transaction; returns how many rows it changed. */
    static int execute(String url, String sql, Object... parameters) {
        int[] changed = new int[1];
        alter(url, connection -> changed[0] = execute(connection, sql, parameters));
        return changed[0];
    }

    static List<Event> events(String url) {
        try (Connection connection = connect(url)) {
            return events(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Event> events(Connection connection) throws SQLException {
        List<Event> events = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT global_index, type, aggregate_identifier, sequence_number, event_identifier,"
                             + " payload_type, payload_revision, time_stamp, payload, meta_data"
                             + " FROM domain_event_entry ORDER BY global_index")) {
            while (row.next()) {
                events.add(new Event(row.getLong("global_index"), row.getString("type"),
                                     row.getString("aggregate_identifier"), row.getLong("sequence_number"),
                                     row.getString("event_identifier"), row.getString("payload_type"),
                                     row.getString("payload_revision"), row.getString("time_stamp"),
                                     row.getBytes("payload"), row.getBytes("meta_data")));
            }
        }
        return events;
    }

    static List<Hash> hashes(String url) {
        try (Connection connection = connect(url);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT global_index, aggregate_identifier, sequence_number, leaf_hash FROM event_hash"
                             + " ORDER BY global_index")) {
            List<Hash> hashes = new ArrayList<>();
            while (row.next()) {
                hashes.add(new Hash(row.getLong(1), row.getString(2), row.getLong(3), row.getBytes(4)));
            }
            return hashes;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long eventCount(String url) {
        return count(url, "domain_event_entry");
    }

    static long hashCount(String url) {
        return count(url, "event_hash");
    }

    static long count(String url, String table) {
        try (Connection connection = connect(url);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The event at {@code position}. */
    static Event event(String url, long position) {
        return events(url).stream().filter(event -> event.position() == position).findFirst()
                          .orElseThrow(() -> new AssertionError("no event at position " + position));
    }

    /** The events of one stream, in order. */
    static List<Event> stream(String url, String aggregateId) {
        return events(url).stream().filter(event -> event.aggregateId().equals(aggregateId)).toList();
    }

    /**
     * The first event, with at least one event of its stream before and after it, whose stream's next event is not
     * the next position: some event of another stream lies between them.
     */
    static Event middleEventFollowedByAnotherStream(String url) {
        List<Event> events = events(url);
        for (int index = 0; index < events.size(); index++) {
            Event candidate = events.get(index);
            Event next = nextOfStream(events, candidate);
            if (candidate.sequence() > 0 && next != null && index + 1 < events.size()
                    && !events.get(index + 1).aggregateId().equals(candidate.aggregateId())) {
                return candidate;
            }
        }
        throw new AssertionError("no event in the middle of a stream interleaved with another");
    }

    /** The next event of {@code event}'s stream, or null. */
    static Event nextOfStream(List<Event> events, Event event) {
        return events.stream()
                     .filter(other -> other.aggregateId().equals(event.aggregateId())
                             && other.sequence() == event.sequence() + 1)
                     .findFirst().orElse(null);
    }

    /** The first event matching {@code which}. */
    static Event first(String url, Predicate<Event> which) {
        return events(url).stream().filter(which).findFirst()
                          .orElseThrow(() -> new AssertionError("no such event"));
    }

    /**
     * The leaf hash every event should have, recomputed here over the stored rows with each stream's chain, by
     * position.
     */
    static Map<Long, byte[]> recomputedLeaves(List<Event> events) {
        Map<String, byte[]> lastLeaf = new HashMap<>();
        Map<Long, byte[]> leaves = new LinkedHashMap<>();
        for (Event event : events) {
            byte[] leaf = event.leafInput().leafHash(lastLeaf.getOrDefault(event.aggregateId(), Hashes.NONE));
            lastLeaf.put(event.aggregateId(), leaf);
            leaves.put(event.position(), leaf);
        }
        return leaves;
    }

    /** Replaces every stored hash by one recomputed consistently over the rows as they now are. */
    static void rehashEverything(Connection connection) throws SQLException {
        List<Event> events = events(connection);
        Map<Long, byte[]> leaves = recomputedLeaves(events);
        execute(connection, "DELETE FROM event_hash");
        for (Event event : events) {
            execute(connection, "INSERT INTO event_hash (global_index, aggregate_identifier, sequence_number,"
                            + " leaf_hash) VALUES (?, ?, ?, ?)", event.position(), event.aggregateId(),
                    event.sequence(), leaves.get(event.position()));
        }
    }

    /** The payload with the first letter of its source replaced by the next letter: still JSON, one byte changed. */
    static byte[] withOneByteAltered(byte[] payload) {
        byte[] key = "\"source\":\"".getBytes(StandardCharsets.UTF_8);
        for (int start = 0; start + key.length < payload.length; start++) {
            if (java.util.Arrays.equals(payload, start, start + key.length, key, 0, key.length)) {
                int at = start + key.length;
                byte original = payload[at];
                if (!Character.isLetter(original)) {
                    break;
                }
                byte[] altered = payload.clone();
                altered[at] = (byte) (original == 'z' || original == 'Z' ? original - 1 : original + 1);
                return altered;
            }
        }
        throw new AssertionError("no source starting with a letter in "
                                         + new String(payload, StandardCharsets.UTF_8));
    }
}
