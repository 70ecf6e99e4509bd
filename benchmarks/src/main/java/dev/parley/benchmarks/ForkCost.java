package dev.parley.benchmarks;

import dev.parley.application.Parley;
import dev.parley.application.fork.Fork;
import dev.parley.application.fork.ForkDiff;
import dev.parley.incident.api.RecordCasualtiesCommand;
import dev.parley.shared.api.IncidentId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fork create + 100 commands + diff: a fork at the head of a base of {@code events} events, 100 casualty reports
 * on ten incidents spread over the whole base, the diff against the base's head, and closing the fork; the median of
 * several runs after a few for warming up. The base Parley runs without read models, which neither needs.
 */
final class ForkCost {

    static final int COMMANDS = 100;
    private static final int WARM_UP_RUNS = 5;
    private static final int INCIDENTS = 10;
    private static final Instant WHEN = Instant.parse("2025-11-20T00:00:00Z");

    private ForkCost() {
    }

    static Figure measure(StoreKind store, String url, long events, int runs) throws Exception {
        List<IncidentId> incidents = spread(events);
        double[] millis = new double[runs];
        try (Parley base = Parley.builder().store(url).keys(store.keys()).readModels(false).build()) {
            for (int run = 0; run < WARM_UP_RUNS; run++) {
                once(base, incidents);
            }
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                once(base, incidents);
                millis[run] = (System.nanoTime() - start) / 1e6;
            }
        }
        double median = median(millis);
        Log.info("[%s] fork + %d commands + diff at %d base events: %.1f ms (median of %d)", store.name(), COMMANDS,
                 events, median, runs);
        return Figure.cost(Names.of(Names.FORK, "", store.name()), events, "ms", median, null, null);
    }

    private static void once(Parley base, List<IncidentId> incidents) {
        try (Fork fork = base.fork(base.forks().head())) {
            for (int command = 0; command < COMMANDS; command++) {
                IncidentId incident = incidents.get(command % incidents.size());
                fork.commands().sendAndWait(new RecordCasualtiesCommand(incident, "PAK", 1, 1, WHEN, "what-if"));
            }
            ForkDiff diff = fork.diff(ForkDiff.Against.HEAD);
            if (diff.aggregates().size() != incidents.size()) {
                throw new IllegalStateException("the diff shows " + diff.aggregates().size() + " aggregates, not "
                                                        + incidents.size());
            }
        }
    }

    /** Ten incidents of the base, from its first streams to its last. */
    private static List<IncidentId> spread(long events) {
        long streams = events / History.EVENTS_PER_STREAM;
        List<IncidentId> incidents = new ArrayList<>();
        for (int i = 0; i < INCIDENTS; i++) {
            long k = streams * i / INCIDENTS;
            while (!History.isIncident(k)) {
                k++;
            }
            incidents.add(new IncidentId(History.streamId(k)));
        }
        return incidents;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
