package dev.parley.projections.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.projections.json.ParleyJson;
import dev.parley.projections.support.BatchScope;
import dev.parley.projections.support.Jdbc;
import dev.parley.projections.support.ReadModelStorageException;
import dev.parley.projections.support.StoredEvent;
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

/** Projects every stored event into {@code audit_entry}; one row per event position, so replays add no duplicate. */
@ProcessingGroup(AuditTrailProjection.PROCESSING_GROUP)
public class AuditTrailProjection {

    public static final String PROCESSING_GROUP = "audit";

    private final Jdbc jdbc;
    private final ObjectMapper json = ParleyJson.mapper();

    public AuditTrailProjection(ConnectionProvider connections) {
        this.jdbc = new Jdbc(connections);
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message, TrackingToken token) {
        StoredEvent event = StoredEvent.of(message, token);
        if (event != null) {
            BatchScope.add(PROCESSING_GROUP, event, this::insert);
        }
    }

    private void insert(List<StoredEvent> events) {
        List<StoredEvent> fresh = jdbc.notYetIn("audit_entry", events);
        Map<Long, String> hashes = hashes(fresh);
        jdbc.batch("INSERT INTO audit_entry (position, aggregate_type, aggregate_id, sequence_number, event_type,"
                           + " occurred_at, recorded_at, actor, source, correlation_id, causation_id, payload, hash)"
                           + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   fresh,
                   (statement, event) -> {
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
                       statement.setString(12, write(event.payload()));
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
        jdbc.query("SELECT global_index, leaf_hash FROM event_hash WHERE global_index BETWEEN ? AND ?",
                   statement -> {
                       statement.setLong(1, lowest);
                       statement.setLong(2, highest);
                   },
                   row -> hashes.put(row.getLong(1), HexFormat.of().formatHex(row.getBytes(2))));
        return hashes;
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM audit_entry", statement -> {
        });
    }

    @QueryHandler
    AuditTrail handle(FindAuditTrailQuery query) {
        String filter = " WHERE position <= ?" + (query.aggregateId() == null ? "" : " AND aggregate_id = ?");
        return new AuditTrail(jdbc.query(
                "SELECT position, aggregate_type, aggregate_id, sequence_number, event_type, occurred_at,"
                        + " recorded_at, actor, source, correlation_id, causation_id, payload, hash FROM audit_entry"
                        + filter + " ORDER BY position",
                statement -> {
                    statement.setLong(1, query.upToPosition() == null ? Long.MAX_VALUE : query.upToPosition());
                    if (query.aggregateId() != null) {
                        statement.setString(2, query.aggregateId());
                    }
                },
                row -> new AuditEntry(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4),
                                      row.getString(5), Instant.parse(row.getString(6)),
                                      Instant.parse(row.getString(7)), row.getString(8), row.getString(9),
                                      row.getString(10), row.getString(11), read(row.getString(12)),
                                      row.getString(13))));
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
