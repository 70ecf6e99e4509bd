package dev.parley.benchmarks;

import dev.parley.application.Parley;
import dev.parley.application.storage.Store;
import dev.parley.incident.api.RecordCasualtiesCommand;
import dev.parley.incident.api.ReportIncidentCommand;
import dev.parley.shared.api.IncidentId;
import org.axonframework.config.Configuration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Aggregate load time: the time of one command (load, decide, append one event) on an incident whose stream already
 * holds {@code n} events, the median of several after a warm-up. Parley with snapshots every 100 (the first command
 * on a long stream writes its snapshot; the measured ones load it and the tail), Parley without snapshots, and stock
 * Axon (which has none), each on streams of its own in one store, without read models.
 */
final class Load {

    private static final Instant WHEN = Instant.parse("2025-10-13T00:00:00Z");
    private static final int WARM_UP_COMMANDS = 50;

    private Load() {
    }

    static List<Figure> measure(StoreKind store, int[] lengths, int runs) throws Exception {
        String url = store.newDatabase("load");
        try (Parley loader = Parley.builder().store(url).keys(store.keys()).readModels(false).build()) {
            for (String variant : new String[]{"snapshots", "plain", "axon"}) {
                for (int length : lengths) {
                    History.loadLongStream(loader, streamId(variant, length), length);
                }
            }
        }
        double[] snapshots;
        double[] plain;
        double[] axon;
        try (Parley parley = Parley.builder().store(url).keys(store.keys()).readModels(false).build()) {
            snapshots = medians(store, "Parley, snapshots every " + Parley.DEFAULT_SNAPSHOT_EVERY, "snapshots",
                                lengths, runs, command -> parley.commands().sendAndWait(command));
        }
        try (Parley parley = Parley.builder().store(url).keys(store.keys()).readModels(false).snapshotEvery(0)
                                   .build()) {
            plain = medians(store, "Parley, no snapshots", "plain", lengths, runs,
                            command -> parley.commands().sendAndWait(command));
        }
        try (Store stockStore = Store.open(url)) {
            Configuration stock = StockAxon.start(stockStore.dataSource(), false);
            try {
                axon = medians(store, "stock Axon", "axon", lengths, runs,
                               command -> stock.commandGateway().sendAndWait(command));
            } finally {
                stock.shutdown();
            }
        }
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < lengths.length; i++) {
            figures.add(Figure.cost(Names.of(Names.LOAD, "snapshots every " + Parley.DEFAULT_SNAPSHOT_EVERY,
                                             store.name()), lengths[i], "ms/command", snapshots[i], axon[i], null));
            figures.add(Figure.cost(Names.of(Names.LOAD, "no snapshots", store.name()), lengths[i], "ms/command",
                                    plain[i], axon[i], null));
        }
        return figures;
    }

    private static String streamId(String variant, int length) {
        return "load-" + variant + "-" + length;
    }

    private static double[] medians(StoreKind store, String who, String variant, int[] lengths, int runs,
                                    Consumer<Object> send) {
        IncidentId warm = new IncidentId("load-warm-" + variant);
        send.accept(new ReportIncidentCommand(warm, "Kurram", List.of("AFG"), List.of("PAK"), "warm-up", WHEN,
                                              "ISPR"));
        for (int i = 0; i < WARM_UP_COMMANDS; i++) {
            send.accept(casualties(warm));
        }
        double[] medians = new double[lengths.length];
        for (int i = 0; i < lengths.length; i++) {
            IncidentId incident = new IncidentId(streamId(variant, lengths[i]));
            send.accept(casualties(incident));
            double[] millis = new double[runs];
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                send.accept(casualties(incident));
                millis[run] = (System.nanoTime() - start) / 1e6;
            }
            medians[i] = ForkCost.median(millis);
            Log.info("[%s] aggregate load, %s, stream of %d events: %.2f ms/command", store.name(), who, lengths[i],
                     medians[i]);
        }
        return medians;
    }

    private static RecordCasualtiesCommand casualties(IncidentId incident) {
        return new RecordCasualtiesCommand(incident, "PAK", 1, 0, WHEN, "ISPR");
    }
}
