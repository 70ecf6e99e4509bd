package dev.parley.application.integrity;

import dev.parley.projections.schema.Tables.DomainEvents;
import dev.parley.projections.schema.Tables.EventHashes;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Verifies the whole store, in one read.
     *
     * @param progress told how many events are verified so far
     * @return the recomputed leaves and the first problem found
     */
    public Verification verify(LongConsumer progress) {
        long start = System.nanoTime();
        List<byte[]> leaves = new ArrayList<>();
        long[] positions = new long[1024];
        Map<String, byte[]> lastLeaf = new HashMap<>();
        Map<String, Long> lastSequence = new HashMap<>();
        EventContent content = EventContent.ofStore();
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
                try (ResultSet eventRows = events.executeQuery(); ResultSet hashRows = hashes.executeQuery()) {
                    boolean moreHashes = hashRows.next();
                    while (eventRows.next()) {
                        LeafInput event = StoredRows.read(eventRows);
                        if (moreHashes && hashRows.getLong(EventHashes.GLOBAL_INDEX) < event.position()) {
                            return done(leaves, positions, new Verification.Problem(
                                    hashRows.getLong(EventHashes.GLOBAL_INDEX),
                                    hashRows.getString(EventHashes.AGGREGATE_IDENTIFIER),
                                    "the event hashed at this position was deleted"), start);
                        }
                        if (!moreHashes || hashRows.getLong(EventHashes.GLOBAL_INDEX) > event.position()) {
                            return done(leaves, positions, new Verification.Problem(
                                    event.position(), event.aggregateId(),
                                    "an event without its hash: inserted, or its hash deleted"), start);
                        }
                        long expected = lastSequence.getOrDefault(event.aggregateId(), -1L) + 1;
                        if (event.sequence() != expected) {
                            return done(leaves, positions, new Verification.Problem(
                                    event.position(), event.aggregateId(), "sequence " + event.sequence()
                                            + " where the stream continues with " + expected
                                            + " (events deleted or reordered)"), start);
                        }
                        byte[] leaf = event.leafHash(lastLeaf.getOrDefault(event.aggregateId(), Hashes.NONE));
                        if (!hashRows.getString(EventHashes.AGGREGATE_IDENTIFIER).equals(event.aggregateId())
                                || hashRows.getLong(EventHashes.SEQUENCE_NUMBER) != event.sequence()
                                || !Arrays.equals(leaf, hashRows.getBytes(EventHashes.LEAF_HASH))) {
                            return done(leaves, positions, new Verification.Problem(
                                    event.position(), event.aggregateId(),
                                    "the stored event does not match its hash (altered, swapped or forged)"),
                                        start);
                        }
                        String unfit = content.problem(event);
                        if (unfit != null) {
                            return done(leaves, positions, new Verification.Problem(
                                    event.position(), event.aggregateId(),
                                    "not an event Parley could have stored: " + unfit), start);
                        }
                        lastLeaf.put(event.aggregateId(), leaf);
                        lastSequence.put(event.aggregateId(), event.sequence());
                        if (leaves.size() == positions.length) {
                            positions = Arrays.copyOf(positions, positions.length * 2);
                        }
                        positions[leaves.size()] = event.position();
                        leaves.add(leaf);
                        if (leaves.size() % 10_000 == 0) {
                            progress.accept(leaves.size());
                        }
                        moreHashes = hashRows.next();
                    }
                    if (moreHashes) {
                        return done(leaves, positions, new Verification.Problem(
                                hashRows.getLong(EventHashes.GLOBAL_INDEX),
                                hashRows.getString(EventHashes.AGGREGATE_IDENTIFIER),
                                "the event hashed at this position was deleted"), start);
                    }
                }
                Verification.Problem snapshot = new SnapshotAudit().firstProblem(connection).orElse(null);
                if (snapshot != null) {
                    return done(leaves, positions, snapshot, start);
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the store to verify it: " + e.getMessage(), e);
        }
        return done(leaves, positions, null, start);
    }

    private static Verification done(List<byte[]> leaves, long[] positions, Verification.Problem problem,
                                     long start) {
        return new Verification(leaves, Arrays.copyOf(positions, leaves.size()), problem, System.nanoTime() - start);
    }
}
