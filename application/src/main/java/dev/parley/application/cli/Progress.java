package dev.parley.application.cli;

import java.io.PrintWriter;

/** A progress line on stderr, shown only when a person watches a terminal and the work is long. */
final class Progress {

    private static final int WORTH_SHOWING = 1_000;
    private static final long EVERY_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final String unit;
    private final long total;
    private final boolean shown;
    private long lastShown;
    private boolean dirty;

    private Progress(PrintWriter err, String unit, long total, boolean shown) {
        this.err = err;
        this.unit = unit;
        this.total = total;
        this.shown = shown;
    }

    static Progress onTerminal(PrintWriter err, String unit, long total) {
        return new Progress(err, unit, total, System.console() != null && total >= WORTH_SHOWING);
    }

    void at(long done) {
        if (!shown || System.nanoTime() - lastShown < EVERY_NANOS) {
            return;
        }
        lastShown = System.nanoTime();
        err.print("\r" + unit + " " + done + " of " + total + " (" + (done * 100 / Math.max(1, total)) + "%)");
        err.flush();
        dirty = true;
    }

    void clear() {
        if (dirty) {
            err.print("\r\033[K");
            err.flush();
            dirty = false;
        }
    }
}
