package dev.parley.application.integrity;

import dev.parley.projections.schema.Tables.DomainEvents;
import dev.parley.projections.schema.Tables.EventHashes;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Recomputes every leaf hash and stream chain from the stored events, in position order, and compares them with the
 * stored hashes: an altered byte, a deleted, reordered or inserted event shows as the first position where they part.
 * Each event must also be one Parley could have stored ({@link EventContent}), whoever wrote the store, and each
 * snapshot must be what its events build ({@link SnapshotAudit}).
 */
public final class Verifier {

    private final DataSource dataSource;

    /**
     * A verifier of the store at {@code dataSource}.
     *
     * @param dataSource the store's data source
     */
    public Verifier(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Events checked together by one worker. */
    private static final int BATCH = 1_000;

    /**
     * Verifies the whole store; {@code progress} hears the number of events checked so far. The reading, the order
     * of positions and sequences and each stream's type are checked on this thread in position order; each event's
     * leaf hash and content, which need nothing of the others (a leaf chains onto its stream's previous
     * <em>stored</em> leaf, itself checked at its own, earlier position), are checked in batches on one worker per
     * core meanwhile. The first problem in position order is the one reported, as a sequential check would.
     *
     * @param progress told how many events are verified so far
     * @return the recomputed leaves and the first problem found
     */
    public Verification verify(LongConsumer progress) {
        long start = System.nanoTime();
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "parley-verify");
            thread.setDaemon(true);
            return thread;
        });
        try {
            return verify(progress, pool, 2 * workers + 1, start);
        } finally {
            pool.shutdownNow();
        }
    }

    private Verification verify(LongConsumer progress, ExecutorService pool, int maxInFlight, long start) {
        Checked checked = new Checked(progress);
        Map<String, byte[]> lastStoredLeaf = new HashMap<>();
        Map<String, Long> lastSequence = new HashMap<>();
        EventContent content = EventContent.ofStore();
        Deque<Future<Batch>> inFlight = new ArrayDeque<>();
        try (Connection connection = dataSource.getConnection()) {
            // One snapshot of the store for every read: under READ COMMITTED (PostgreSQL's default) the events and
            // the hashes would be read at different moments, and a writer's commit in between looked like tampering.
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try (PreparedStatement events = connection.prepareStatement(
                         "SELECT " + StoredRows.COLUMNS + " FROM " + DomainEvents.TABLE + " ORDER BY "
                                 + DomainEvents.GLOBAL_INDEX);
                 PreparedStatement hashes = connection.prepareStatement(
                         "SELECT " + String.join(", ", EventHashes.GLOBAL_INDEX, EventHashes.AGGREGATE_IDENTIFIER,
                                                 EventHashes.SEQUENCE_NUMBER, EventHashes.LEAF_HASH)
                                 + " FROM " + EventHashes.TABLE + " ORDER BY " + EventHashes.GLOBAL_INDEX)) {
                events.setFetchSize(1_000);
                hashes.setFetchSize(1_000);
                Verification.Problem structural = null;
                try (ResultSet eventRows = events.executeQuery(); ResultSet hashRows = hashes.executeQuery()) {
                    boolean moreHashes = hashRows.next();
                    List<Pending> batch = new ArrayList<>(BATCH);
                    while (eventRows.next()) {
                        LeafInput event = StoredRows.read(eventRows);
                        if (moreHashes && hashRows.getLong(EventHashes.GLOBAL_INDEX) < event.position()) {
                            structural = new Verification.Problem(
                                    hashRows.getLong(EventHashes.GLOBAL_INDEX),
                                    hashRows.getString(EventHashes.AGGREGATE_IDENTIFIER),
                                    "the event hashed at this position was deleted");
                            break;
                        }
                        if (!moreHashes || hashRows.getLong(EventHashes.GLOBAL_INDEX) > event.position()) {
                            structural = new Verification.Problem(
                                    event.position(), event.aggregateId(),
                                    "an event without its hash: inserted, or its hash deleted");
                            break;
                        }
                        long expected = lastSequence.getOrDefault(event.aggregateId(), -1L) + 1;
                        if (event.sequence() != expected) {
                            structural = new Verification.Problem(
                                    event.position(), event.aggregateId(), "sequence " + event.sequence()
                                            + " where the stream continues with " + expected
                                            + " (events deleted or reordered)");
                            break;
                        }
                        byte[] storedLeaf = hashRows.getBytes(EventHashes.LEAF_HASH);
                        batch.add(new Pending(event, lastStoredLeaf.getOrDefault(event.aggregateId(), Hashes.NONE),
                                              hashRows.getString(EventHashes.AGGREGATE_IDENTIFIER),
                                              hashRows.getLong(EventHashes.SEQUENCE_NUMBER), storedLeaf,
                                              content.streamProblem(event)));
                        lastStoredLeaf.put(event.aggregateId(), storedLeaf);
                        lastSequence.put(event.aggregateId(), event.sequence());
                        if (batch.size() == BATCH) {
                            List<Pending> full = batch;
                            inFlight.add(pool.submit(() -> check(full, content)));
                            batch = new ArrayList<>(BATCH);
                            while (inFlight.size() >= maxInFlight || (!inFlight.isEmpty() && inFlight.peek().isDone())) {
                                if (!checked.take(inFlight.poll())) {
                                    return checked.done(start);
                                }
                            }
                        }
                        moreHashes = hashRows.next();
                    }
                    if (structural == null && moreHashes) {
                        structural = new Verification.Problem(
                                hashRows.getLong(EventHashes.GLOBAL_INDEX),
                                hashRows.getString(EventHashes.AGGREGATE_IDENTIFIER),
                                "the event hashed at this position was deleted");
                    }
                    if (!batch.isEmpty()) {
                        List<Pending> last = batch;
                        inFlight.add(pool.submit(() -> check(last, content)));
                    }
                }
                // Every event before a problem found while reading is checked first: an earlier one may be bad too.
                while (!inFlight.isEmpty()) {
                    if (!checked.take(inFlight.poll())) {
                        return checked.done(start);
                    }
                }
                if (structural != null) {
                    checked.problem = structural;
                    return checked.done(start);
                }
                Verification.Problem snapshot = new SnapshotAudit().firstProblem(connection).orElse(null);
                if (snapshot != null) {
                    checked.problem = snapshot;
                    return checked.done(start);
                }
            } finally {
                inFlight.forEach(future -> future.cancel(true));
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the store to verify it: " + e.getMessage(), e);
        }
        return checked.done(start);
    }

    /** Checks each event of {@code batch} in order, up to the first problem. */
    private static Batch check(List<Pending> batch, EventContent content) {
        List<byte[]> leaves = new ArrayList<>(batch.size());
        long[] positions = new long[batch.size()];
        for (Pending pending : batch) {
            LeafInput event = pending.event();
            byte[] leaf = event.leafHash(pending.previousStoredLeaf());
            String problem = null;
            if (!pending.storedStream().equals(event.aggregateId()) || pending.storedSequence() != event.sequence()
                    || !Arrays.equals(leaf, pending.storedLeaf())) {
                problem = "the stored event does not match its hash (altered, swapped or forged)";
            } else {
                String unfit = pending.streamProblem() != null ? pending.streamProblem()
                        : content.contentProblem(event);
                if (unfit != null) {
                    problem = "not an event Parley could have stored: " + unfit;
                }
            }
            if (problem != null) {
                return new Batch(leaves, positions, new Verification.Problem(event.position(), event.aggregateId(),
                                                                             problem));
            }
            positions[leaves.size()] = event.position();
            leaves.add(leaf);
        }
        return new Batch(leaves, positions, null);
    }

    /** An event as read, with what its check needs from the reading: the stored hash row beside it. */
    private record Pending(LeafInput event, byte[] previousStoredLeaf, String storedStream, long storedSequence,
                           byte[] storedLeaf, String streamProblem) {
    }

    /** A checked batch: the leaves of its events up to its first problem, and the problem, if any. */
    private record Batch(List<byte[]> leaves, long[] positions, Verification.Problem problem) {
    }

    /** The leaves checked so far, in position order, and the first problem. */
    private static final class Checked {

        private final LongConsumer progress;
        private final List<byte[]> leaves = new ArrayList<>();
        private long[] positions = new long[1024];
        private Verification.Problem problem;

        Checked(LongConsumer progress) {
            this.progress = progress;
        }

        /** Takes the next batch in order; false when it holds a problem, which is then the answer. */
        boolean take(Future<Batch> next) {
            Batch batch;
            try {
                batch = next.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while verifying", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot verify: " + e.getCause().getMessage(), e.getCause());
            }
            long before = leaves.size();
            if (leaves.size() + batch.leaves().size() > positions.length) {
                positions = Arrays.copyOf(positions, Math.max(positions.length * 2,
                                                              leaves.size() + batch.leaves().size()));
            }
            System.arraycopy(batch.positions(), 0, positions, leaves.size(), batch.leaves().size());
            leaves.addAll(batch.leaves());
            if (leaves.size() / 10_000 > before / 10_000) {
                progress.accept(leaves.size());
            }
            problem = batch.problem();
            return problem == null;
        }

        Verification done(long start) {
            return Verifier.done(leaves, positions, problem, start);
        }
    }

    private static Verification done(List<byte[]> leaves, long[] positions, Verification.Problem problem,
                                     long start) {
        return new Verification(leaves, Arrays.copyOf(positions, leaves.size()), problem, System.nanoTime() - start);
    }
}
