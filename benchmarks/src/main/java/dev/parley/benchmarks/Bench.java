package dev.parley.benchmarks;

import dev.parley.application.Parley;
import dev.parley.application.storage.Store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * The entry point of {@code benchmarks/run}: measures every figure with its baselines on the embedded H2 store and
 * on an embedded PostgreSQL, the commit-bound commands figures on a durable PostgreSQL, prints the table and the
 * targets on stdout and writes {@code benchmarks/results/latest.json}.
 * {@code --jmh [JMH options]} runs the JMH micro benchmarks instead.
 */
public final class Bench {

    static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    static final String PROFILE = "parley.bench.profile";
    static final List<String> GROUPS = List.of("commands", "durable", "load", "replay", "heap", "verify", "fork",
                                               "jmh");
    private static final String USAGE = """
            usage: benchmarks/run [--quick] [--store h2|postgres] [--only GROUP[,GROUP...]] [--out FILE] [--profile]
                   benchmarks/run --jmh [JMH options]
            groups: commands, durable, load, replay, heap, verify, fork, jmh (jmh only in the full run by default);
            durable runs on a durable PostgreSQL of its own, with --store postgres or both stores""";

    private Bench() {
    }

    /** What one run measures. */
    record Plan(boolean quick, List<String> stores, Set<String> groups, Path out) {

        int commands() {
            return quick ? 2_000 : 20_000;
        }

        int commandsWarmUp() {
            return quick ? 500 : 5_000;
        }

        int[] loadLengths() {
            return new int[]{10, 1_000, 10_000};
        }

        int loadRuns() {
            return quick ? 7 : 15;
        }

        long[] historySizes() {
            return quick ? new long[]{100_000} : new long[]{100_000, 1_000_000};
        }

        long stockPrefix() {
            return quick ? 5_000 : 10_000;
        }

        /** The scales the history grows through: the small fork's, then every history size. */
        long[] historyScales() {
            return LongStream.concat(LongStream.of(Target.SMALL_FORK), Arrays.stream(historySizes()))
                             .distinct().sorted().toArray();
        }

        boolean wantsHistory() {
            return wants("replay") || wants("heap") || wants("verify") || wants("fork");
        }

        /** A fork run is a fraction of a second, and on a shared machine one of a few is often an outlier. */
        int forkRuns() {
            return quick ? 9 : 15;
        }

