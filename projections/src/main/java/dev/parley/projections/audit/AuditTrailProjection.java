package dev.parley.projections.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.projections.json.ParleyJson;
import dev.parley.projections.schema.Tables.EventHashes;
import dev.parley.projections.support.BatchScope;
import dev.parley.projections.support.Jdbc;
import dev.parley.projections.support.ReadModelStorageException;
import dev.parley.projections.support.StoredEvent;
import dev.parley.projections.support.StoredJson;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;

import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.parley.projections.schema.Tables.AuditEntries.ACTOR;
import static dev.parley.projections.schema.Tables.AuditEntries.AGGREGATE_ID;
import static dev.parley.projections.schema.Tables.AuditEntries.AGGREGATE_TYPE;
import static dev.parley.projections.schema.Tables.AuditEntries.CAUSATION_ID;
import static dev.parley.projections.schema.Tables.AuditEntries.CORRELATION_ID;
import static dev.parley.projections.schema.Tables.AuditEntries.EVENT_TYPE;
import static dev.parley.projections.schema.Tables.AuditEntries.HASH;
import static dev.parley.projections.schema.Tables.AuditEntries.OCCURRED_AT;
import static dev.parley.projections.schema.Tables.AuditEntries.PAYLOAD;
import static dev.parley.projections.schema.Tables.AuditEntries.POSITION;
import static dev.parley.projections.schema.Tables.AuditEntries.RECORDED_AT;
import static dev.parley.projections.schema.Tables.AuditEntries.SEQUENCE_NUMBER;
import static dev.parley.projections.schema.Tables.AuditEntries.SOURCE;
import static dev.parley.projections.schema.Tables.AuditEntries.TABLE;

/** Projects every stored event into {@code audit_entry}; one row per event position, so replays add no duplicate. */
@ProcessingGroup(AuditTrailProjection.PROCESSING_GROUP)
public class AuditTrailProjection {

    /** The processing group, and the name of the processor that runs the projection. */
    public static final String PROCESSING_GROUP = "audit";

    /** Every column, in the order entries are written and read. */
    private static final String COLUMNS = String.join(", ", POSITION, AGGREGATE_TYPE, AGGREGATE_ID, SEQUENCE_NUMBER,
                                                      EVENT_TYPE, OCCURRED_AT, RECORDED_AT, ACTOR, SOURCE,
                                                      CORRELATION_ID, CAUSATION_ID, PAYLOAD, HASH);

    private final Jdbc jdbc;
    private final ObjectMapper json = ParleyJson.mapper();

    /**
     * A projection writing through Axon's connections, in the processor's transaction.
     *
     * @param connections connections to the database of {@code audit_entry}
     */
    public AuditTrailProjection(ConnectionProvider connections) {
        this.jdbc = new Jdbc(connections);
    }

    /** An entry to write: the event and its payload's JSON, as stored when the store's bytes were handed over. */
    private record Entry(StoredEvent event, String payload) {
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message, TrackingToken token) {
        StoredEvent event = StoredEvent.of(message, token);
        if (event != null) {
            String stored = StoredJson.payload(message);
            BatchScope.add(PROCESSING_GROUP, new Entry(event, stored != null ? stored : write(event.payload())),
                           this::insert);
        }
    }

    private void insert(List<Entry> entries) {
        Set<Long> fresh = jdbc.notYetIn(TABLE, POSITION, entries.stream().map(Entry::event).toList()).stream()
                              .map(StoredEvent::position).collect(Collectors.toSet());
        List<Entry> inserted = entries.stream().filter(entry -> fresh.contains(entry.event().position())).toList();
        Map<Long, String> hashes = hashes(inserted.stream().map(Entry::event).toList());
        jdbc.batch("INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   inserted,
                   (statement, entry) -> {
                       StoredEvent event = entry.event();
                       statement.setLong(1, event.position());
                       statement.setString(2, event.aggregateType());
                       statement.setString(3, event.aggregateId());
                       statement.setLong(4, event.sequence());
                       statement.setString(5, event.eventType());
                       statement.setString(6, event.occurredAt().toString());
                       statement.setString(7, event.recordedAt().toString());
                       statement.setString(8, event.actor());
                       statement.setString(9, event.source());
                       statement.setString(10, event.correlationId());
                       statement.setString(11, event.causationId());
                       statement.setString(12, entry.payload());
                       statement.setString(13, hashes.get(event.position()));
                   });
    }

    /** The leaf hashes the event store wrote with these events, in hex, by position. */
    private Map<Long, String> hashes(List<StoredEvent> events) {
        Map<Long, String> hashes = new HashMap<>();
        if (events.isEmpty()) {
            return hashes;
        }
        long lowest = events.stream().mapToLong(StoredEvent::position).min().orElseThrow();
        long highest = events.stream().mapToLong(StoredEvent::position).max().orElseThrow();
        jdbc.query("SELECT " + EventHashes.GLOBAL_INDEX + ", " + EventHashes.LEAF_HASH + " FROM " + EventHashes.TABLE
                           + " WHERE " + EventHashes.GLOBAL_INDEX + " BETWEEN ? AND ?",
                   statement -> {
                       statement.setLong(1, lowest);
                       statement.setLong(2, highest);
                   },
                   row -> hashes.put(row.getLong(EventHashes.GLOBAL_INDEX),
                                     HexFormat.of().formatHex(row.getBytes(EventHashes.LEAF_HASH))));
        return hashes;
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM " + TABLE, statement -> {
        });
    }

    @QueryHandler
    AuditTrail handle(FindAuditTrailQuery query) {
        String filter = " WHERE " + POSITION + " <= ?"
                + (query.aggregateId() == null ? "" : " AND " + AGGREGATE_ID + " = ?");
        return new AuditTrail(jdbc.query(
                "SELECT " + COLUMNS + " FROM " + TABLE + filter + " ORDER BY " + POSITION,
                statement -> {
                    statement.setLong(1, query.upToPosition() == null ? Long.MAX_VALUE : query.upToPosition());
                    if (query.aggregateId() != null) {
                        statement.setString(2, query.aggregateId());
                    }
                },
                row -> new AuditEntry(row.getLong(POSITION), row.getString(AGGREGATE_TYPE), row.getString(AGGREGATE_ID),
                                      row.getLong(SEQUENCE_NUMBER), row.getString(EVENT_TYPE),
                                      Instant.parse(row.getString(OCCURRED_AT)),
                                      Instant.parse(row.getString(RECORDED_AT)), row.getString(ACTOR),
                                      row.getString(SOURCE), row.getString(CORRELATION_ID),
                                      row.getString(CAUSATION_ID), read(row.getString(PAYLOAD)),
                                      row.getString(HASH))));
    }

    private String write(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new ReadModelStorageException("cannot write the payload of an audit entry", e);
        }
    }

    private com.fasterxml.jackson.databind.JsonNode read(String document) {
        try {
            return json.readTree(document);
        } catch (JsonProcessingException e) {
            throw new ReadModelStorageException("unreadable payload in the audit trail", e);
        }
    }
}
