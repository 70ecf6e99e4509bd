package dev.parley.application.integrity;

import dev.parley.projections.schema.Tables.DomainEvents;
import dev.parley.projections.schema.Tables.EventHashes;
import dev.parley.projections.schema.Tables.StreamHeads;
import dev.parley.projections.schema.Tables.TreeLeaves;
import dev.parley.projections.schema.Tables.TreeNodes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * The event tree kept in the store as derived data (tables {@code tree_leaf}, {@code tree_node}, {@code stream_head}):
 * each leaf with its position, the hash of every full subtree of two or more leaves, and each stream's head. Extending
 * it verifies only the events it adds, as {@link Verifier} does for all of them: each recomputed leaf, chained onto
 * its stream's head, must be the stored hash, each stream must run on without a gap, and each event must be one
 * Parley could have stored; the snapshots of the streams it touched are audited. Reads cost O(log n) rows.
 */
final class StoredTree {

    private static final int BATCH = 5_000;

    private final Connection connection;
    private final Map<Long, byte[]> cache = new HashMap<>();
    /** The size as this transaction left it, once known: H2 answers MAX over its own uncommitted rows stale. */
    private long size = -1;

    /** Works on {@code connection}, in its transaction; the caller commits or rolls back. */
    StoredTree(Connection connection) {
        this.connection = connection;
    }

    /** How many leaves the stored tree holds. */
    long size() throws SQLException {
        if (size >= 0) {
            return size;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT MAX(" + TreeLeaves.LEAF_INDEX + ") AS last_leaf FROM " + TreeLeaves.TABLE);
             ResultSet row = select.executeQuery()) {
            row.next();
            long last = row.getLong("last_leaf");
            size = row.wasNull() ? 0 : last + 1;
            return size;
        }
    }

    /** Hashes of the stored tree, read as they are needed. */
    TreeHashes hashes() {
        return new TreeHashes(this::full);
    }

