package dev.parley.benchmarks;

import dev.parley.application.Parley;
import dev.parley.application.integrity.Verification;
import dev.parley.application.storage.Store;

/**
 * Verify events/s: Parley's {@code integrity().verify} (every leaf, chain and stream recomputed and compared), and
 * the limit, SHA-256 over the same stored bytes in one sequential read.
 */
final class Verify {

    private Verify() {
    }

    /** With {@code warmUp} each side runs once untimed first; without, this JVM has run both on a smaller history. */
    static Figure measure(StoreKind store, String url, long events, boolean warmUp) throws Exception {
        double limit;
        try (Store raw = Store.open(url)) {
            if (warmUp) {
                RawRead.hashAll(raw.dataSource());
            }
            long start = System.nanoTime();
            long hashed = RawRead.hashAll(raw.dataSource());
            limit = hashed / Replay.seconds(start);
        }
        Log.info("[%s] verify %d, raw SHA-256 limit: %.0f events/s", store.name(), events, limit);
        double parley;
        try (Parley running = Parley.builder().store(url).keys(store.keys()).readModels(false).build()) {
            if (warmUp) {
                running.integrity().verify(ignored -> { });
            }
            long start = System.nanoTime();
            Verification verification = running.integrity().verify(ignored -> { });
            double seconds = Replay.seconds(start);
            if (!verification.intact()) {
                throw new IllegalStateException("the benchmark store does not verify: " + verification.problem());
            }
            parley = verification.leaves().size() / seconds;
        }
        Log.info("[%s] verify %d, Parley: %.0f events/s", store.name(), events, parley);
        return Figure.rate(Names.of(Names.VERIFY, "", store.name()), events, "events/s", parley, null, limit);
    }
}
