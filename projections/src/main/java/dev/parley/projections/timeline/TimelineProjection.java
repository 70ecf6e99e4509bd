package dev.parley.projections.timeline;

import dev.parley.projections.describe.EventDescriptions;
import dev.parley.projections.support.BatchScope;
import dev.parley.projections.support.Jdbc;
import dev.parley.projections.support.StoredEvent;
import dev.parley.projections.support.Times;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static dev.parley.projections.schema.Tables.TimelineEntries.AGGREGATE_ID;
import static dev.parley.projections.schema.Tables.TimelineEntries.AGGREGATE_TYPE;
import static dev.parley.projections.schema.Tables.TimelineEntries.DESCRIPTION;
import static dev.parley.projections.schema.Tables.TimelineEntries.EVENT_TYPE;
import static dev.parley.projections.schema.Tables.TimelineEntries.OCCURRED_AT;
import static dev.parley.projections.schema.Tables.TimelineEntries.OCCURRED_AT_MICROS;
import static dev.parley.projections.schema.Tables.TimelineEntries.POSITION;
import static dev.parley.projections.schema.Tables.TimelineEntries.RECORDED_AT;
import static dev.parley.projections.schema.Tables.TimelineEntries.RECORDED_AT_MICROS;
import static dev.parley.projections.schema.Tables.TimelineEntries.SEQUENCE_NUMBER;
import static dev.parley.projections.schema.Tables.TimelineEntries.SOURCE;
import static dev.parley.projections.schema.Tables.TimelineEntries.TABLE;

/** Projects every event into {@code timeline_entry}; one row per event position, so replays add no duplicate. */
@ProcessingGroup(TimelineProjection.PROCESSING_GROUP)
public class TimelineProjection {

    /** The processing group, and the name of the processor that runs the projection. */
    public static final String PROCESSING_GROUP = "timeline";

    private static final Comparator<TimelineEntry> TIMELINE_ORDER =
            Comparator.comparing(TimelineEntry::occurredAt).thenComparingLong(TimelineEntry::position);

    private final Jdbc jdbc;

    /**
     * A projection writing through Axon's connections, in the processor's transaction.
     *
     * @param connections connections to the database of {@code timeline_entry}
     */
    public TimelineProjection(ConnectionProvider connections) {
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
        jdbc.batch("INSERT INTO " + TABLE + " (" + String.join(", ", POSITION, OCCURRED_AT, OCCURRED_AT_MICROS,
                                                                  RECORDED_AT, RECORDED_AT_MICROS, AGGREGATE_TYPE,
                                                                  AGGREGATE_ID, SEQUENCE_NUMBER, EVENT_TYPE, SOURCE,
                                                                  DESCRIPTION)
                           + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   jdbc.notYetIn(TABLE, POSITION, events),
                   (statement, event) -> {
                       statement.setLong(1, event.position());
                       statement.setString(2, event.occurredAt().toString());
                       statement.setLong(3, Times.micros(event.occurredAt()));
                       statement.setString(4, event.recordedAt().toString());
                       statement.setLong(5, Times.micros(event.recordedAt()));
                       statement.setString(6, event.aggregateType());
                       statement.setString(7, event.aggregateId());
                       statement.setLong(8, event.sequence());
                       statement.setString(9, event.eventType());
                       statement.setString(10, event.source());
                       statement.setString(11, EventDescriptions.describe(event.payload()));
                   });
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM " + TABLE, statement -> {
        });
    }

    @QueryHandler
    Timeline handle(FindTimelineQuery query) {
        List<TimelineEntry> entries = jdbc.query(
                "SELECT " + String.join(", ", POSITION, OCCURRED_AT, RECORDED_AT, AGGREGATE_TYPE, AGGREGATE_ID,
                                          SEQUENCE_NUMBER, EVENT_TYPE, SOURCE, DESCRIPTION)
                        + " FROM " + TABLE + " WHERE " + OCCURRED_AT_MICROS + " <= ? AND " + RECORDED_AT_MICROS
                        + " <= ? AND " + POSITION + " <= ? ORDER BY " + OCCURRED_AT_MICROS + ", " + POSITION,
                statement -> {
                    statement.setLong(1, Times.upperBound(query.at()));
                    statement.setLong(2, Times.upperBound(query.knownAt()));
                    statement.setLong(3, query.upToPosition() == null ? Long.MAX_VALUE : query.upToPosition());
                },
                row -> new TimelineEntry(row.getLong(POSITION), Instant.parse(row.getString(OCCURRED_AT)),
                                         Instant.parse(row.getString(RECORDED_AT)), row.getString(AGGREGATE_TYPE),
                                         row.getString(AGGREGATE_ID), row.getLong(SEQUENCE_NUMBER),
                                         row.getString(EVENT_TYPE), row.getString(SOURCE),
                                         row.getString(DESCRIPTION)));
        return new Timeline(ordered(entries, query.at(), query.knownAt()));
    }

    /**
     * Entries that lie within both time bounds (null for none), in timeline order.
     *
     * @param entries the entries, in any order
     * @param at the valid time bound, or null
     * @param knownAt the transaction time bound, or null
     * @return the entries kept, ordered by {@code occurredAt}, then by position
     */
    public static List<TimelineEntry> ordered(List<TimelineEntry> entries, Instant at, Instant knownAt) {
        return entries.stream()
                      .filter(entry -> Times.notAfter(entry.occurredAt(), at))
                      .filter(entry -> Times.notAfter(entry.recordedAt(), knownAt))
                      .sorted(TIMELINE_ORDER)
                      .toList();
    }
}