    private byte[] full(int level, long index) {
        long key = index * 64 + level;
        byte[] cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        try (PreparedStatement select = level == 0
                ? connection.prepareStatement("SELECT " + TreeLeaves.LEAF_HASH + " AS h FROM " + TreeLeaves.TABLE
                                                      + " WHERE " + TreeLeaves.LEAF_INDEX + " = ?")
                : connection.prepareStatement("SELECT " + TreeNodes.HASH + " AS h FROM " + TreeNodes.TABLE + " WHERE "
                                                      + TreeNodes.LEVEL + " = ? AND " + TreeNodes.INDEX + " = ?")) {
            if (level == 0) {
                select.setLong(1, index);
            } else {
                select.setInt(1, level);
                select.setLong(2, index);
            }
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new MissingHashException("the stored tree has no hash of level " + level + ", index "
                                                           + index);
                }
                byte[] hash = row.getBytes("h");
                cache.put(key, hash);
                return hash;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the stored tree: " + e.getMessage(), e);
        }
    }

    /** A hash the stored tree should hold and does not: rows deleted, so the tree is rebuilt. */
    static final class MissingHashException extends IllegalStateException {
        MissingHashException(String message) {
            super(message);
        }
    }

    /** Whether the first {@code size} leaves of the stored tree have {@code root}, every hash needed being there. */
    boolean hasRoot(long size, byte[] root) throws SQLException {
        try {
            return size <= size() && Arrays.equals(hashes().root(size), root);
        } catch (MissingHashException e) {
            return false;
        }
    }

    /** The hash of leaf {@code index}. */
    byte[] leaf(long index) {
        return full(0, index);
    }

    /** The position of the event leaf {@code index} stands for, or -1 when the tree has no such leaf. */
    long positionOf(long index) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + TreeLeaves.GLOBAL_INDEX + " FROM " + TreeLeaves.TABLE + " WHERE " + TreeLeaves.LEAF_INDEX
                        + " = ?")) {
            select.setLong(1, index);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(TreeLeaves.GLOBAL_INDEX) : -1;
            }
        }
    }

    /** The leaf index of the event at {@code position}, or -1 when the tree has no such leaf. */
    long leafIndexOf(long position) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + TreeLeaves.LEAF_INDEX + " FROM " + TreeLeaves.TABLE + " WHERE " + TreeLeaves.GLOBAL_INDEX
                        + " = ?")) {
            select.setLong(1, position);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(TreeLeaves.LEAF_INDEX) : -1;
            }
        }
    }

    /** Every stream's head in the stored tree, by aggregate id. */
    Map<String, StreamHead> heads() throws SQLException {
        Map<String, StreamHead> heads = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + String.join(", ", StreamHeads.AGGREGATE_IDENTIFIER, StreamHeads.AGGREGATE_TYPE,
                                        StreamHeads.LAST_SEQUENCE, StreamHeads.LAST_LEAF) + " FROM "
                        + StreamHeads.TABLE)) {
            select.setFetchSize(1_000);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    StreamHead head = new StreamHead(row.getString(StreamHeads.AGGREGATE_TYPE),
                                                     row.getString(StreamHeads.AGGREGATE_IDENTIFIER),
                                                     row.getLong(StreamHeads.LAST_SEQUENCE),
                                                     row.getBytes(StreamHeads.LAST_LEAF));
                    heads.put(head.aggregateId(), head);
                }
            }
        }
        return heads;
    }

    /** The head of one stream in the stored tree, or null when the tree holds none of its events. */
    StreamHead head(String aggregateId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + String.join(", ", StreamHeads.AGGREGATE_TYPE, StreamHeads.LAST_SEQUENCE,
                                        StreamHeads.LAST_LEAF) + " FROM " + StreamHeads.TABLE + " WHERE "
                        + StreamHeads.AGGREGATE_IDENTIFIER + " = ?")) {
            select.setString(1, aggregateId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new StreamHead(row.getString(StreamHeads.AGGREGATE_TYPE), aggregateId,
                                                   row.getLong(StreamHeads.LAST_SEQUENCE),
                                                   row.getBytes(StreamHeads.LAST_LEAF)) : null;
            }
        }
    }

    /** Forgets the stored tree, to rebuild it from the events. */
    void clear() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + TreeNodes.TABLE);
            statement.executeUpdate("DELETE FROM " + TreeLeaves.TABLE);
            statement.executeUpdate("DELETE FROM " + StreamHeads.TABLE);
        }
        cache.clear();
        size = 0;
    }

    /** What extending the tree found: its new size, or the first problem with an event or snapshot. */
    record Extension(long size, Verification.Problem problem, long added) {
    }

    /**
     * Adds the events after the tree's last leaf, in position order, up to {@code maxSize} leaves, verifying each as
     * it goes; stops at the first problem, leaving the caller to roll back.
     */
    Extension extend(long maxSize, LongConsumer progress) throws SQLException {
        long size = size();
        long lastPosition = size > 0 ? positionOf(size - 1) : -1;
        // The left sibling waiting at each level: the last full subtree there, when the next one will be its right.
        byte[][] waiting = new byte[64][];
        for (int level = 0; level < 63; level++) {
            if (((size >>> level) & 1) == 1) {
                waiting[level] = full(level, (size >>> level) - 1);
            }
        }
        Map<String, StreamHead> heads = new HashMap<>();
        Map<String, StreamHead> touched = new LinkedHashMap<>();
        EventContent content = EventContent.ofStore();
        long start = size;
        try (PreparedStatement events = connection.prepareStatement(
                "SELECT " + StoredRows.COLUMNS + " FROM " + DomainEvents.TABLE + " WHERE " + DomainEvents.GLOBAL_INDEX
                        + " > ? ORDER BY " + DomainEvents.GLOBAL_INDEX);
             PreparedStatement hashes = connection.prepareStatement(
                     "SELECT " + String.join(", ", EventHashes.GLOBAL_INDEX, EventHashes.AGGREGATE_IDENTIFIER,
                                             EventHashes.SEQUENCE_NUMBER, EventHashes.LEAF_HASH)
                             + " FROM " + EventHashes.TABLE + " WHERE " + EventHashes.GLOBAL_INDEX + " > ? ORDER BY "
                             + EventHashes.GLOBAL_INDEX);
             PreparedStatement leaves = connection.prepareStatement(
                     "INSERT INTO " + TreeLeaves.TABLE + " (" + TreeLeaves.LEAF_INDEX + ", " + TreeLeaves.GLOBAL_INDEX
                             + ", " + TreeLeaves.LEAF_HASH + ") VALUES (?, ?, ?)");
             PreparedStatement nodes = connection.prepareStatement(
                     "INSERT INTO " + TreeNodes.TABLE + " (" + TreeNodes.LEVEL + ", " + TreeNodes.INDEX + ", "
                             + TreeNodes.HASH + ") VALUES (?, ?, ?)")) {
            events.setLong(1, lastPosition);
            hashes.setLong(1, lastPosition);
            events.setFetchSize(1_000);
            hashes.setFetchSize(1_000);
            int pending = 0;
            try (ResultSet eventRows = events.executeQuery(); ResultSet hashRows = hashes.executeQuery()) {
                boolean moreHashes = hashRows.next();
                while (size < maxSize && eventRows.next()) {
                    LeafInput event = StoredRows.read(eventRows);
                    if (moreHashes && hashRows.getLong(EventHashes.GLOBAL_INDEX) < event.position()) {
                        return problem(hashRows.getLong(EventHashes.GLOBAL_INDEX),
                                       hashRows.getString(EventHashes.AGGREGATE_IDENTIFIER),
                                       "the event hashed at this position was deleted", start, size);
                    }
                    if (!moreHashes || hashRows.getLong(EventHashes.GLOBAL_INDEX) > event.position()) {
                        return problem(event.position(), event.aggregateId(),
                                       "an event without its hash: inserted, or its hash deleted", start, size);
                    }
                    StreamHead head = heads.containsKey(event.aggregateId()) ? heads.get(event.aggregateId())
                            : head(event.aggregateId());
                    long expected = head == null ? 0 : head.lastSequence() + 1;
                    if (event.sequence() != expected) {
                        return problem(event.position(), event.aggregateId(), "sequence " + event.sequence()
                                + " where the stream continues with " + expected + " (events deleted or reordered)",
                                       start, size);
                    }
                    if (head != null && !head.aggregateType().equals(event.aggregateType())) {
                        return problem(event.position(), event.aggregateId(), "not an event Parley could have "
                                + "stored: the stream " + event.aggregateId() + " changes aggregate type from "
                                + head.aggregateType() + " to " + event.aggregateType(), start, size);
                    }
                    byte[] leaf = event.leafHash(head == null ? Hashes.NONE : head.lastLeaf());
                    if (!hashRows.getString(EventHashes.AGGREGATE_IDENTIFIER).equals(event.aggregateId())
                            || hashRows.getLong(EventHashes.SEQUENCE_NUMBER) != event.sequence()
                            || !Arrays.equals(leaf, hashRows.getBytes(EventHashes.LEAF_HASH))) {
                        return problem(event.position(), event.aggregateId(),
                                       "the stored event does not match its hash (altered, swapped or forged)",
                                       start, size);
                    }
                    String unfit = content.problem(event);
                    if (unfit != null) {
                        return problem(event.position(), event.aggregateId(),
                                       "not an event Parley could have stored: " + unfit, start, size);
                    }
                    StreamHead next = new StreamHead(event.aggregateType(), event.aggregateId(), event.sequence(),
                                                     leaf);
                    heads.put(event.aggregateId(), next);
                    touched.put(event.aggregateId(), next);
                    leaves.setLong(1, size);
                    leaves.setLong(2, event.position());
                    leaves.setBytes(3, leaf);
                    leaves.addBatch();
                    byte[] hash = leaf;
                    int level = 0;
                    long index = size;
                    while ((index & 1) == 1) {
                        hash = Hashes.node(waiting[level], hash);
                        waiting[level] = null;
                        level++;
                        index >>>= 1;
                        nodes.setInt(1, level);
                        nodes.setLong(2, index);
                        nodes.setBytes(3, hash);
                        nodes.addBatch();
                        pending++;
                    }
                    waiting[level] = hash;
                    size++;
                    if (++pending >= BATCH) {
                        leaves.executeBatch();
                        nodes.executeBatch();
                        pending = 0;
                    }
                    if ((size - start) % 10_000 == 0) {
                        progress.accept(size - start);
                    }
                    moreHashes = hashRows.next();
                }
                if (size < maxSize && moreHashes) {
                    return problem(hashRows.getLong(EventHashes.GLOBAL_INDEX),
                                   hashRows.getString(EventHashes.AGGREGATE_IDENTIFIER),
                                   "the event hashed at this position was deleted", start, size);
                }
            }
            leaves.executeBatch();
            nodes.executeBatch();
        }
        Set<String> audited = new HashSet<>(touched.keySet());
        Verification.Problem snapshot = new SnapshotAudit().firstProblem(connection, audited::contains).orElse(null);
        if (snapshot != null) {
            return new Extension(size, snapshot, size - start);
        }
        saveHeads(new ArrayList<>(touched.values()));
        cache.clear();
        this.size = size;
        return new Extension(size, null, size - start);
    }

    private static Extension problem(long position, String stream, String what, long start, long size) {
        return new Extension(size, new Verification.Problem(position, stream, what), size - start);
    }

    private void saveHeads(List<StreamHead> heads) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + StreamHeads.TABLE + " WHERE " + StreamHeads.AGGREGATE_IDENTIFIER + " = ?");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO " + StreamHeads.TABLE + " (" + String.join(", ", StreamHeads.AGGREGATE_IDENTIFIER,
                                                                            StreamHeads.AGGREGATE_TYPE,
                                                                            StreamHeads.LAST_SEQUENCE,
                                                                            StreamHeads.LAST_LEAF)
                             + ") VALUES (?, ?, ?, ?)")) {
            for (int from = 0; from < heads.size(); from += BATCH) {
                List<StreamHead> batch = heads.subList(from, Math.min(heads.size(), from + BATCH));
                for (StreamHead head : batch) {
                    delete.setString(1, head.aggregateId());
                    delete.addBatch();
                    insert.setString(1, head.aggregateId());
                    insert.setString(2, head.aggregateType());
                    insert.setLong(3, head.lastSequence());
                    insert.setBytes(4, head.lastLeaf());
                    insert.addBatch();
                }
                delete.executeBatch();
                insert.executeBatch();
            }
        }
    }
}
