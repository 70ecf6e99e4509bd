package dev.parley.benchmarks;

import dev.parley.application.Parley;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The entry point of {@code benchmarks/run}: measures every figure with its baselines on the embedded H2 store and
 * on an embedded PostgreSQL, prints the table on stdout and writes {@code benchmarks/results/latest.json}.
 * {@code --jmh [JMH options]} runs the JMH micro benchmarks instead.
 */
public final class Bench {

    static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    static final List<String> GROUPS = List.of("commands", "load", "replay", "heap", "verify", "fork", "jmh");
    private static final String USAGE = """
            usage: benchmarks/run [--quick] [--store h2|postgres] [--only GROUP[,GROUP...]] [--out FILE]
                   benchmarks/run --jmh [JMH options]
            groups: commands, load, replay, heap, verify, fork, jmh (jmh only in the full run by default)""";

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

        long smallFork() {
            return Target.SMALL_FORK;
        }

        int forkRuns() {
            return quick ? 3 : 5;
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
        if (plan.wants("fork")) {
            attempt("fork " + plan.smallFork() + " [" + name + "]", failures, () -> {
                String url = history(store, plan.smallFork());
                figures.add(ForkCost.measure(store, url, plan.smallFork(), plan.forkRuns()));
            });
        }
        boolean history = plan.wants("replay") || plan.wants("heap") || plan.wants("verify") || plan.wants("fork");
        if (!history) {
            return;
        }
        for (long size : plan.historySizes()) {
            String url;
            try {
                url = history(store, size);
            } catch (Exception e) {
                fail("history " + size + " [" + name + "]", failures, e);
                continue;
            }
            boolean peakHeap = plan.wants("heap");
            if (plan.wants("replay")) {
                attempt("replay " + size + " [" + name + "]", failures,
                        () -> figures.addAll(Replay.measure(store, url, size, plan.stockPrefix(), peakHeap)));
            } else if (peakHeap) {
                attempt("heap " + size + " [" + name + "]", failures,
                        () -> figures.add(PeakHeap.figure(store, size, PeakHeap.replay(store, url))));
            }
            if (plan.wants("verify")) {
                attempt("verify " + size + " [" + name + "]", failures,
                        () -> figures.add(Verify.measure(store, url, size)));
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

    /** A new store holding a history of {@code events} events, stored through Parley without read models. */
    private static String history(StoreKind store, long events) {
        String url = store.newDatabase("history_" + events);
        long start = System.nanoTime();
        try (Parley parley = Parley.builder().store(url).keys(store.keys()).readModels(false).build()) {
            long[] next = {events / 4};
            History.load(parley, events, stored -> {
                if (stored >= next[0] && events >= 100_000) {
                    next[0] += events / 4;
                    Log.info("[%s]   stored %d of %d events", store.name(), stored, events);
                }
            });
        }
        Log.info("[%s] history of %d events stored in %.1f s", store.name(), events, Replay.seconds(start));
        return url;
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
