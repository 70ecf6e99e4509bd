package dev.parley.application.readmodel;

import java.time.Duration;

/**
 * How far a rebuild of the read models has come: the events given to them so far, the position of the last one,
 * the store's head when the rebuild began (or last looked), the time taken so far, and the estimated time left.
 *
 * @param events   the events given so far
 * @param position the global position of the last one, -1 before any
 * @param head     the store's head
 * @param elapsed  the time taken so far
 */
public record RebuildProgress(long events, long position, long head, Duration elapsed) {

    /**
     * Events per second so far.
     *
     * @return the rate, 0 before any time has passed
     */
    public double eventsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : events / seconds;
    }

    /**
     * The time left at the rate so far, assuming the positions ahead are about as dense as those behind.
     *
     * @return the estimate, zero when unknown or done
     */
    public Duration remaining() {
        if (events == 0 || position < 0 || head <= position) {
            return Duration.ZERO;
        }
        double perPosition = (double) elapsed.toNanos() / (position + 1);
        return Duration.ofNanos((long) (perPosition * (head - position)));
    }
}
