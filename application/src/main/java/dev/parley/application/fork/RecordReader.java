package dev.parley.application.fork;

import dev.parley.projections.support.Jdbc;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the record's event table, and only reads it: every statement is a SELECT on a connection set read-only. Events
 * are upcast and deserialized exactly as Axon's storage engine does, and keep their global index as position.
 */
final class RecordReader {

    private static final String COLUMNS = "global_index, type, aggregate_identifier, sequence_number, "
            + "event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data";

    private final Jdbc jdbc;
    private final Serializer serializer;
    private final EventUpcaster upcasters;

    RecordReader(DataSource dataSource, Serializer serializer, EventUpcaster upcasters) {
        this.jdbc = new Jdbc(() -> {
            Connection connection = dataSource.getConnection();
            connection.setReadOnly(true);
            return connection;
        });
        this.serializer = serializer;
        this.upcasters = upcasters;
    }

    List<PositionedEvent> stream(String aggregateId, long upTo) {
        return events("SELECT " + COLUMNS + " FROM domain_event_entry WHERE aggregate_identifier = ?"
                              + " AND global_index <= ? ORDER BY sequence_number",
                      statement -> {
                          statement.setString(1, aggregateId);
                          statement.setLong(2, upTo);
                      });
    }

    long head() {
        return single("SELECT MAX(global_index) FROM domain_event_entry", statement -> {
        });
    }

    /** The position of the last event recorded at or before {@code moment}, or 0 when there is none. */
    long positionRecordedBy(Instant moment) {
        return single("SELECT MAX(global_index) FROM domain_event_entry WHERE time_stamp <= ?",
                      statement -> statement.setString(1, DateTimeUtils.formatInstant(moment)));
    }

    Set<String> aggregateIds(long upTo) {
        return new TreeSet<>(jdbc.query("SELECT DISTINCT aggregate_identifier FROM domain_event_entry"
                                                 + " WHERE global_index <= ? ORDER BY aggregate_identifier",
                                         statement -> statement.setLong(1, upTo), row -> row.getString(1)));
    }

    /** Turns stored rows into positioned events, through the upcasters. */
    List<PositionedEvent> deserialize(List<Row> rows) {
        Map<String, Long> positions = new HashMap<>();
        List<DomainEventData<?>> entries = new ArrayList<>(rows.size());
        for (Row row : rows) {
            positions.put(row.entry().getEventIdentifier(), row.position());
            entries.add(row.entry());
        }
        List<PositionedEvent> events = new ArrayList<>(rows.size());
        EventStreamUtils.upcastAndDeserializeDomainEvents(entries.stream(), serializer, upcasters)
                        .asStream()
                        .forEach(message -> events.add(new PositionedEvent(positions.get(message.getIdentifier()),
                                                                           (DomainEventMessage<?>) message)));
        return events;
    }

    /** A stored event row: its position and its serialized entry. */
    record Row(long position, GenericDomainEventEntry<byte[]> entry) {
    }

    private List<PositionedEvent> events(String sql, Jdbc.Binder binder) {
        return deserialize(jdbc.query(sql, binder, row -> new Row(row.getLong(1), new GenericDomainEventEntry<>(
                row.getString(2), row.getString(3), row.getLong(4), row.getString(5), row.getString(6),
                row.getString(7), row.getString(8), row.getBytes(9), row.getBytes(10)))));
    }

    private long single(String sql, Jdbc.Binder binder) {
        List<Long> values = jdbc.query(sql, binder, row -> row.getLong(1));
        return values.isEmpty() ? 0 : values.get(0);
    }
}
