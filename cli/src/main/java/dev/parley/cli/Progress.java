package dev.parley.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A progress line on stderr while long work runs, whenever stderr is a terminal (whatever stdout is): the phase by
 * name, the count and, where the total is known, the percentage, the rate and the time left; redrawn four times a
 * second from the start, so that a phase with nothing to count still shows it is alive. When stderr is not a
 * terminal nothing is drawn: the command's one-line summary is all it prints.
 */
final class Progress implements AutoCloseable {

    private static final long REDRAW_MILLIS = 250;
    /** Where Linux shows what this process's stderr is. */
    private static final Path STDERR = Path.of("/proc/self/fd/2");

    private final PrintWriter err;
    private String unit;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private ScheduledExecutorService ticker;
    private String phase = "starting";
    private long phaseStarted = System.nanoTime();
    private long done = -1;
    private long total = -1;
    private long doneAtPhaseStart;
    private String override;
    private boolean dirty;

    private Progress(PrintWriter err, String unit, boolean terminal) {
        this.err = err;
        this.unit = unit;
        this.terminal = terminal;
    }

    /** Progress counted in {@code unit}s (singular), drawn only when stderr is a terminal. */
    static Progress onTerminal(PrintWriter err, String unit) {
        return new Progress(err, unit, stderrIsTerminal());
    }

    /** Whether this process's stderr is a terminal: on Linux, a tty or pseudo-terminal device. */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(STDERR).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException notLinux) {
            // Elsewhere the nearest Java can tell: a console is attached.
            return System.console() != null;
        }
    }

    /** Starts a named phase counted in {@code unit}s (singular). */
    synchronized void phase(String name, String unit) {
        this.unit = unit;
        phase(name);
    }

    /** Starts a named phase (its count starts afresh) and draws it at once. */
    synchronized void phase(String name) {
        phase = name;
        phaseStarted = System.nanoTime();
        doneAtPhaseStart = Math.max(0, done);
        done = -1;
        total = -1;
        override = null;
        startTicking();
        draw();
    }

    /** {@code done} of {@code total} {@code unit}s in the current phase ({@code total} below 0: unknown). */
    synchronized void at(long done, long total) {
        if (this.done < 0) {
            doneAtPhaseStart = Math.max(0, done);
            phaseStarted = System.nanoTime();
        }
        this.done = Math.max(0, done);
        this.total = total;
        override = null;
        startTicking();
    }

    /** A rebuild's progress: events so far, their rate, how far through the store, and the time left. */
    synchronized void rebuilt(long events, double eventsPerSecond, long position, long head, long secondsLeft) {
        long shown = Math.max(0, position);
        if (shown >= head) {
            override = phase + ": " + events + " events replayed, " + Math.round(eventsPerSecond)
                    + " events/s; swapping the rebuilt read models in";
            startTicking();
            return;
        }
        override = phase + ": " + events + " events replayed, " + Math.round(eventsPerSecond) + " events/s, "
                + unit + " " + shown + " of " + head + " (" + (shown * 100 / Math.max(1, head)) + "%), about "
                + duration(secondsLeft) + " left";
        startTicking();
    }

    private void startTicking() {
        if (!terminal || ticker != null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "parley-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::tick, 0, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
    }

    private synchronized void tick() {
        if (ticker != null) {
            draw();
        }
    }

    private void draw() {
        if (!terminal) {
            return;
        }
        err.print("\r\033[K" + line());
        err.flush();
        dirty = true;
    }

    /** What the progress line says now. */
    synchronized String line() {
        if (override != null) {
            return override;
        }
        long elapsedNanos = System.nanoTime() - phaseStarted;
        StringBuilder line = new StringBuilder(phase);
        if (done < 0) {
            return line.append(" (").append(duration((System.nanoTime() - started) / 1_000_000_000L)).append(')')
                       .toString();
        }
        line.append(": ").append(done);
        if (total >= 0) {
            line.append(" of ").append(total);
        }
        line.append(' ').append(unit).append(done == 1 && total < 0 ? "" : "s");
        if (total > 0) {
            line.append(" (").append(Math.min(100, done * 100 / total)).append("%)");
        }
        double seconds = elapsedNanos / 1e9;
        long counted = done - doneAtPhaseStart;
        if (seconds >= 0.5 && counted > 0) {
            double rate = counted / seconds;
            line.append(", ").append(String.format(Locale.ROOT, rate >= 100 ? "%.0f" : "%.1f", rate)).append(' ')
                .append(unit).append("s/s");
            if (total > done) {
                line.append(", about ").append(duration(Math.round((total - done) / rate))).append(" left");
            }
        }
        return line.toString();
    }

    private static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3_600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3_600 + " h " + seconds % 3_600 / 60 + " min";
    }

    /** Prints something else on the terminal: the line is taken away first and drawn again at the next redraw. */
    synchronized void above(Runnable printing) {
        clear();
        printing.run();
    }

    /** Takes the line away (before other output, or when the work is done); the next update draws it again. */
    synchronized void clear() {
        if (dirty) {
            err.print("\r\033[K");
            err.flush();
            dirty = false;
        }
    }

    /** Stops drawing and takes the line away. */
    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        clear();
    }
}
