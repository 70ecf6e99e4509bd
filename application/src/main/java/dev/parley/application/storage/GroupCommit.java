package dev.parley.application.storage;

import dev.parley.application.storage.LastLeaves.Leaf;
import dev.parley.projections.schema.Tables.DomainEvents;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Group commit: the appends of commands that arrive while a commit is in flight share the next one. A command's unit
 * of work hands its serialized events (and the rows that must be stored with them, {@link GroupedWrite}) over when
 * it commits; one committer thread takes every append waiting, opens one transaction, takes the append lock, checks
 * each append's streams (one that lost a race fails alone; two appends of one group to the same stream chain, the
 * second checked against the first), inserts all events in one batch and their leaves in another, commits, and only
 * then answers each append. A failed commit fails every append of its group and none is reported stored.
 * <p>
 * Only for transactions Parley owns: the command's own transaction then holds only reads, and a failure of the group
 * rolls the command's unit of work back (its cached aggregate included). Inside an embedding application's
 * transaction events are appended in that transaction, as before.
 */
public final class GroupCommit implements AutoCloseable {

    /** Appends in one group at most; more wait for the next commit. */
    private static final int MAX_GROUP = 1_000;
    private static final String PENDING = GroupCommit.class.getName() + ".pending";
    private static final Append CLOSE = new Append();

    private final DataSource dataSource;
    private final EventHasher hasher;
    private final BlockingQueue<Append> queue = new LinkedBlockingQueue<>();
    private final ThreadLocal<List<CompletableFuture<Void>>> deferred = new ThreadLocal<>();
    /** The last append a deferring sender handed over: each of its appends is stored only if the one before was. */
    private final ThreadLocal<CompletableFuture<Void>> lastDeferred = new ThreadLocal<>();
    private volatile Runnable discardDecisions = () -> { };
    private final AtomicLong groups = new AtomicLong();
    private final AtomicLong appends = new AtomicLong();
    private final Thread committer;
    private volatile boolean closed;

    /**
     * The committer over its own connections from {@code dataSource}, hashing with {@code hasher}.
     *
     * @param dataSource the store's data source
     * @param hasher hashes the appended events
     */
    public GroupCommit(DataSource dataSource, EventHasher hasher) {
        this.dataSource = dataSource;
        this.hasher = hasher;
        this.committer = new Thread(this::commitGroups, "parley-group-commit");
        committer.setDaemon(true);
        committer.start();
    }

    EventHasher hasher() {
        return hasher;
    }

    /**
     * The connections of the commands' own transactions, which the engine reads with.
     *
     * @return the connection provider
     */
    public org.axonframework.common.jdbc.ConnectionProvider connections() {
        return hasher.connections();
    }

    /**
     * What a group commit did so far: how many commits, and how many appends they carried.
     *
     * @param commits the commits
     * @param appends the appends they carried
     */
    public record Groups(long commits, long appends) {
    }

    /**
     * What the group commit did so far.
     *
     * @return the counts
     */
    public Groups groups() {
        return new Groups(groups.get(), appends.get());
    }

    /**
     * Appends waiting for a commit (not counting the group being committed).
     *
     * @return the number of appends
     */
    public int waiting() {
        return queue.size();
    }

    /**
     * Runs {@code send} (commands sent on this thread) without waiting for their appends to be durable: their units
     * of work complete once the appends are handed to the committer. The future completes when all are durable, or
     * fails with the first failure; until then nothing they did may be reported as stored.
     *
     * @param send sends the commands
     * @return completes when their appends are durable
     */
    public CompletableFuture<Void> deferring(Runnable send) {
        List<CompletableFuture<Void>> outer = deferred.get();
        List<CompletableFuture<Void>> mine = new ArrayList<>();
        deferred.set(mine);
        try {
            send.run();
        } catch (RuntimeException failed) {
            // What it handed over before failing is answered before the sender decides anything again.
            mine.forEach(durable -> durable.exceptionally(ignored -> null).join());
            throw failed;
        } finally {
            deferred.set(outer);
        }
        if (outer != null) {
            outer.addAll(mine);
        }
        return CompletableFuture.allOf(mine.toArray(CompletableFuture[]::new));
    }

    /**
     * What {@link #discardDecisions()} does: empty the aggregate caches.
     *
     * @param discard empties the caches
     */
    public void onDiscardedDecisions(Runnable discard) {
        this.discardDecisions = discard;
    }

    /**
     * Forgets what was decided in memory on top of appends that then failed, once a deferring sender has seen every
     * append it handed over answered: the aggregates are loaded from the store again.
     */
    public void discardDecisions() {
        discardDecisions.run();
    }

