package dev.parley.projections.timeline;

import java.time.Instant;

/**
 * Asks for the timeline. {@code at} (valid time) keeps the events that had happened by then, as recorded now;
 * {@code knownAt} (transaction time) keeps only the events recorded by then; either may be null for no bound, and
 * both together give what was known at {@code knownAt} about the world at {@code at}. {@code upToPosition}, when
 * not null, keeps only the events stored at or before that position (what a fork at that position sees).
 *
 * @param at the valid time bound, or null
 * @param knownAt the transaction time bound, or null
 * @param upToPosition the last global position included, or null
 */
public record FindTimelineQuery(Instant at, Instant knownAt, Long upToPosition) {

    /**
     * The timeline with either time bound, over every stored position.
     *
     * @param at the valid time bound, or null
     * @param knownAt the transaction time bound, or null
     */
    public FindTimelineQuery(Instant at, Instant knownAt) {
        this(at, knownAt, null);
    }

    /**
     * Asks for the whole timeline, as recorded now.
     *
     * @return the query
     */
    public static FindTimelineQuery all() {
        return new FindTimelineQuery(null, null, null);
    }
}
