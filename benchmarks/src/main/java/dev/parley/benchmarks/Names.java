package dev.parley.benchmarks;

/** How figures are named: a kind, then details, then the store in brackets. */
final class Names {

    static final String COMMANDS = "commands/s";
    static final String REPLAY = "replay events/s";
    static final String LOAD = "aggregate load";
    static final String FORK = "fork create + 100 commands + diff";
    static final String VERIFY = "verify events/s";
    static final String CHECKPOINT = "checkpoint";
    static final String PROVE = "prove one event";
    static final String ATTEST = "attest";
    static final String PEAK_HEAP = "peak heap, replay";
    static final String JMH = "jmh";
    static final String CPU_BUSY = "machine CPU busy while Parley ran";

    private Names() {
    }

    /** The detail of a commands figure on {@code threads} threads. */
    static String threads(int threads) {
        return threads == 1 ? "1 thread" : threads + " threads on distinct aggregates";
    }

    /** The detail of the commands figure of one thread running them as one command file, as {@code parley run} does. */
    static final String COMMAND_FILE = "1 thread, one command file (parley run)";

    static String of(String kind, String detail, String store) {
        return kind + (detail.isEmpty() ? "" : ", " + detail) + " [" + store + "]";
    }
}
