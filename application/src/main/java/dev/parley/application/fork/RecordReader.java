package dev.parley.application.fork;

import dev.parley.projections.support.Jdbc;
import dev.parley.projections.schema.Tables.DomainEvents;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

/**
 * Reads the record's event table, and only reads it: every statement is a SELECT on a connection set read-only. Events
 * are upcast and deserialized exactly as Axon's storage engine does, and keep their global index as position.
 */
final class RecordReader {

    /** The columns of a stored event besides its position, named alike in the event and branch event tables. */
    static final String EVENT_COLUMNS = String.join(", ", TYPE, AGGREGATE_IDENTIFIER, SEQUENCE_NUMBER,
                                                    EVENT_IDENTIFIER, TIME_STAMP, PAYLOAD_TYPE, PAYLOAD_REVISION,
                                                    PAYLOAD, META_DATA);
    private static final String EVENTS = DomainEvents.TABLE;
    /** The name of a computed single value. */
    private static final String VALUE = "computed_value";

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
        return events("SELECT " + GLOBAL_INDEX + ", " + EVENT_COLUMNS + " FROM " + EVENTS + " WHERE "
                              + AGGREGATE_IDENTIFIER + " = ? AND " + GLOBAL_INDEX + " <= ? ORDER BY "
                              + SEQUENCE_NUMBER,
                      statement -> {
                          statement.setString(1, aggregateId);
                          statement.setLong(2, upTo);
                      });
    }

    long head() {
        return single("SELECT MAX(" + GLOBAL_INDEX + ") AS " + VALUE + " FROM " + EVENTS, statement -> {
        });
    }

    /** The position of the last event recorded at or before {@code moment}, or 0 when there is none. */
    long positionRecordedBy(Instant moment) {
        return single("SELECT MAX(" + GLOBAL_INDEX + ") AS " + VALUE + " FROM " + EVENTS + " WHERE " + TIME_STAMP
                              + " <= ?",
                      statement -> statement.setString(1, DateTimeUtils.formatInstant(moment)));
    }

    Set<String> aggregateIds(long upTo) {
        return new TreeSet<>(jdbc.query("SELECT DISTINCT " + AGGREGATE_IDENTIFIER + " FROM " + EVENTS + " WHERE "
                                                 + GLOBAL_INDEX + " <= ? ORDER BY " + AGGREGATE_IDENTIFIER,
                                         statement -> statement.setLong(1, upTo),
                                         row -> row.getString(AGGREGATE_IDENTIFIER)));
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

        /** The row under the cursor: its position in {@code positionColumn}, then {@link #EVENT_COLUMNS}. */
        static Row read(ResultSet row, String positionColumn) throws SQLException {
            return new Row(row.getLong(positionColumn), new GenericDomainEventEntry<>(
                    row.getString(TYPE), row.getString(AGGREGATE_IDENTIFIER), row.getLong(SEQUENCE_NUMBER),
                    row.getString(EVENT_IDENTIFIER), row.getString(TIME_STAMP), row.getString(PAYLOAD_TYPE),
                    row.getString(PAYLOAD_REVISION), row.getBytes(PAYLOAD), row.getBytes(META_DATA)));
        }
    }

    private List<PositionedEvent> events(String sql, Jdbc.Binder binder) {
        return deserialize(jdbc.query(sql, binder, row -> Row.read(row, GLOBAL_INDEX)));
    }

    private long single(String sql, Jdbc.Binder binder) {
        List<Long> values = jdbc.query(sql, binder, row -> row.getLong(VALUE));
        return values.isEmpty() ? 0 : values.get(0);
    }
}
