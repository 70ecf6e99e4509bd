package dev.parley.projections.status;

import dev.parley.projections.readmodel.ForkHistory;
import dev.parley.projections.readmodel.ReadModel;
import dev.parley.projections.schema.Tables.StatusView;
import org.axonframework.queryhandling.QueryHandler;

import java.util.List;

/**
 * The status read model, declared once: one JSON document per aggregate. Its time travel folds the record's streams
 * ({@link StatusHistory}); a fork folds its own streams for every status query.
 */
public final class StatusReadModel {

    /** The declaration: processing group, projection, table, migrations, the fork's handlers and time travel. */
    public static final ReadModel DEFINITION = new ReadModel(
            StatusProjection.PROCESSING_GROUP,
            StatusProjection::new,
            List.of(new ReadModel.Table(StatusView.TABLE, List.of(StatusView.AGGREGATE_TYPE, StatusView.AGGREGATE_ID))),
            ReadModel.Migrations.PARLEY,
            StatusReadModel::inFork,
            StatusHistory::new);

    private StatusReadModel() {
    }

    private static List<Object> inFork(ForkHistory history) {
        StatusHistory folded = new StatusHistory(history::stream, history::aggregateIds);
        return List.of(folded, new InFork(folded));
    }

    /** The current status inside a fork: its history folded up to its head. */
    static final class InFork {

        private final StatusHistory history;

        InFork(StatusHistory history) {
            this.history = history;
        }

        @QueryHandler
        StatusReport handle(FindStatusQuery query) {
            return history.handle(new FindStatusAsOfQuery(query.aggregateId(), null, null));
        }
    }
}