        boolean wants(String group) {
            return groups.contains(group);
        }
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, "warn");
        }
        if (args.length > 0 && args[0].equals("--jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Plan plan;
        try {
            plan = plan(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(1);
            return;
        }
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        Machine machine = Machine.current();
        Log.info("Parley benchmarks%s on %s", plan.quick() ? " (--quick)" : "", machine.describe());
        List<Figure> figures = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String kind : plan.stores()) {
            try (StoreKind store = kind.equals("h2") ? StoreKind.h2() : StoreKind.postgres()) {
                measure(plan, store, figures, failures);
            }
        }
        if (plan.wants("durable") && plan.stores().contains("postgres")) {
            attempt("durable [" + StoreKind.DURABLE + "]", failures, () -> {
                try (StoreKind durable = StoreKind.durablePostgres()) {
                    figures.addAll(Commands.durable(durable, plan.commands(), plan.commandsWarmUp()));
                }
            });
        }
        if (plan.wants("jmh")) {
            attempt("jmh", failures, () -> figures.addAll(Micro.run()));
        }
        Report report = Report.of(machine, plan.quick(), startedAt, figures);
        report.write(plan.out());
        System.out.print(report.table());
        Log.info("done in %.0f s; wrote %s", Replay.seconds(start), plan.out());
        if (!failures.isEmpty()) {
            System.err.println("failed: " + String.join(", ", failures));
            System.exit(1);
        }
    }

    private static void measure(Plan plan, StoreKind store, List<Figure> figures, List<String> failures) {
        String name = store.name();
        if (plan.wants("commands")) {
            attempt("commands [" + name + "]", failures,
                    () -> figures.addAll(Commands.measure(store, plan.commands(), plan.commandsWarmUp())));
        }
        if (plan.wants("load")) {
            attempt("load [" + name + "]", failures,
                    () -> figures.addAll(Load.measure(store, plan.loadLengths(), plan.loadRuns())));
        }
        if (!plan.wantsHistory()) {
            return;
        }
        String grown = store.newDatabase("history");
        long stored = 0;
        for (long size : plan.historyScales()) {
            try {
                stored = grow(store, grown, stored, size);
            } catch (Exception e) {
                // H2 2.3 now and then cannot reopen a file it wrote ("Double mark"): store this scale afresh.
                Log.info("[%s] the history did not grow to %d events and reopen (%s); storing it afresh", name, size,
                         e.getMessage());
                grown = store.newDatabase("history");
                try {
                    stored = grow(store, grown, 0, size);
                } catch (Exception again) {
                    fail("history " + size + " [" + name + "]", failures, again);
                    return;
                }
            }
            String url = grown;
            boolean measured = Arrays.stream(plan.historySizes()).anyMatch(history -> history == size);
            boolean warmUp = size == plan.historySizes()[0];
            boolean peakHeap = measured && plan.wants("heap");
            if (measured && plan.wants("replay")) {
                attempt("replay " + size + " [" + name + "]", failures,
                        () -> figures.addAll(Replay.measure(store, url, size, plan.stockPrefix(), peakHeap,
                                                            warmUp)));
            } else if (peakHeap) {
                attempt("heap " + size + " [" + name + "]", failures,
                        () -> figures.add(PeakHeap.figure(store, size, PeakHeap.replay(store, url, size))));
            }
            if (measured && plan.wants("verify")) {
                attempt("verify " + size + " [" + name + "]", failures,
                        () -> figures.add(Verify.measure(store, url, size, warmUp)));
            }
            if (plan.wants("fork")) {
                attempt("fork " + size + " [" + name + "]", failures,
                        () -> figures.add(ForkCost.measure(store, url, size, plan.forkRuns())));
            }
            if (plan.wants("verify")) {
                attempt("proofs " + size + " [" + name + "]", failures,
                        () -> figures.addAll(Proofs.measure(store, url, size)));
            }
        }
    }

    /**
     * Grows the one history of this store from {@code stored} to {@code events} events, through Parley without read
     * models, and reopens it: every scale measures the same store, grown in place, so the largest history is stored
     * once.
     */
    private static long grow(StoreKind store, String url, long stored, long events) {
        long start = System.nanoTime();
        try (Parley parley = Parley.builder().store(url).keys(store.keys()).readModels(false).build()) {
            long step = Math.max(100_000, (events - stored) / 4);
            long[] next = {stored + step};
            stored += History.grow(parley, stored, events, now -> {
                if (now >= next[0] && now < events) {
                    next[0] += step;
                    Log.info("[%s]   stored %d of %d events", store.name(), now, events);
                }
            });
        }
        try (Store reopened = Store.open(url)) {
            Log.info("[%s] history grown to %d events in %.1f s", store.name(), stored, Replay.seconds(start));
        }
        return stored;
    }

    @FunctionalInterface
    private interface Measurement {
        void run() throws Exception;
    }

    private static void attempt(String what, List<String> failures, Measurement measurement) {
        try {
            measurement.run();
        } catch (Exception | AssertionError e) {
            fail(what, failures, e);
        }
    }

    private static void fail(String what, List<String> failures, Throwable error) {
        Log.info("%s failed: %s", what, error);
        error.printStackTrace();
        failures.add(what);
    }

    static Plan plan(String[] args) {
        boolean quick = false;
        List<String> stores = List.of("h2", "postgres");
        Set<String> groups = null;
        Path out = Path.of("benchmarks", "results", "latest.json");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--store" -> {
                    String store = value(args, ++i, "--store");
                    if (!store.equals("h2") && !store.equals("postgres")) {
                        throw new IllegalArgumentException("--store is h2 or postgres, not " + store);
                    }
                    stores = List.of(store);
                }
                case "--only" -> {
                    groups = new LinkedHashSet<>(Arrays.asList(value(args, ++i, "--only").split(",")));
                    for (String group : groups) {
                        if (!GROUPS.contains(group)) {
                            throw new IllegalArgumentException("no group " + group);
                        }
                    }
                }
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (groups == null) {
            groups = new LinkedHashSet<>(GROUPS);
            if (quick) {
                groups.remove("jmh");
            }
        }
        return new Plan(quick, stores, groups, out);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