    /** Carries {@code rows} into the commit of the current unit of work, or, outside one, commits them and waits. */
    void append(List<EventRow> rows) {
        if (CurrentUnitOfWork.isStarted()) {
            pending(CurrentUnitOfWork.get()).rows.addAll(rows);
            return;
        }
        Append append = new Append();
        append.rows.addAll(rows);
        await(submit(append));
    }

    /**
     * Carries {@code write} into the group commit of {@code unitOfWork}'s events.
     *
     * @param unitOfWork the unit of work whose events are appended
     * @param write what to write with them
     */
    public void attach(UnitOfWork<?> unitOfWork, GroupedWrite write) {
        pending(unitOfWork).writes.add(write);
    }

    private Append pending(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(PENDING, key -> {
            Append append = new Append();
            root.onCommit(committing -> handOver(append));
            return append;
        });
    }

    private void handOver(Append append) {
        List<CompletableFuture<Void>> later = deferred.get();
        if (later == null) {
            lastDeferred.remove();
            await(submit(append));
            return;
        }
        // Decided on top of the appends handed over before it: if one of them fails, so does this one.
        append.after = lastDeferred.get();
        lastDeferred.set(append.done);
        later.add(submit(append));
    }

    /**
     * Waits until every append this thread handed over without waiting ({@link #deferring}) is answered.
     *
     * @return whether all of them were stored (appends of one sender chain: the last stored means all were)
     */
    public boolean settledOnThisThread() {
        CompletableFuture<Void> last = lastDeferred.get();
        if (last == null) {
            return true;
        }
        try {
            last.join();
            return true;
        } catch (CompletionException | java.util.concurrent.CancellationException failed) {
            return false;
        }
    }

    /**
     * Queues {@code append} for the committer, or fails it once the committer is closing: checked and queued under
     * one lock with {@link #close()}, so an append is either queued before the committer's last group or refused.
     */
    private CompletableFuture<Void> submit(Append append) {
        synchronized (queue) {
            if (closed) {
                append.done.completeExceptionally(
                        new EventStoreException("the store is closing; nothing was appended"));
            } else {
                queue.add(append);
            }
        }
        return append.done;
    }

    private static void await(CompletableFuture<Void> durable) {
        try {
            durable.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new EventStoreException("the append failed: " + failed.getCause(), failed.getCause());
        }
    }

