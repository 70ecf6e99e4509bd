package dev.parley.projections.support;

import java.time.Instant;

/**
 * Times in read-model tables: the exact ISO-8601 text for output, and whole microseconds since the epoch for
 * ordering and filtering in SQL (portable between H2 and PostgreSQL). Two instants in the same microsecond are
 * told apart by their text.
 */
public final class Times {

    private Times() {
    }

    /**
     * Microseconds since the epoch, rounded down; held at the bounds of a long for the few times beyond them (about
     * 292,000 years away), which commands refuse but stores written by earlier versions may hold.
     *
     * @param instant a time
     * @return its microseconds since the epoch
     */
    public static long micros(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds > Long.MAX_VALUE / 1_000_000L - 1) {
            return Long.MAX_VALUE;
        }
        if (seconds < Long.MIN_VALUE / 1_000_000L + 1) {
            return Long.MIN_VALUE;
        }
        return seconds * 1_000_000L + instant.getNano() / 1_000;
    }

    /**
     * Microseconds of {@code instant}, or {@link Long#MAX_VALUE} when there is no bound.
     *
     * @param instantOrNull a bound, or null for none
     * @return its microseconds, or {@link Long#MAX_VALUE}
     */
    public static long upperBound(Instant instantOrNull) {
        return instantOrNull == null ? Long.MAX_VALUE : micros(instantOrNull);
    }

    /**
     * Whether {@code moment} lies at or before {@code boundOrNull}; no bound takes everything.
     *
     * @param moment a time
     * @param boundOrNull the bound, or null for none
     * @return true if the moment is within the bound
     */
    public static boolean notAfter(Instant moment, Instant boundOrNull) {
        return boundOrNull == null || !moment.isAfter(boundOrNull);
    }
}
