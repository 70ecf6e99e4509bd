package dev.parley.projections.status;

import java.time.Instant;

/**
 * Asks for the status as it stood at valid time {@code at} (according to everything recorded by {@code knownAt}),
 * of every aggregate or of {@code aggregateId}. Null bounds are open: {@code at} null means "as things stand", and
 * {@code knownAt} null means "everything recorded now". Answered from the aggregates' own event streams.
 *
 * @param aggregateId the aggregate asked about, or null for all
 * @param at the valid time, or null
 * @param knownAt the transaction time, or null
 */
public record FindStatusAsOfQuery(String aggregateId, Instant at, Instant knownAt) {
}
