package dev.parley.projections.audit;

import dev.parley.projections.readmodel.ForkHistory;
import dev.parley.projections.readmodel.ReadModel;
import dev.parley.projections.schema.Tables.AuditEntries;
import org.axonframework.queryhandling.QueryHandler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The audit trail read model, declared once. A fork answers it with the record's entries up to the point its line
 * began at, followed by entries for the line's own events, which have no stored hash.
 */
public final class AuditTrailReadModel {

    /** The declaration: processing group, projection, table, migrations and the fork's handler. */
    public static final ReadModel DEFINITION = new ReadModel(
            AuditTrailProjection.PROCESSING_GROUP,
            AuditTrailProjection::new,
            List.of(new ReadModel.Table(AuditEntries.TABLE, List.of(AuditEntries.POSITION))),
            ReadModel.Migrations.PARLEY,
            history -> List.of(new InFork(history)));

    private AuditTrailReadModel() {
    }

    /** The audit trail inside a fork. */
    static final class InFork {

        private final ForkHistory history;

        InFork(ForkHistory history) {
            this.history = history;
        }

        @QueryHandler
        AuditTrail handle(FindAuditTrailQuery query) {
            long upTo = query.upToPosition() == null ? Long.MAX_VALUE : query.upToPosition();
            List<AuditEntry> entries = new ArrayList<>(history.askRecord(
                    new FindAuditTrailQuery(query.aggregateId(), Math.min(history.recordPoint(), upTo)),
                    AuditTrail.class).entries());
            history.forkEvents(upTo).stream()
                   .filter(event -> query.aggregateId() == null || event.aggregateId().equals(query.aggregateId()))
                   .forEach(event -> entries.add(AuditEntry.of(event)));
            entries.sort(Comparator.comparingLong(AuditEntry::position));
            return new AuditTrail(entries);
        }
    }
}
