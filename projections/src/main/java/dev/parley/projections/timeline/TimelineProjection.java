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

/** Projects every event into {@code timeline_entry}; one row per event position, so replays add no duplicate. */
@ProcessingGroup(TimelineProjection.PROCESSING_GROUP)
public class TimelineProjection {

    public static final String PROCESSING_GROUP = "timeline";

    private static final Comparator<TimelineEntry> TIMELINE_ORDER =
            Comparator.comparing(TimelineEntry::occurredAt).thenComparingLong(TimelineEntry::position);

    private final Jdbc jdbc;

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
        jdbc.batch("INSERT INTO timeline_entry (position, occurred_at, occurred_at_micros, recorded_at,"
                           + " recorded_at_micros, aggregate_type, aggregate_id, sequence_number, event_type, source,"
                           + " description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   jdbc.notYetIn("timeline_entry", events),
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
        jdbc.update("DELETE FROM timeline_entry", statement -> {
        });
    }

    @QueryHandler
    Timeline handle(FindTimelineQuery query) {
        List<TimelineEntry> entries = jdbc.query(
                "SELECT position, occurred_at, recorded_at, aggregate_type, aggregate_id, sequence_number,"
                        + " event_type, source, description FROM timeline_entry"
                        + " WHERE occurred_at_micros <= ? AND recorded_at_micros <= ? AND position <= ?"
                        + " ORDER BY occurred_at_micros, position",
                statement -> {
                    statement.setLong(1, Times.upperBound(query.at()));
                    statement.setLong(2, Times.upperBound(query.knownAt()));
                    statement.setLong(3, query.upToPosition() == null ? Long.MAX_VALUE : query.upToPosition());
                },
                row -> new TimelineEntry(row.getLong(1), Instant.parse(row.getString(2)),
                                         Instant.parse(row.getString(3)), row.getString(4), row.getString(5),
                                         row.getLong(6), row.getString(7), row.getString(8), row.getString(9)));
        return new Timeline(ordered(entries, query.at(), query.knownAt()));
    }

    /** Entries that lie within both time bounds (null for none), in timeline order. */
    public static List<TimelineEntry> ordered(List<TimelineEntry> entries, Instant at, Instant knownAt) {
        return entries.stream()
                      .filter(entry -> Times.notAfter(entry.occurredAt(), at))
                      .filter(entry -> Times.notAfter(entry.recordedAt(), knownAt))
                      .sorted(TIMELINE_ORDER)
                      .toList();
    }
}
