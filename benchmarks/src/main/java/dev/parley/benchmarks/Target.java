package dev.parley.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/** One of the targets, computed from the figures: met, missed, or null when the run did not measure it. */
public record Target(String target, Boolean met, String detail) {

    static final long FULL_REPLAY = 1_000_000;
    static final long SMALL_FORK = 10_000;
    static final long LARGE_FORK = 1_000_000;
    static final double HEAP_LIMIT_MB = 256;

    /** Every target the figures speak to, in the order of the issue. */
    static List<Target> of(List<Figure> figures) {
        List<Target> targets = new ArrayList<>();
        for (Figure figure : named(figures, Names.COMMANDS)) {
            targets.add(atLeast(figure.name() + ": at least 25% of the raw-JDBC limit", figure.vsLimit(), 0.25,
                                "of the limit"));
            targets.add(atLeast(figure.name() + ": at least 3x stock Axon", figure.vsAxonDefault(), 3, "x stock Axon"));
        }
        for (Figure figure : named(figures, Names.REPLAY)) {
            String name = figure.name() + " at " + figure.scale();
            targets.add(atLeast(name + ": at least 50% of the raw-read limit", figure.vsLimit(), 0.5, "of the limit"));
            targets.add(atLeast(name + ": at least 20x the stock tracking processor", figure.vsAxonDefault(), 20,
                                "x the stock processor"));
        }
        byStore(named(figures, Names.PEAK_HEAP)).forEach((store, heaps) -> {
            String name = "a " + FULL_REPLAY + "-event replay in a heap of 256 MB " + store;
            Optional<Figure> full = heaps.stream().filter(figure -> figure.scale() >= FULL_REPLAY).findFirst();
            if (full.isPresent()) {
                Double peak = full.get().parley();
                targets.add(new Target(name, peak != null && peak <= HEAP_LIMIT_MB,
                                       peak == null ? "the replay did not complete in 256 MB"
                                               : "peak " + Table.number(peak) + " MB of used heap"));
            } else {
                Figure largest = heaps.stream().max(Comparator.comparingLong(Figure::scale)).orElseThrow();
                targets.add(new Target(name, null, "not measured at " + FULL_REPLAY + " events (quick run); a "
                        + largest.scale() + "-event replay " + (largest.parley() == null ? "did not complete"
                        : "peaked at " + Table.number(largest.parley()) + " MB") + " in 256 MB"));
            }
        });
        byStore(named(figures, Names.FORK)).forEach((store, forks) -> {
            String name = "fork cost within 2x between " + SMALL_FORK + " and " + LARGE_FORK + " base events " + store;
            Optional<Figure> small = forks.stream().filter(figure -> figure.scale() == SMALL_FORK).findFirst();
            Optional<Figure> large = forks.stream().filter(figure -> figure.scale() == LARGE_FORK).findFirst();
            if (small.isEmpty() || large.isEmpty() || small.get().parley() == null || large.get().parley() == null) {
                targets.add(new Target(name, null, "not measured: needs both scales (the full run)"));
            } else {
                double growth = large.get().parley() / small.get().parley();
                targets.add(new Target(name, growth <= 2, Table.ratio(growth) + "x ("
                        + Table.number(small.get().parley()) + " ms to " + Table.number(large.get().parley())
                        + " ms)"));
            }
        });
        for (Figure figure : named(figures, Names.VERIFY)) {
            targets.add(atLeast(figure.name() + " at " + figure.scale() + ": at least 50% of the raw SHA-256 limit",
                                figure.vsLimit(), 0.5, "of the limit"));
        }
        return targets;
    }

    private static Target atLeast(String name, Double ratio, double wanted, String what) {
        if (ratio == null) {
            return new Target(name, null, "not measured");
        }
        String shown = what.startsWith("of") ? Math.round(ratio * 100) + "% " + what : Table.ratio(ratio) + what;
        return new Target(name, ratio >= wanted, shown);
    }

    private static List<Figure> named(List<Figure> figures, String prefix) {
        Predicate<Figure> kind = figure -> figure.name().startsWith(prefix);
        return figures.stream().filter(kind).toList();
    }

    /** Figures grouped by the store their name ends with, {@code [h2]} or {@code [postgres]}. */
    private static Map<String, List<Figure>> byStore(List<Figure> figures) {
        Map<String, List<Figure>> stores = new TreeMap<>();
        for (Figure figure : figures) {
            String name = figure.name();
            String store = name.contains("[") ? name.substring(name.lastIndexOf('[')) : "";
            stores.computeIfAbsent(store, ignored -> new ArrayList<>()).add(figure);
        }
        return stores;
    }
}
