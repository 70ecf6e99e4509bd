package dev.parley.application.fork;

import org.axonframework.queryhandling.QueryGateway;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * The record as a fork sees it: events straight from the event table, and answers from the record's read models,
 * caught up first.
 */
public final class RecordSource implements EventSource {

    /** Brings the record's read models up to date before a fork reads them. */
    @FunctionalInterface
    public interface CatchUp {
        /**
         * Waits until the record's read models have caught up.
         *
         * @throws Exception when they do not, or the wait is interrupted
         */
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

    /** The record's answer to {@code query}, once its read models have caught up. */
    <R> R ask(Object query, Class<R> answer) {
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
