package dev.parley.benchmarks;

import dev.parley.application.Parley;
import dev.parley.application.integrity.Attestation;
import dev.parley.application.integrity.InclusionProof;
import dev.parley.application.integrity.Integrity;
import dev.parley.application.integrity.SignedCheckpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Checkpoint, prove and attest on a history of {@code events} events, with the tree's interior kept in the store
 * (docs/integrity.md, "Proofs at scale"): the first checkpoint, which builds the stored tree from every event (as on a
 * store written before it); a checkpoint after 1,000 more events, which verifies and hashes only those; an inclusion
 * proof of a random event (median of {@value #PROOFS}); an attested status of one stream of ten events.
 */
final class Proofs {

    static final int PROOFS = 100;
    private static final int NEW_STREAMS = 100;

    private Proofs() {
    }

    static List<Figure> measure(StoreKind store, String url, long events) throws Exception {
        List<Figure> figures = new ArrayList<>();
        try (Parley parley = Parley.builder().store(url).keys(store.keys()).readModels(false).build()) {
            Integrity integrity = parley.integrity();
            long start = System.nanoTime();
            Integrity.Outcome<SignedCheckpoint> first = integrity.sign(done -> { });
            double firstMillis = millis(start);
            check(first);
            Log.info("[%s] first checkpoint of %d events (tree built): %.0f ms", store.name(), events, firstMillis);
            figures.add(Figure.cost(Names.of(Names.CHECKPOINT, "first, tree built", store.name()), events, "ms",
                                    firstMillis, null, null));

            long streams = (events + History.EVENTS_PER_STREAM - 1) / History.EVENTS_PER_STREAM;
            // Beside the history, not where it grows next: the next scale's history is grown in this same store.
            parley.eventStore().publish(History.interleaved(History.ADDED_STREAMS + streams, NEW_STREAMS));
            start = System.nanoTime();
            Integrity.Outcome<SignedCheckpoint> next = integrity.sign(done -> { });
            double nextMillis = millis(start);
            check(next);
            SignedCheckpoint checkpoint = next.value();
            Log.info("[%s] checkpoint after %d more events, at %d: %.0f ms", store.name(),
                     NEW_STREAMS * History.EVENTS_PER_STREAM, checkpoint.treeSize(), nextMillis);
            figures.add(Figure.cost(Names.of(Names.CHECKPOINT, "+" + NEW_STREAMS * History.EVENTS_PER_STREAM
                    + " events", store.name()), events, "ms", nextMillis, null, null));

            Random random = new Random(events);
            long head = parley.forks().head();
            double[] proofMillis = new double[PROOFS];
            for (int run = -10; run < PROOFS; run++) {
                long position = 1 + (long) (random.nextDouble() * head);
                start = System.nanoTime();
                Integrity.Outcome<InclusionProof> proof = integrity.prove(position, checkpoint);
                if (run >= 0) {
                    proofMillis[run] = millis(start);
                }
                check(proof);
            }
            double proveMillis = median(proofMillis);
            Log.info("[%s] prove at %d events: %.2f ms (median of %d)", store.name(), checkpoint.treeSize(),
                     proveMillis, PROOFS);
            figures.add(Figure.cost(Names.of(Names.PROVE, "", store.name()), events, "ms", proveMillis, null, null));

            String stream = History.streamId(streams / 2);
            start = System.nanoTime();
            Integrity.Outcome<Attestation> attested = integrity.attest(stream, null, null, done -> { });
            double attestMillis = millis(start);
            check(attested);
            Log.info("[%s] attest %s (%d events) at %d events: %.0f ms", store.name(), stream,
                     attested.value().events().size(), checkpoint.treeSize(), attestMillis);
            figures.add(Figure.cost(Names.of(Names.ATTEST, "a stream of " + attested.value().events().size(),
                                             store.name()), events, "ms", attestMillis, null, null));
        }
        return figures;
    }

    private static void check(Integrity.Outcome<?> outcome) {
        if (!outcome.intact()) {
            throw new IllegalStateException("the benchmark store does not verify: " + outcome.problem().describe());
        }
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
