package dev.parley.benchmarks;

import java.util.Locale;

/** Progress on stderr, each line with the seconds since the run began. */
final class Log {

    private static final long START = System.nanoTime();

    private Log() {
    }

    static void info(String format, Object... arguments) {
        double seconds = (System.nanoTime() - START) / 1e9;
        System.err.printf(Locale.ROOT, "[%6.1fs] %s%n", seconds, String.format(Locale.ROOT, format, arguments));
    }
}