    /**
     * The committer's loop. Whatever happens to a group, every append taken from the queue is answered before the
     * next group is taken: an append never waits for a commit that will not come.
     */
    private void commitGroups() {
        List<Append> group = new ArrayList<>();
        while (true) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                failWaiting("the committer was interrupted; nothing was appended");
                return;
            }
            queue.drainTo(group, MAX_GROUP - 1);
            boolean closing = group.remove(CLOSE);
            try {
                if (!group.isEmpty()) {
                    commit(group);
                }
            } catch (Throwable unexpected) {
                fail(group, new EventStoreException("cannot append the events of " + group.size()
                                                            + " commands committed together: " + unexpected, unexpected));
                if (unexpected instanceof Error error && !(unexpected instanceof StackOverflowError)) {
                    failWaiting("the committer stopped on " + error + "; nothing was appended");
                    throw error;
                }
            } finally {
                // A no-op for every append answered above; a guard against any path that left one unanswered.
                fail(group, new EventStoreException("the group commit ended without storing this append"));
            }
            group.clear();
            if (closing) {
                failWaiting("the store closed; nothing was appended");
                return;
            }
        }
    }

    /** Stops taking appends and fails every one waiting. */
    private void failWaiting(String why) {
        List<Append> left = new ArrayList<>();
        synchronized (queue) {
            closed = true;
            queue.drainTo(left);
        }
        left.remove(CLOSE);
        fail(left, new EventStoreException(why));
    }

    private static void fail(List<Append> appends, RuntimeException why) {
        appends.forEach(append -> append.done.completeExceptionally(why));
    }

    /** Commits {@code group} in one transaction; each append is answered only after it. */
    private void commit(List<Append> group) {
        List<Append> accepted = new ArrayList<>(group.size());
        Map<String, Leaf> leaves = Map.of();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                AppendLock.take(connection);
                Map<String, StreamTip> tips = new HashMap<>();
                Map<String, Long> next = new HashMap<>();
                Map<String, StreamTip> stored = StreamTip.of(connection, group.stream().flatMap(
                        append -> append.rows.stream().map(EventRow::aggregateId)).toList());
                Map<GroupedWrite, RuntimeException> refusedWrites = checkWrites(connection, group);
                for (Append append : group) {
                    if (admits(append, stored, refusedWrites, tips, next)) {
                        accepted.add(append);
                    }
                }
                List<EventRow> rows = new ArrayList<>();
                accepted.forEach(append -> rows.addAll(append.rows));
                if (!rows.isEmpty()) {
                    leaves = hasher.hash(connection, EventRow.insert(connection, rows), tips);
                }
                writeAll(connection, accepted);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException ignored) {
                    // The connection is unusable; the pool discards it and nothing of the group was committed.
                }
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            // Every append of the group, not only those admitted so far: a failure while checking them (the append
            // lock not granted in time, a lost connection) answers the ones not yet looked at too.
            fail(group, new EventStoreException("cannot append the events of " + group.size()
                                                        + " commands committed together: " + e.getMessage(), e));
            return;
        }
        groups.incrementAndGet();
        appends.addAndGet(accepted.size());
        try {
            hasher.remember(leaves);
        } finally {
            accepted.forEach(append -> append.done.complete(null));
        }
    }

    /**
     * Whether {@code append} may join the group: each of its streams must continue exactly where the store, after
     * the appends admitted before it, stands; and none of its other rows may have been refused by their check. A
     * refused append is answered at once with why, and has written nothing.
     */
    private static boolean admits(Append append, Map<String, StreamTip> stored,
                                  Map<GroupedWrite, RuntimeException> refusedWrites, Map<String, StreamTip> tips,
                                  Map<String, Long> next) {
        Map<String, Long> firstOfStream = new LinkedHashMap<>();
        Map<String, Long> lastOfStream = new HashMap<>();
        for (EventRow row : append.rows) {
            firstOfStream.putIfAbsent(row.aggregateId(), row.sequence());
            lastOfStream.put(row.aggregateId(), row.sequence());
        }
        try {
            if (append.after != null && append.after.isCompletedExceptionally()) {
                throw new EventStoreException("not appended: it was decided on top of a command of the same sender"
                                                      + " whose append failed; decide it again");
            }
            for (Map.Entry<String, Long> stream : firstOfStream.entrySet()) {
                Long expected = next.get(stream.getKey());
                if (expected == null) {
                    StreamTip tip = stored.getOrDefault(stream.getKey(), StreamTip.EMPTY);
                    tips.put(stream.getKey(), tip);
                    expected = tip.sequence() + 1;
                    next.put(stream.getKey(), expected);
                }
                if (expected != stream.getValue().longValue()) {
                    throw conflict(stream.getKey(), stream.getValue(), expected - 1);
                }
            }
            for (GroupedWrite write : append.writes) {
                RuntimeException refused = refusedWrites.get(write);
                if (refused != null) {
                    throw refused;
                }
            }
        } catch (RuntimeException refused) {
            append.done.completeExceptionally(refused);
            return false;
        }
        lastOfStream.forEach((stream, last) -> next.put(stream, last + 1));
        return true;
    }

    /** The group's other rows, kind by kind, checked together: those refused, each with why. */
    private static Map<GroupedWrite, RuntimeException> checkWrites(Connection connection, List<Append> group)
            throws SQLException {
        Map<GroupedWrite, RuntimeException> refused = new java.util.IdentityHashMap<>();
        for (Map.Entry<GroupedWrite.Kind, List<GroupedWrite>> kind : byKind(group).entrySet()) {
            refused.putAll(kind.getKey().check(connection, kind.getValue()));
        }
        return refused;
    }

    /** Writes the admitted appends' other rows, kind by kind, in the group's transaction. */
    private static void writeAll(Connection connection, List<Append> accepted) throws SQLException {
        for (Map.Entry<GroupedWrite.Kind, List<GroupedWrite>> kind : byKind(accepted).entrySet()) {
            kind.getKey().write(connection, kind.getValue());
        }
    }

    private static Map<GroupedWrite.Kind, List<GroupedWrite>> byKind(List<Append> appends) {
        Map<GroupedWrite.Kind, List<GroupedWrite>> kinds = new LinkedHashMap<>();
        for (Append append : appends) {
            for (GroupedWrite write : append.writes) {
                kinds.computeIfAbsent(write.kind(), kind -> new ArrayList<>()).add(write);
            }
        }
        return kinds;
    }

    /** Another writer appended to {@code stream} after these events were decided on it. */
    static RuntimeException conflict(String stream, long first, long last) {
        String message = "another writer appended to " + stream + " first: its events here start at sequence ["
                + first + "], the stream already holds up to [" + last + "]; decide the command again";
        return first == 0 ? new AggregateStreamCreationException(message) : new ConcurrencyException(message);
    }

    /** Stops the committer once the appends already handed over are committed; later ones fail. */
    @Override
    public void close() {
        synchronized (queue) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(CLOSE);
        }
        try {
            committer.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One command's append: its event rows, the rows stored with them, and its answer. */
    private static final class Append {
        private final List<EventRow> rows = new ArrayList<>();
        private final List<GroupedWrite> writes = new ArrayList<>();
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private CompletableFuture<Void> after;
    }
}
