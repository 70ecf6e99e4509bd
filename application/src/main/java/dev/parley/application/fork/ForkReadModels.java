package dev.parley.application.fork;

import dev.parley.projections.audit.AuditTrail;
import dev.parley.projections.audit.FindAuditTrailQuery;
import dev.parley.projections.status.FindStatusAsOfQuery;
import dev.parley.projections.status.FindStatusQuery;
import dev.parley.projections.status.StatusHistory;
import dev.parley.projections.status.StatusReport;
import dev.parley.projections.timeline.FindTimelineQuery;
import dev.parley.projections.timeline.Timeline;
import dev.parley.projections.timeline.TimelineProjection;
import org.axonframework.queryhandling.QueryHandler;

/**
 * A fork's read models, answered on demand from its history instead of kept in tables: the status folds each asked
 * aggregate's stream, the timeline and audit trail are the parent's up to the fork point plus the fork's own.
 */
final class ForkReadModels {

    private final ForkEvents events;
    private final StatusHistory status;

    ForkReadModels(ForkEvents events, StatusHistory status) {
        this.events = events;
        this.status = status;
    }

    @QueryHandler
    StatusReport handle(FindStatusQuery query) {
        return status.handle(new FindStatusAsOfQuery(query.aggregateId(), null, null));
    }

    @QueryHandler
    Timeline handle(FindTimelineQuery query) {
        long upTo = query.upToPosition() == null ? Long.MAX_VALUE : query.upToPosition();
        return new Timeline(TimelineProjection.ordered(events.timeline(upTo), query.at(), query.knownAt()));
    }

    @QueryHandler
    AuditTrail handle(FindAuditTrailQuery query) {
        long upTo = query.upToPosition() == null ? Long.MAX_VALUE : query.upToPosition();
        return new AuditTrail(events.audit(query.aggregateId(), upTo));
    }
}
