package dev.parley.benchmarks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * One of the targets, computed from the figures of one run: met, missed, or null when the run did not
 * measure what it needs. {@link #of} always gives the same targets in the same order, whatever the run measured.
 */
public record Target(String target, Boolean met, String detail) {

    static final List<String> STORES = List.of("h2", "postgres");
    static final long FULL_REPLAY = 1_000_000;
    static final long SMALL_FORK = 10_000;
    static final long LARGE_FORK = 1_000_000;
    static final double HEAP_LIMIT_MB = 256;

    static final double COMMANDS_VS_AXON = 3;
    static final double COMMANDS_VS_LIMIT = 0.25;
    static final double TWO_THREADS_VS_ONE = 1.5;
    static final double DURABLE_VS_ONE_CLIENT = 1;
    static final double REPLAY_VS_AXON = 20;
    static final double REPLAY_VS_LIMIT = 0.5;
    static final double FORK_GROWTH = 2;
    static final double VERIFY_VS_LIMIT = 0.5;

    private static final String NOT_MEASURED = "not measured in this run";

    /** The targets of the issue, in its order, each store in turn. */
    static List<Target> of(List<Figure> figures) {
        List<Target> targets = new ArrayList<>();
        for (String store : STORES) {
            // One thread sending commands one by one, and one thread running them as a command file.
            for (String detail : List.of(Names.threads(1), Names.COMMAND_FILE)) {
                Optional<Figure> one = find(figures, Names.of(Names.COMMANDS, detail, store));
                String name = "commands, " + detail + " [" + store + "]";
                targets.add(atLeast(name + ": at least " + factor(COMMANDS_VS_AXON) + " stock Axon", one,
                                    Figure::vsAxonDefault, COMMANDS_VS_AXON,
                                    figure -> pair(figure.parley(), figure.axonDefault(), "commands/s")));
                targets.add(atLeast(name + ": at least " + percent(COMMANDS_VS_LIMIT) + " of the raw-JDBC limit",
                                    one, Figure::vsLimit, COMMANDS_VS_LIMIT,
                                    figure -> pair(figure.parley(), figure.limit(), "commands/s")));
            }
        }
        for (String store : STORES) {
            targets.add(twoThreads(figures, store));
        }
        targets.add(durable(figures));
        for (String store : STORES) {
            Optional<Figure> replay = largest(figures, Names.of(Names.REPLAY, "all read models", store));
            String name = "replay [" + store + "]";
            targets.add(atLeast(name + ": at least " + factor(REPLAY_VS_AXON) + " stock tracking processors", replay,
                                Figure::vsAxonDefault, REPLAY_VS_AXON,
                                figure -> "at " + count(figure.scale()) + " events, "
                                        + pair(figure.parley(), figure.axonDefault(), "events/s")));
            targets.add(atLeast(name + ": at least " + percent(REPLAY_VS_LIMIT)
                                        + " of the raw read-and-deserialize limit", replay,
                                Figure::vsLimit, REPLAY_VS_LIMIT,
                                figure -> "at " + count(figure.scale()) + " events, "
                                        + pair(figure.parley(), figure.limit(), "events/s")));
        }
        for (String store : STORES) {
            targets.add(heap(figures, store));
        }
        for (String store : STORES) {
            targets.add(fork(figures, store));
        }
        for (String store : STORES) {
            Optional<Figure> verify = largest(figures, Names.of(Names.VERIFY, "", store));
            targets.add(atLeast("verify [" + store + "]: at least " + percent(VERIFY_VS_LIMIT) + " of its limit",
                                verify, Figure::vsLimit, VERIFY_VS_LIMIT,
                                figure -> "at " + count(figure.scale()) + " events, "
                                        + pair(figure.parley(), figure.limit(), "events/s")));
        }
        return targets;
    }

    private static Target twoThreads(List<Figure> figures, String store) {
        String name = "commands, 2 threads on distinct aggregates [" + store + "]: at least "
                + factor(TWO_THREADS_VS_ONE) + " Parley's own 1-thread figure";
        Optional<Figure> one = find(figures, Names.of(Names.COMMANDS, Names.threads(1), store));
        Optional<Figure> two = find(figures, Names.of(Names.COMMANDS, Names.threads(2), store));
        if (one.isEmpty() || two.isEmpty() || one.get().parley() == null || two.get().parley() == null) {
            return new Target(name, null, NOT_MEASURED);
        }
        double ratio = two.get().parley() / one.get().parley();
        return new Target(name, ratio >= TWO_THREADS_VS_ONE,
                          times(ratio) + ": " + Table.number(two.get().parley()) + " against "
                                  + Table.number(one.get().parley()) + " commands/s");
    }

    private static Target durable(List<Figure> figures) {
        int writers = Commands.DURABLE_WRITERS;
        String name = "durable PostgreSQL, " + writers + " writer threads: at least the raw single-client commit rate";
        Optional<Figure> one = find(figures, Names.of(Names.COMMANDS, Names.threads(1), StoreKind.DURABLE));
        Optional<Figure> many = find(figures, Names.of(Names.COMMANDS, Names.threads(writers), StoreKind.DURABLE));
        if (one.isEmpty() || many.isEmpty() || one.get().limit() == null || many.get().parley() == null) {
            return new Target(name, null, NOT_MEASURED);
        }
        double ratio = many.get().parley() / one.get().limit();
        Optional<Figure> busy = find(figures, Names.of(Names.CPU_BUSY, Names.threads(writers), StoreKind.DURABLE));
        String cpu = busy.isEmpty() || busy.get().parley() == null ? ""
                : "; the machine's CPUs were " + Table.number(busy.get().parley()) + "% busy meanwhile";
        return new Target(name, ratio >= DURABLE_VS_ONE_CLIENT,
                          times(ratio) + ": " + Table.number(many.get().parley()) + " commands/s against "
                                  + Table.number(one.get().limit()) + " raw commits/s from 1 client" + cpu);
    }

    private static Target heap(List<Figure> figures, String store) {
        String name = "a " + count(FULL_REPLAY) + "-event replay completes in a heap of " + Table.number(HEAP_LIMIT_MB)
                + " MB [" + store + "]";
        Optional<Figure> largest = largest(figures, Names.of(Names.PEAK_HEAP, "", store));
        if (largest.isEmpty()) {
            return new Target(name, null, NOT_MEASURED);
        }
        Figure heap = largest.get();
        String peak = heap.parley() == null ? "did not complete" : "peaked at " + Table.number(heap.parley()) + " MB";
        if (heap.scale() < FULL_REPLAY) {
            return new Target(name, null, "measured up to " + count(heap.scale()) + " events only: that replay "
                    + peak);
        }
        return new Target(name, heap.parley() != null && heap.parley() <= HEAP_LIMIT_MB,
                          "the " + count(heap.scale()) + "-event replay " + peak);
    }

    private static Target fork(List<Figure> figures, String store) {
        String name = "fork + 100 commands + diff [" + store + "]: at " + count(LARGE_FORK) + " base events within "
                + factor(FORK_GROWTH) + " of the figure at " + count(SMALL_FORK);
        String figureName = Names.of(Names.FORK, "", store);
        Optional<Figure> small = figures.stream().filter(figure -> figure.name().equals(figureName))
                                        .filter(figure -> figure.scale() == SMALL_FORK).findFirst();
        Optional<Figure> large = largest(figures, figureName);
        if (small.isEmpty() || small.get().parley() == null || large.isEmpty() || large.get().parley() == null
                || large.get().scale() <= SMALL_FORK) {
            return new Target(name, null, NOT_MEASURED);
        }
        double growth = large.get().parley() / small.get().parley();
        String detail = times(growth) + " from " + count(SMALL_FORK) + " to " + count(large.get().scale())
                + " base events (" + Table.number(small.get().parley()) + " ms to "
                + Table.number(large.get().parley()) + " ms)";
        if (large.get().scale() < LARGE_FORK) {
            return new Target(name, null, "measured up to " + count(large.get().scale()) + " base events only: "
                    + detail);
        }
        return new Target(name, growth <= FORK_GROWTH, detail);
    }

    private static Target atLeast(String name, Optional<Figure> figure, Function<Figure, Double> ratio,
                                  double wanted, Function<Figure, String> numbers) {
        Double value = figure.map(ratio).orElse(null);
        if (value == null) {
            return new Target(name, null, NOT_MEASURED);
        }
        String shown = wanted < 1 ? percent(value) : times(value);
        return new Target(name, value >= wanted, shown + ": " + numbers.apply(figure.get()));
    }

    private static String pair(Double parley, Double baseline, String unit) {
        return "Parley " + Table.number(parley) + " against " + Table.number(baseline) + " " + unit;
    }

    private static Optional<Figure> find(List<Figure> figures, String name) {
        return figures.stream().filter(figure -> figure.name().equals(name)).findFirst();
    }

    /** The figure of that name at the largest scale the run measured. */
    private static Optional<Figure> largest(List<Figure> figures, String name) {
        return figures.stream().filter(figure -> figure.name().equals(name))
                      .max(Comparator.comparingLong(Figure::scale));
    }

    /** A measured ratio, as {@code 1.47x}. */
    static String times(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }

    /** A wanted ratio, as {@code 3x} or {@code 1.5x}. */
    static String factor(double ratio) {
        return BigDecimal.valueOf(ratio).stripTrailingZeros().toPlainString() + "x";
    }

    static String percent(double ratio) {
        return Math.round(ratio * 100) + "%";
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
