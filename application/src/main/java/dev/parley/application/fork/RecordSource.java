package dev.parley.application.fork;

import dev.parley.projections.audit.AuditEntry;
import dev.parley.projections.audit.AuditTrail;
import dev.parley.projections.audit.FindAuditTrailQuery;
import dev.parley.projections.timeline.FindTimelineQuery;
import dev.parley.projections.timeline.Timeline;
import dev.parley.projections.timeline.TimelineEntry;
import org.axonframework.queryhandling.QueryGateway;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * The record as a fork sees it: events straight from the event table, and timeline and audit entries from the
 * record's read models, bounded by position.
 */
public final class RecordSource implements EventSource {

    /** Brings the record's read models up to date before a fork reads them. */
    @FunctionalInterface
    public interface CatchUp {
        void await() throws Exception;
    }

    private final RecordReader reader;
    private final QueryGateway queries;
    private final CatchUp catchUp;

    RecordSource(RecordReader reader, QueryGateway queries, CatchUp catchUp) {
        this.reader = reader;
        this.queries = queries;
        this.catchUp = catchUp;
    }

    RecordReader reader() {
        return reader;
    }

    @Override
    public List<PositionedEvent> stream(String aggregateId, long upTo) {
        return reader.stream(aggregateId, upTo);
    }

    @Override
    public long head() {
        return reader.head();
    }

    @Override
    public Set<String> aggregateIds(long upTo) {
        return reader.aggregateIds(upTo);
    }

    @Override
    public List<TimelineEntry> timeline(long upTo) {
        return ask(new FindTimelineQuery(null, null, upTo), Timeline.class).entries();
    }

    @Override
    public List<AuditEntry> audit(String aggregateIdOrNull, long upTo) {
        return ask(new FindAuditTrailQuery(aggregateIdOrNull, upTo), AuditTrail.class).entries();
    }

    private <R> R ask(Object query, Class<R> answer) {
        try {
            catchUp.await();
            return queries.query(query, answer).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the record", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the record's read models: " + e.getCause().getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the record's read models: " + e.getMessage(), e);
        }
    }
}
