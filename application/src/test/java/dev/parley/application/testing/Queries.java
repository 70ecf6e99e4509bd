package dev.parley.application.testing;

import org.axonframework.queryhandling.QueryGateway;

import java.util.concurrent.ExecutionException;

/** Typed queries for tests: the answer, or an assertion failure naming the query that failed. */
public final class Queries {

    private Queries() {
    }

    public static <R> R ask(QueryGateway queries, Object query, Class<R> answer) {
        try {
            return queries.query(query, answer).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError("query " + query + " failed: " + e.getCause(), e.getCause());
        }
    }
}
