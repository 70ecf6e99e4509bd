package dev.parley.cli;

import java.io.PrintWriter;

/** A progress line on stderr, shown only when a person watches a terminal and the work is long. */
final class Progress {

    private static final int WORTH_SHOWING = 1_000;
    private static final long EVERY_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final String unit;
    private final boolean terminal;
    private long lastShown;
    private boolean dirty;

    private Progress(PrintWriter err, String unit, boolean terminal) {
        this.err = err;
        this.unit = unit;
        this.terminal = terminal;
    }

    static Progress onTerminal(PrintWriter err, String unit) {
        return new Progress(err, unit, System.console() != null);
    }

    synchronized void at(long done, long total) {
        if (!terminal || total < WORTH_SHOWING || System.nanoTime() - lastShown < EVERY_NANOS) {
            return;
        }
        lastShown = System.nanoTime();
        long shown = Math.max(0, done);
        err.print("\r" + unit + " " + shown + " of " + total + " (" + (shown * 100 / Math.max(1, total)) + "%)");
        err.flush();
        dirty = true;
    }

    /** A rebuild's progress: events so far, their rate, how far through the store, and the time left. */
    synchronized void rebuilt(long events, double eventsPerSecond, long position, long head, long secondsLeft) {
        if (!terminal || head < WORTH_SHOWING || System.nanoTime() - lastShown < EVERY_NANOS) {
            return;
        }
        lastShown = System.nanoTime();
        long shown = Math.max(0, position);
        err.print("\r\033[K" + events + " events replayed, " + Math.round(eventsPerSecond) + " events/s, " + unit
                          + " " + shown + " of " + head + " (" + (shown * 100 / Math.max(1, head)) + "%), about "
                          + secondsLeft + " s left");
        err.flush();
        dirty = true;
    }

    synchronized void clear() {
        if (dirty) {
            err.print("\r\033[K");
            err.flush();
            dirty = false;
        }
    }
}
