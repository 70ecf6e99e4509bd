package dev.parley.projections.timeline;

import dev.parley.projections.readmodel.ForkHistory;
import dev.parley.projections.readmodel.ReadModel;
import dev.parley.projections.schema.Tables.TimelineEntries;
import org.axonframework.queryhandling.QueryHandler;

import java.util.ArrayList;
import java.util.List;

/**
 * The timeline read model, declared once. A fork answers it with the record's timeline up to the point its line
 * began at, followed by the line's own events.
 */
public final class TimelineReadModel {

    /** The declaration: processing group, projection, table, migrations and the fork's handler. */
    public static final ReadModel DEFINITION = new ReadModel(
            TimelineProjection.PROCESSING_GROUP,
            TimelineProjection::new,
            List.of(new ReadModel.Table(TimelineEntries.TABLE, List.of(TimelineEntries.POSITION))),
            ReadModel.Migrations.PARLEY,
            history -> List.of(new InFork(history)));

    private TimelineReadModel() {
    }

    /** The timeline inside a fork. */
    static final class InFork {

        private final ForkHistory history;

        InFork(ForkHistory history) {
            this.history = history;
        }

        @QueryHandler
        Timeline handle(FindTimelineQuery query) {
            long upTo = query.upToPosition() == null ? Long.MAX_VALUE : query.upToPosition();
            List<TimelineEntry> entries = new ArrayList<>(history.askRecord(
                    new FindTimelineQuery(null, null, Math.min(history.recordPoint(), upTo)), Timeline.class)
                                                                 .entries());
            history.forkEvents(upTo).forEach(event -> entries.add(TimelineEntry.of(event)));
            return new Timeline(TimelineProjection.ordered(entries, query.at(), query.knownAt()));
        }
    }
}
