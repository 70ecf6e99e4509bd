package dev.parley.application.readmodel;

import dev.parley.projections.readmodel.ReadModel;
import dev.parley.projections.schema.Tables.DomainEvents;
import dev.parley.projections.schema.Tables.Tokens;
import dev.parley.projections.support.StoredJson;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One rebuild of every read model, beside the live ones: the event table is read once, in position order, each
 * event deserialized once and handed to every read model's projection through Axon's handler invocation, into a
 * {@link ShadowSchema}, while the live processors go on and queries read the live tables. Then the live processors
 * pause, the rebuild takes every segment's claim, catches up with what was stored meanwhile and, in one transaction,
 * puts the rebuilt rows in place of the live ones and sets every segment's token to the position it reached. A live
 * processor that is far behind the head when the rebuild starts pauses at once instead: its tables stay as they
 * are, and the rebuild brings it to the head sooner than it would get there itself, both reading the store at once.
 *
 * <p>Taking the claims is what keeps other nodes out: Axon's token store writes a batch's token only where its node
 * still owns the claim, in the batch's transaction, so a batch another node had under way when the claims were taken
 * rolls back whole, and no node claims a segment again until the swap released it, at the rebuilt position.
 *
 * <p>A rebuild holds a lease in the token table ({@value #LEASE}), renewed while it runs: a second rebuild is refused
 * while it is fresh, and a schema left by a rebuild that died is dropped once it has expired.
 */
final class Rebuild {

    /** Events per transaction of the rebuild: the projections write each batch once. */
    static final int BATCH = 2_000;
    /** Connections, and threads, writing the read models side by side; several models share one beyond this. */
    static final int WRITERS = 3;
    /** Batches handed to the writers and not yet written: the reader deserializes the next meanwhile. */
    private static final int IN_FLIGHT = 1;
    /** The token-table row of the rebuild's lease, beside the processors' own rows. */
    static final String LEASE = "__parley_rebuild";
    /** A lease not renewed for this long belongs to a rebuild that died. */
    static final Duration LEASE_TIMEOUT = Duration.ofSeconds(30);
    private static final long RENEW_EVERY_NANOS = 1_000_000_000L;

    private static final String EVENTS = "SELECT " + String.join(", ", DomainEvents.GLOBAL_INDEX,
                                                                  DomainEvents.EVENT_IDENTIFIER,
                                                                  DomainEvents.AGGREGATE_IDENTIFIER,
                                                                  DomainEvents.SEQUENCE_NUMBER, DomainEvents.TYPE,
                                                                  DomainEvents.TIME_STAMP, DomainEvents.PAYLOAD_TYPE,
                                                                  DomainEvents.PAYLOAD_REVISION, DomainEvents.PAYLOAD,
                                                                  DomainEvents.META_DATA)
            + " FROM " + DomainEvents.TABLE + " WHERE " + DomainEvents.GLOBAL_INDEX + " > ? ORDER BY "
            + DomainEvents.GLOBAL_INDEX + " FETCH FIRST " + BATCH + " ROWS ONLY";

    private static final Logger logger = LoggerFactory.getLogger(Rebuild.class);

    private final Configuration configuration;
    private final List<ReadModel> models;
    private final DataSource dataSource;
    private final Serializer tokenSerializer;
    private final Function<String, StreamingEventProcessor> processors;
    private final LongSupplier head;
    private final Predicate<String> farBehind;
    private final ShadowSchema shadow;
    private final String owner;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private long renewedAt;

    Rebuild(Configuration configuration, List<ReadModel> models, DataSource dataSource, Serializer tokenSerializer,
            Function<String, StreamingEventProcessor> processors, LongSupplier head, Predicate<String> farBehind) {
        this.configuration = configuration;
        this.models = List.copyOf(models);
        this.dataSource = dataSource;
        this.tokenSerializer = tokenSerializer;
        this.processors = processors;
        this.head = head;
        this.farBehind = farBehind;
        this.shadow = new ShadowSchema(dataSource, models);
        this.owner = "rebuild " + ManagementFactory.getRuntimeMXBean().getName() + " " + UUID.randomUUID();
    }

    /** Asks the rebuild to stop before it swaps; it then leaves the live read models as they are. */
    void cancel() {
        cancelled.set(true);
    }

    /** What a rebuild did: the events it gave the read models and the position they reached. */
    record Outcome(long events, long position) {
    }

    Outcome run(CatchUpListener listener) throws SQLException {
        long start = System.nanoTime();
        acquireLease();
        List<StreamingEventProcessor> paused = new ArrayList<>();
        boolean claimed = false;
        try {
            pause(models.stream().filter(model -> farBehind.test(model.name())).toList(), paused);
            logger.debug("rebuild: processors far behind paused after {} ms", millisSince(start));
            shadow.create();
            logger.debug("rebuild: shadow schema ready after {} ms", millisSince(start));
            Progress progress = new Progress(start, head.getAsLong(), listener);
            try (Writers writers = new Writers(progress)) {
                stream(writers, progress);
                logger.debug("rebuild: {} events rebuilt after {} ms", progress.events, millisSince(start));
                stopIfCancelled();
                shadow.analyze();
                pause(models, paused);
                claimed = true;
                claimEverySegment();
                logger.debug("rebuild: processors paused and claims taken after {} ms", millisSince(start));
                progress.head = head.getAsLong();
                stream(writers, progress);
            }
            stopIfCancelled();
            swap(progress.position);
            claimed = false;
            logger.debug("rebuild: swapped in at position {} after {} ms", progress.position, millisSince(start));
            return new Outcome(progress.events, progress.position);
        } finally {
            try {
                if (claimed) {
                    releaseClaims();
                }
            } finally {
                paused.forEach(StreamingEventProcessor::start);
                dropShadowAndLease();
            }
        }
    }

    /** Pauses the processors of {@code toPause} not paused yet, all at once, and adds them to {@code paused}. */
    private void pause(List<ReadModel> toPause, List<StreamingEventProcessor> paused) {
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (ReadModel model : toPause) {
            StreamingEventProcessor processor = processors.apply(model.name());
            if (!paused.contains(processor)) {
                stopping.add(processor.shutdownAsync());
                paused.add(processor);
            }
        }
        CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private void stopIfCancelled() {
        if (cancelled.get()) {
            throw new CancellationException("the rebuild was stopped; the live read models are as they were");
        }
    }

    /** How far the rebuild has come. */
    private static final class Progress {
        private final long start;
        private final CatchUpListener listener;
        private long head;
        private long events;
        private long position = -1;

        private Progress(long start, long head, CatchUpListener listener) {
            this.start = start;
            this.head = head;
            this.listener = listener;
        }

        private void batch(int events, long position) {
            this.events += events;
            this.position = position;
            listener.rebuilt(new RebuildProgress(this.events, position, Math.max(head, position),
                                                 Duration.ofNanos(System.nanoTime() - start)));
        }
    }

    /**
     * Every event after {@code progress.position}, read once, in position order, into the rebuilt models: this thread
     * reads and deserializes each batch while the writers write the batches before it. The batches are pages of one
     * prepared query ({@code global_index} above the last one read), each a short read of its own: H2 can lose the
     * pages under one long lazy scan while other connections write (h2database issue 4142), and PostgreSQL keeps no
     * snapshot open for the whole rebuild.
     */
    private void stream(Writers writers, Progress progress) throws SQLException {
        try (Connection reader = dataSource.getConnection();
             PreparedStatement select = reader.prepareStatement(EVENTS)) {
            select.setFetchSize(BATCH);
            long position = progress.position;
            while (true) {
                List<TrackedEventData<?>> batch = new ArrayList<>(BATCH);
                select.setLong(1, position);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        position = rows.getLong(DomainEvents.GLOBAL_INDEX);
                        batch.add(entry(rows, position));
                    }
                }
                if (!batch.isEmpty()) {
                    writers.write(deserialize(batch), batch.size(), position);
                    stopIfCancelled();
                    renewLease();
                }
                if (batch.size() < BATCH) {
                    break;
                }
            }
            writers.awaitWritten();
        }
    }

    /**
     * A batch upcast and deserialized by the configuration's event serializer and upcasters, as a processor would,
     * payloads and metadata deserialized here, once, so that every writer only reads them.
     */
    private List<TrackedEventMessage<?>> deserialize(List<TrackedEventData<?>> batch) {
        List<TrackedEventMessage<?>> messages = EventUtils.upcastAndDeserializeTrackedEvents(
                batch.stream(), configuration.eventSerializer(), configuration.upcasterChain())
                                                          .collect(Collectors.toList());
        for (TrackedEventMessage<?> message : messages) {
            message.getPayload();
            message.getMetaData();
        }
        return messages;
    }

    /** A stored event as Axon's JDBC storage engine reads it, tracked at its position. */
    private static TrackedEventData<byte[]> entry(ResultSet rows, long position) throws SQLException {
        return new TrackedDomainEventData<>(
                GapAwareTrackingToken.newInstance(position, Set.of()),
                new GenericDomainEventEntry<>(rows.getString(DomainEvents.TYPE),
                                              rows.getString(DomainEvents.AGGREGATE_IDENTIFIER),
                                              rows.getLong(DomainEvents.SEQUENCE_NUMBER),
                                              rows.getString(DomainEvents.EVENT_IDENTIFIER),
                                              rows.getString(DomainEvents.TIME_STAMP),
                                              rows.getString(DomainEvents.PAYLOAD_TYPE),
                                              rows.getString(DomainEvents.PAYLOAD_REVISION),
                                              rows.getBytes(DomainEvents.PAYLOAD),
                                              rows.getBytes(DomainEvents.META_DATA)));
    }

    /**
     * The read models' writers, side by side: the models spread over up to {@value #WRITERS} connections, each
     * written by a thread of its own, in its own transactions, while the reader deserializes the next batch; at most
     * {@value #IN_FLIGHT} handed over and not yet written.
     * A batch counts as rebuilt once every writer has committed it.
     */
    private final class Writers implements AutoCloseable {

        /** A batch handed to the writers, and what each did with it. */
        private record Written(int events, long position, List<Future<?>> writes) {
        }

        private final Progress progress;
        private final List<Writer> writers = new ArrayList<>();
        private final Deque<Written> inFlight = new ArrayDeque<>();
        private final AtomicBoolean stopped = new AtomicBoolean();

        private Writers(Progress progress) throws SQLException {
            this.progress = progress;
            int count = Math.min(WRITERS, models.size());
            List<List<ReadModel>> groups = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                groups.add(new ArrayList<>());
            }
            for (int i = 0; i < models.size(); i++) {
                groups.get(i % count).add(models.get(i));
            }
            try {
                for (List<ReadModel> group : groups) {
                    writers.add(new Writer(group, stopped));
                }
            } catch (SQLException | RuntimeException e) {
                close();
                throw e;
            }
        }

        /** Hands a batch to every writer, once the oldest batch in flight is written if too many are. */
        void write(List<TrackedEventMessage<?>> messages, int events, long position) {
            while (inFlight.size() >= IN_FLIGHT) {
                written(inFlight.removeFirst());
            }
            List<Future<?>> writes = new ArrayList<>(writers.size());
            for (Writer writer : writers) {
                writes.add(writer.write(messages));
            }
            inFlight.addLast(new Written(events, position, writes));
        }

        /** Waits until every batch handed over is written. */
        void awaitWritten() {
            while (!inFlight.isEmpty()) {
                written(inFlight.removeFirst());
            }
        }

        private void written(Written batch) {
            for (Future<?> write : batch.writes()) {
                try {
                    write.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException failure ? failure
                            : new IllegalStateException("a read model failed to rebuild: " + e.getCause(),
                                                        e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("the rebuild was interrupted");
                }
            }
            progress.batch(batch.events(), batch.position());
        }

        /** Stops the writers (batches not begun are skipped) and gives back their connections. */
        @Override
        public void close() {
            stopped.set(true);
            writers.forEach(Writer::close);
        }
    }

    /**
     * Some read models' projections over a connection of their own, invoked as their processors invoke them: each
     * batch handled in a {@link BatchingUnitOfWork} whose transaction is the connection's, on the writer's thread.
     */
    private final class Writer {

        private final Serializer serializer = configuration.eventSerializer();
        private final SimpleEventHandlerInvoker invoker;
        private final Connection connection;
        private final ShadowSchema.Restore restore;
        private final OneConnection transaction;
        private final ExecutorService thread;
        private final AtomicBoolean stopped;

        private Writer(List<ReadModel> group, AtomicBoolean stopped) throws SQLException {
            this.stopped = stopped;
            connection = dataSource.getConnection();
            try {
                connection.setAutoCommit(false);
                restore = shadow.use(connection);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            transaction = new OneConnection(connection);
            List<EventMessageHandler> handlers = new ArrayList<>();
            for (ReadModel model : group) {
                Object projection = model.projection().create(transaction);
                handlers.add(new AnnotationEventHandlerAdapter(projection, configuration.parameterResolverFactory(),
                                                               configuration.handlerDefinition(
                                                                       projection.getClass())));
            }
            invoker = SimpleEventHandlerInvoker.builder()
                                               .eventHandlers(handlers)
                                               .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                                               .build();
            String name = "parley-rebuild-" + group.stream().map(ReadModel::name).collect(Collectors.joining("+"));
            thread = Executors.newSingleThreadExecutor(work -> {
                Thread writer = new Thread(work, name);
                writer.setDaemon(true);
                return writer;
            });
        }

        Future<?> write(List<TrackedEventMessage<?>> messages) {
            return thread.submit(() -> handle(messages));
        }

        private void handle(List<TrackedEventMessage<?>> messages) {
            if (messages.isEmpty() || stopped.get()) {
                return;
            }
            BatchingUnitOfWork<TrackedEventMessage<?>> unit = new BatchingUnitOfWork<>(messages);
            unit.attachTransaction(transaction);
            unit.resources().put(StoredJson.SERIALIZER, serializer);
            ResultMessage<?> result = unit.executeWithResult(() -> {
                invoker.handle(unit.getMessage(), Segment.ROOT_SEGMENT);
                return null;
            });
            if (result.isExceptional()) {
                Throwable failure = result.exceptionResult();
                throw new IllegalStateException("a read model failed to rebuild: " + failure.getMessage(), failure);
            }
        }

        /** Lets the batch under way finish (an interrupt inside H2's file I/O would close the store), then closes. */
        void close() {
            thread.shutdown();
            boolean interrupted = false;
            while (!thread.isTerminated()) {
                try {
                    thread.awaitTermination(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            try (connection) {
                connection.rollback();
                restore.restore();
                // PostgreSQL's SET is transactional: committed, or the pool's rollback would undo the restore
                connection.commit();
            } catch (SQLException lost) {
                // the connection is gone: the pool discards it
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** The rebuild's connection, as Axon's connection provider and transaction manager of its projections. */
    private static final class OneConnection implements ConnectionProvider, TransactionManager {

        private final Connection connection;
        private final Connection unclosable;

        private OneConnection(Connection connection) {
            this.connection = connection;
            this.unclosable = (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection() {
            return unclosable;
        }

        @Override
        public Transaction startTransaction() {
            return new Transaction() {
                @Override
                public void commit() {
                    try {
                        connection.commit();
                    } catch (SQLException e) {
                        throw new IllegalStateException("cannot commit a rebuilt batch: " + e.getMessage(), e);
                    }
                }

                @Override
                public void rollback() {
                    try {
                        connection.rollback();
                    } catch (SQLException e) {
                        throw new IllegalStateException("cannot roll back a rebuilt batch: " + e.getMessage(), e);
                    }
                }
            };
        }
    }

    /** Takes the claim of every segment of every read model, whoever holds it, and commits at once. */
    private void claimEverySegment() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement claim = connection.prepareStatement(
                     "UPDATE " + Tokens.TABLE + " SET " + Tokens.OWNER + " = ?, " + Tokens.TIMESTAMP + " = ? WHERE "
                             + Tokens.PROCESSOR_NAME + " = ?")) {
            connection.setAutoCommit(false);
            for (ReadModel model : models) {
                claim.setString(1, owner);
                claim.setString(2, now());
                claim.setString(3, model.name());
                claim.addBatch();
            }
            claim.executeBatch();
            connection.commit();
        }
    }

    /**
     * In one transaction: locks the live tables where the swap replaces them (before the token rows, so that a batch
     * of another node holding a live table finishes, and fails on its token, rather than waits on the swap), checks
     * that the rebuild still holds every claim (locking the token rows, so that no node claims one until it commits),
     * puts the rebuilt tables in place of the live ones, and sets every segment's token to {@code position},
     * unclaimed.
     */
    private void swap(long position) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                shadow.lockLive(connection);
                try (PreparedStatement lock = connection.prepareStatement(
                        "SELECT " + Tokens.SEGMENT + ", " + Tokens.OWNER + " FROM " + Tokens.TABLE + " WHERE "
                                + Tokens.PROCESSOR_NAME + " = ? FOR UPDATE")) {
                    for (ReadModel model : models) {
                        lock.setString(1, model.name());
                        try (ResultSet rows = lock.executeQuery()) {
                            while (rows.next()) {
                                if (!owner.equals(rows.getString(Tokens.OWNER))) {
                                    throw new IllegalStateException(
                                            "segment " + rows.getInt(Tokens.SEGMENT) + " of read model "
                                                    + model.name() + " was claimed during the rebuild by "
                                                    + rows.getString(Tokens.OWNER));
                                }
                            }
                        }
                    }
                }
                stopIfCancelled();
                shadow.swapIntoLive(connection);
                SerializedObject<byte[]> token = position < 0 ? null
                        : tokenSerializer.serialize(GapAwareTrackingToken.newInstance(position, Set.of()),
                                                    byte[].class);
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE " + Tokens.TABLE + " SET " + Tokens.TOKEN + " = ?, " + Tokens.TOKEN_TYPE + " = ?, "
                                + Tokens.TIMESTAMP + " = ?, " + Tokens.OWNER + " = NULL WHERE "
                                + Tokens.PROCESSOR_NAME + " = ?")) {
                    for (ReadModel model : models) {
                        update.setBytes(1, token == null ? null : token.getData());
                        update.setString(2, token == null ? null : token.getType().getName());
                        update.setString(3, now());
                        update.setString(4, model.name());
                        update.addBatch();
                    }
                    update.executeBatch();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private void releaseClaims() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement release = connection.prepareStatement(
                     "UPDATE " + Tokens.TABLE + " SET " + Tokens.OWNER + " = NULL WHERE " + Tokens.OWNER + " = ?")) {
            release.setString(1, owner);
            release.executeUpdate();
        }
    }

    /** Takes the rebuild's lease, unless another rebuild holds it and renewed it lately. */
    private void acquireLease() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Lease held = lease(connection, true);
                if (held != null && held.owner() != null && !held.expired()) {
                    throw new IllegalStateException("another rebuild of the read models is under way (" + held.owner()
                                                            + ")");
                }
                if (held == null) {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO " + Tokens.TABLE + " (" + Tokens.PROCESSOR_NAME + ", " + Tokens.SEGMENT + ", "
                                    + Tokens.TIMESTAMP + ", " + Tokens.OWNER + ") VALUES (?, 0, ?, ?)")) {
                        insert.setString(1, LEASE);
                        insert.setString(2, now());
                        insert.setString(3, owner);
                        insert.executeUpdate();
                    }
                } else {
                    try (PreparedStatement take = connection.prepareStatement(
                            "UPDATE " + Tokens.TABLE + " SET " + Tokens.TIMESTAMP + " = ?, " + Tokens.OWNER
                                    + " = ? WHERE " + Tokens.PROCESSOR_NAME + " = ?")) {
                        take.setString(1, now());
                        take.setString(2, owner);
                        take.setString(3, LEASE);
                        take.executeUpdate();
                    }
                }
                connection.commit();
                renewedAt = System.nanoTime();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private void renewLease() throws SQLException {
        if (System.nanoTime() - renewedAt < RENEW_EVERY_NANOS) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement renew = connection.prepareStatement(
                     "UPDATE " + Tokens.TABLE + " SET " + Tokens.TIMESTAMP + " = ? WHERE " + Tokens.PROCESSOR_NAME
                             + " = ? AND " + Tokens.OWNER + " = ?")) {
            renew.setString(1, now());
            renew.setString(2, LEASE);
            renew.setString(3, owner);
            if (renew.executeUpdate() == 0) {
                throw new IllegalStateException("the rebuild lost its lease to another rebuild");
            }
        }
        renewedAt = System.nanoTime();
    }

    private void dropShadowAndLease() throws SQLException {
        shadow.drop();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM " + Tokens.TABLE + " WHERE " + Tokens.PROCESSOR_NAME + " = ? AND " + Tokens.OWNER
                             + " = ?")) {
            delete.setString(1, LEASE);
            delete.setString(2, owner);
            delete.executeUpdate();
        }
    }

    /** The rebuild's lease as the token table holds it, or null. */
    private record Lease(String owner, Instant renewed) {

        boolean expired() {
            return renewed == null || renewed.plus(LEASE_TIMEOUT).isBefore(Instant.now());
        }
    }

    private static Lease lease(Connection connection, boolean forUpdate) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + Tokens.OWNER + ", " + Tokens.TIMESTAMP + " FROM " + Tokens.TABLE + " WHERE "
                        + Tokens.PROCESSOR_NAME + " = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            select.setString(1, LEASE);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                String renewed = row.getString(Tokens.TIMESTAMP);
                return new Lease(row.getString(Tokens.OWNER),
                                 renewed == null ? null : DateTimeUtils.parseInstant(renewed));
            }
        }
    }

    /**
     * Drops what a rebuild that died left behind: its schema and its lease, once the lease expired. A rebuild still
     * renewing its lease (on this node or another) is left alone.
     */
    static void cleanUpAbandoned(DataSource dataSource, List<ReadModel> models) throws SQLException {
        Lease held;
        try (Connection connection = dataSource.getConnection()) {
            held = lease(connection, false);
        }
        if (held != null && held.owner() != null && !held.expired()) {
            return;
        }
        ShadowSchema shadow = new ShadowSchema(dataSource, models);
        if (shadow.exists()) {
            shadow.drop();
        }
        if (held != null) {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement delete = connection.prepareStatement(
                         "DELETE FROM " + Tokens.TABLE + " WHERE " + Tokens.PROCESSOR_NAME + " = ?")) {
                delete.setString(1, LEASE);
                delete.executeUpdate();
            }
        }
    }

    private static String now() {
        return DateTimeUtils.formatInstant(Instant.now());
    }
}
