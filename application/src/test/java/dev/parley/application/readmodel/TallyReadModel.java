package dev.parley.application.readmodel;

import dev.parley.projections.readmodel.ForkHistory;
import dev.parley.projections.readmodel.ReadModel;
import dev.parley.projections.support.Jdbc;
import dev.parley.projections.support.StoredEvent;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fourth read model that exists only in test code: how many events of each type the store holds. It is declared
 * here and nowhere else, which is all Parley needs to run, replay, compare and fork it.
 */
public final class TallyReadModel {

    public static final String NAME = "tally";
    static final String TABLE = "tally_entry";
    static final String POSITION = "position";
    static final String EVENT_TYPE = "event_type";
    static final String EVENTS = "events";

    public static final ReadModel DEFINITION = new ReadModel(
            NAME,
            TallyProjection::new,
            List.of(new ReadModel.Table(TABLE, List.of(POSITION))),
            new ReadModel.Migrations("classpath:db/tally", "tally_schema_history"),
            history -> List.of(new TallyInFork(history)));

    private TallyReadModel() {
    }

    /** Asks for the events of each type stored at or before {@code upToPosition} (null for all). */
    public record FindTallyQuery(Long upToPosition) {
    }

    /** Events by type, ordered by type. */
    public record Tally(Map<String, Long> eventsByType) {

        public long total() {
            return eventsByType.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Deliberately without {@code @ProcessingGroup}: the definition alone names its processor. */
    static final class TallyProjection {

        private final Jdbc jdbc;

        TallyProjection(ConnectionProvider connections) {
            this.jdbc = new Jdbc(connections);
        }

        @EventHandler
        void on(Object payload, EventMessage<?> message, TrackingToken token) {
            StoredEvent event = StoredEvent.of(message, token);
            if (event == null || jdbc.notYetIn(TABLE, POSITION, List.of(event)).isEmpty()) {
                return;
            }
            jdbc.update("INSERT INTO " + TABLE + " (" + POSITION + ", " + EVENT_TYPE + ") VALUES (?, ?)",
                        statement -> {
                            statement.setLong(1, event.position());
                            statement.setString(2, event.eventType());
                        });
        }

        @ResetHandler
        void reset() {
            jdbc.update("DELETE FROM " + TABLE, statement -> {
            });
        }

        @QueryHandler
        Tally handle(FindTallyQuery query) {
            Map<String, Long> tally = new TreeMap<>();
            jdbc.query("SELECT " + EVENT_TYPE + ", COUNT(*) AS " + EVENTS + " FROM " + TABLE + " WHERE " + POSITION
                               + " <= ? GROUP BY " + EVENT_TYPE,
                       statement -> statement.setLong(1, query.upToPosition() == null ? Long.MAX_VALUE
                               : query.upToPosition()),
                       row -> tally.put(row.getString(EVENT_TYPE), row.getLong(EVENTS)));
            return new Tally(tally);
        }
    }

    /** The tally inside a fork: the record's up to where the fork's line began, plus the line's own events. */
    static final class TallyInFork {

        private final ForkHistory history;

        TallyInFork(ForkHistory history) {
            this.history = history;
        }

        @QueryHandler
        Tally handle(FindTallyQuery query) {
            long upTo = query.upToPosition() == null ? Long.MAX_VALUE : query.upToPosition();
            Map<String, Long> tally = new TreeMap<>(history.askRecord(
                    new FindTallyQuery(Math.min(history.recordPoint(), upTo)), Tally.class).eventsByType());
            history.forkEvents(upTo).forEach(event -> tally.merge(event.eventType(), 1L, Long::sum));
            return new Tally(tally);
        }
    }
}
