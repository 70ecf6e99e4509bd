package dev.parley.benchmarks;

import dev.parley.projections.ParleyReadModels;
import dev.parley.projections.schema.Tables;
import dev.parley.projections.schema.Tables.DomainEvents;
import dev.parley.application.Parley;
import dev.parley.application.readmodel.CatchUpListener;
import dev.parley.application.readmodel.ReadModels;
import dev.parley.application.storage.Store;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replay events/s into all three read models: Parley's own replay (tokens reset, models cleared, rebuilt by its
 * pooled processors, timed until every model is back at the head, in a heap of 256 MB); stock tracking processors
 * (batch size 1) over the first {@code stockPrefix} events of the same store, from empty read models; and the
 * limit, one raw sequential read of the event table deserializing every payload.
 */
final class Replay {

    private static final Duration PATIENCE = Duration.ofHours(2);

    private Replay() {
    }

    /**
     * The replay figure, and with {@code peakHeap} the figure of its peak heap: Parley's replay runs in a child JVM
     * of 256 MB (in this JVM when it does not complete there), right after Parley opens on the freshly stored
     * history, so the replay does all the work of rebuilding the read models once. With {@code warmUp} the raw read
     * runs once untimed first; without, this JVM has already run it on a smaller history.
     */
    static java.util.List<Figure> measure(StoreKind store, String url, long events, long stockPrefix,
                                          boolean peakHeap, boolean warmUp) throws Exception {
        double limit;
        try (Store raw = Store.open(url)) {
            if (warmUp) {
                RawRead.deserializeAll(raw.dataSource());
            }
            long start = System.nanoTime();
            long read = RawRead.deserializeAll(raw.dataSource());
            limit = read / seconds(start);
        }
        Log.info("[%s] replay %d, raw read limit: %.0f events/s", store.name(), events, limit);

        PeakHeap.Result child = PeakHeap.replay(store, url, events);
        double parley;
        if (child.completed()) {
            parley = child.eventsPerSecond(events);
        } else {
            Log.info("[%s] replay %d did not complete in %d MB; measuring it with this JVM's heap", store.name(),
                     events, PeakHeap.HEAP_MB);
            try (Parley running = Parley.builder().store(url).keys(store.keys()).build()) {
                ReadModels.Replay replay = running.readModels().replay(PATIENCE, progress(store, "replay"));
                parley = events / (replay.duration().toNanos() / 1e9);
            }
        }
        Log.info("[%s] replay %d, Parley: %.0f events/s", store.name(), events, parley);
        java.util.List<Figure> figures = new java.util.ArrayList<>();
        if (peakHeap) {
            figures.add(PeakHeap.figure(store, events, child));
        }

        double stock;
        long prefix = Math.min(stockPrefix, events);
        try (Store stockStore = Store.open(url)) {
            clearReadModels(stockStore.dataSource());
            long target = positionOf(stockStore.dataSource(), prefix);
            long start = System.nanoTime();
            Configuration axon = StockAxon.start(stockStore.dataSource(), true);
            try {
                awaitStock(axon, target);
                stock = prefix / seconds(start);
            } finally {
                axon.shutdown();
            }
        }
        Log.info("[%s] replay %d, stock tracking processors over the first %d events: %.0f events/s", store.name(),
                 events, prefix, stock);
        clearAfterStock(url);
        figures.add(0, Figure.rate(Names.of(Names.REPLAY, "all read models", store.name()), events, "events/s",
                                   parley, stock, limit));
        return figures;
    }

    private static CatchUpListener progress(StoreKind store, String what) {
        long[] last = {System.nanoTime()};
        return (position, head) -> {
            if (System.nanoTime() - last[0] > 10_000_000_000L) {
                last[0] = System.nanoTime();
                Log.info("[%s]   %s at %d of %d", store.name(), what, position, head);
            }
        };
    }

    /** The read models and tokens as the stock processors must find them: empty, so they do all the work. */
    private static void clearReadModels(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>(List.of(Tables.Tokens.TABLE, Tables.Nodes.TABLE));
            ParleyReadModels.ALL.forEach(model -> model.tables().forEach(table -> tables.add(table.name())));
            for (String table : tables) {
                statement.executeUpdate("TRUNCATE TABLE " + table);
            }
        }
    }

    /** Leaves no stock tokens or half-built read models behind for the figures that follow. */
    private static void clearAfterStock(String url) throws Exception {
        try (Store cleared = Store.open(url)) {
            clearReadModels(cleared.dataSource());
        }
    }

    /** The position of the {@code n}-th event. */
    static long positionOf(DataSource dataSource, long n) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + DomainEvents.GLOBAL_INDEX + " FROM " + DomainEvents.TABLE + " ORDER BY "
                             + DomainEvents.GLOBAL_INDEX + " OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY")) {
            select.setLong(1, n - 1);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("the store holds fewer than " + n + " events");
                }
                return row.getLong(DomainEvents.GLOBAL_INDEX);
            }
        }
    }

    private static void awaitStock(Configuration axon, long target) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            long slowest = Long.MAX_VALUE;
            for (String name : StockAxon.READ_MODELS) {
                StreamingEventProcessor processor = axon.eventProcessingConfiguration()
                        .eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
                Map<Integer, EventTrackerStatus> status = processor.processingStatus();
                long position = -1;
                for (EventTrackerStatus segment : status.values()) {
                    if (segment.isErrorState()) {
                        throw new IllegalStateException("stock processor " + name + " failed",
                                                        segment.getError());
                    }
                    position = segment.getCurrentPosition().orElse(-1);
                }
                slowest = Math.min(slowest, status.isEmpty() ? -1 : position);
            }
            if (slowest >= target) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the stock processors did not reach position " + target);
            }
            Thread.sleep(10);
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
