package dev.parley.application.testing;

import dev.parley.application.messaging.RecordingClock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock for recording times that a test moves on: each reading is a millisecond after the one before, and
 * {@link #advance} leaves a gap, where a test would otherwise sleep. It starts an hour before the wall clock, so
 * "now" (the default of {@code --known-at}) is after everything it stamps.
 */
public final class SteppingClock extends Clock implements AutoCloseable {

    private final AtomicReference<Instant> next = new AtomicReference<>();

    private SteppingClock(Instant start) {
        next.set(start);
    }

    /** A stepping clock made the clock of recording times; {@link #close} gives the system clock back. */
    public static SteppingClock recording() {
        SteppingClock clock = new SteppingClock(Instant.now().minus(Duration.ofHours(1)));
        RecordingClock.use(clock);
        return clock;
    }

    /** Leaves {@code gap} between the recording times read before and after. */
    public void advance(Duration gap) {
        next.updateAndGet(instant -> instant.plus(gap));
    }

    /** Gives events the system clock again. */
    @Override
    public void close() {
        RecordingClock.use(Clock.systemUTC());
    }

    @Override
    public Instant instant() {
        return next.getAndUpdate(instant -> instant.plusMillis(1));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("recording times are UTC");
    }
}
