package dev.parley.application;

import dev.parley.application.commandfile.AppliedLines;
import dev.parley.application.fork.Fork;
import dev.parley.application.integrity.EventHasher;
import dev.parley.application.integrity.HashingEventStorageEngine;
import dev.parley.application.integrity.Integrity;
import dev.parley.application.fork.Forks;
import dev.parley.application.readmodel.CatchUpListener;
import dev.parley.application.readmodel.HandledEvents;
import dev.parley.application.readmodel.ReadModels;
import dev.parley.application.readmodel.SegmentBalancer;
import dev.parley.application.readmodel.TokenPositions;
import dev.parley.application.storage.JdbcTransactions;
import dev.parley.application.storage.Schemas;
import dev.parley.application.storage.Store;
import dev.parley.projections.ParleyReadModels;
import dev.parley.projections.readmodel.ReadModel;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.SequenceEventStorageEngine;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Serializer;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running Parley over one store: the real Axon pipeline (command bus, aggregates, event store, process rule,
 * streaming read models) on a JDBC database. Open it with {@link #open(String)} or {@link #builder()}, close it when
 * done.
 */
public final class Parley implements AutoCloseable {

    /** Events per read-model transaction: the models gather a batch in memory and write it at once. */
    private static final int READ_MODEL_BATCH = 500;
    /** Aggregates are snapshotted every this many events unless the builder says otherwise. */
    public static final int DEFAULT_SNAPSHOT_EVERY = 100;
    /** How long a fork waits for the record's read models before reading them. */
    private static final Duration READ_MODEL_CATCH_UP = Duration.ofMinutes(10);
    /** How often a node looks for segments nobody holds, and shares segments out with the other nodes. */
    private static final Duration CLAIM_FREE_SEGMENTS_EVERY = Duration.ofSeconds(1);
    private static final Duration BALANCE_EVERY = Duration.ofSeconds(1);
    /** Events fetched per query by the streaming processors. */
    private static final int FETCH_BATCH = 1_000;

    /**
     * Segments each read model's processor is split into when its tokens are first made. One per model is fastest on
     * one node (measured: 2,700 against 1,800 events/s replayed on 2 cores); several nodes then share the three
     * models, and a store meant for more nodes than models is made with more.
     */
    public static final int DEFAULT_SEGMENTS = 1;
    /** How long a node's claim on a segment lasts without being renewed; then another node may take it. */
    public static final Duration DEFAULT_CLAIM_TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Store store;
    private final Configuration configuration;
    private final ReadModels readModels;
    private final SegmentBalancer balancer;
    private final Path keyDirectory;
    private final String nodeId;
    private final AppliedLines appliedLines;
    private final List<ReadModel> definitions;

    private Parley(Store store, Configuration configuration, ReadModels readModels, SegmentBalancer balancer,
                   Path keyDirectory, String nodeId, AppliedLines appliedLines, List<ReadModel> definitions) {
        this.store = store;
        this.definitions = definitions;
        this.configuration = configuration;
        this.readModels = readModels;
        this.balancer = balancer;
        this.keyDirectory = keyDirectory;
        this.nodeId = nodeId;
        this.appliedLines = appliedLines;
    }

    /** Opens Parley on the store at a JDBC URL, with its read models kept up to date. */
    public static Parley open(String storeUrl) {
        return builder().store(storeUrl).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public CommandGateway commands() {
        return configuration.commandGateway();
    }

    public QueryGateway queries() {
        return configuration.queryGateway();
    }

    public EventStore eventStore() {
        return configuration.eventStore();
    }

    public Store store() {
        return store;
    }

    /**
     * Waits until every read model has processed every event stored so far.
     *
     * @throws TimeoutException when they do not catch up within {@code timeout}
     */
    public void awaitReadModels(Duration timeout) throws TimeoutException, InterruptedException {
        readModels().await(timeout, CatchUpListener.SILENT);
    }

    /** The streaming read models, to wait for or replay; only when this Parley runs them. */
    public ReadModels readModels() {
        if (readModels == null) {
            throw new IllegalStateException("this Parley runs without read models");
        }
        return readModels;
    }

    /** What-if forks of this record, and its saved branches. */
    public Forks forks() {
        return new Forks(store.dataSource(), configuration.eventSerializer(), configuration.upcasterChain(),
                         definitions, queries(), () -> {
                             if (readModels != null) {
                                 awaitReadModels(READ_MODEL_CATCH_UP);
                             }
                         },
                         serializer -> DomainWiring.domain(serializer, NoTransactionManager.INSTANCE));
    }

    /** Verification, signed checkpoints and inclusion proofs of this record, signed with the builder's key. */
    public Integrity integrity() {
        return new Integrity(store.dataSource(), keyDirectory);
    }

    /** A what-if fork that sees the record up to and including {@code position}; the record stays untouched. */
    public Fork fork(long position) {
        return forks().at(position);
    }

    /**
     * The lines of command files this store holds, for a {@link dev.parley.application.commandfile.CommandFileRunner}
     * that resumes; null in a dry run, which stores nothing and so skips nothing.
     */
    public AppliedLines appliedLines() {
        return appliedLines;
    }

    /** This instance's name in the shared token store: which segments it holds shows under this owner. */
    public String nodeId() {
        return nodeId;
    }

    @Override
    public void close() {
        try {
            if (balancer != null) {
                balancer.close();
            }
            configuration.shutdown();
        } finally {
            store.close();
        }
    }

    /** How to open Parley. */
    public static final class Builder {

        private String storeUrl = Store.DEFAULT_URL;
        private DataSource dataSource;
        private int snapshotEvery = DEFAULT_SNAPSHOT_EVERY;
        private boolean dryRun;
        private boolean readModels = true;
        private Path keyDirectory;
        private int segments = DEFAULT_SEGMENTS;
        private Duration claimTimeout = DEFAULT_CLAIM_TIMEOUT;
        private final List<ReadModel> definitions = new ArrayList<>(ParleyReadModels.ALL);

        public Builder store(String storeUrl) {
            this.storeUrl = storeUrl;
            return this;
        }

        /**
         * Use the embedding application's {@link DataSource} instead of a URL: Parley migrates its schema and uses
         * it, and leaves it open when closed.
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /**
         * Decide commands against the stored history but keep their events in memory, so nothing is written to the
         * store. Read models are off.
         */
        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        /**
         * Snapshot each aggregate every {@code events} events (0 for never), so that loading a long stream reads the
         * latest snapshot and the events after it.
         */
        public Builder snapshotEvery(int events) {
            if (events < 0) {
                throw new IllegalArgumentException("snapshotEvery must be 0 or more, was " + events);
            }
            this.snapshotEvery = events;
            return this;
        }

        /** Whether to run the streaming read models (on by default). */
        public Builder readModels(boolean readModels) {
            this.readModels = readModels;
            return this;
        }

        /**
         * Where the store's Ed25519 signing key lives (made on first use); by default beside an H2 store's file,
         * else {@code ./parley-data}.
         */
        public Builder keys(Path keyDirectory) {
            this.keyDirectory = keyDirectory;
            return this;
        }

        /**
         * How many segments each read model is split into when the store's tokens are first made (later opens keep
         * what the store has). Nodes sharing a store share these segments out; one node processes them in
         * parallel.
         */
        public Builder segments(int segments) {
            if (segments < 1) {
                throw new IllegalArgumentException("segments must be 1 or more, was " + segments);
            }
            this.segments = segments;
            return this;
        }

        /**
         * How long this node's claim on a read-model segment lasts unless renewed; when a node dies, the others take
         * its segments over after this long.
         */
        public Builder claimTimeout(Duration claimTimeout) {
            if (claimTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("claimTimeout must be at least 1 s, was " + claimTimeout);
            }
            this.claimTimeout = claimTimeout;
            return this;
        }

        /**
         * Runs {@code readModel} beside Parley's own: its migrations run on opening, its projection in a processor of
         * its own; replays, their comparison, forks and lag reports include it.
         */
        public Builder readModel(ReadModel readModel) {
            if (definitions.stream().anyMatch(known -> known.name().equals(readModel.name()))) {
                throw new IllegalArgumentException("there is already a read model named " + readModel.name());
            }
            definitions.add(readModel);
            return this;
        }

        public Parley build() {
            List<ReadModel> models = List.copyOf(definitions);
            Set<ReadModel.Migrations> migrations = new LinkedHashSet<>();
            models.forEach(model -> migrations.add(model.migrations()));
            Store store = dataSource != null ? Store.of(dataSource, List.copyOf(migrations))
                    : Store.open(storeUrl, List.copyOf(migrations));
            String nodeId = ManagementFactory.getRuntimeMXBean().getName() + "#" + INSTANCES.incrementAndGet();
            SegmentBalancer balancer = null;
            try {
                boolean withReadModels = readModels && !dryRun;
                HandledEvents counted = new HandledEvents();
                Serializer serializer = DomainWiring.serializer();
                JdbcTransactions transactions = new JdbcTransactions(store.dataSource());
                AppliedLines applied = dryRun ? null : new AppliedLines(transactions);
                Configuration configuration = configure(models, transactions, applied, withReadModels, counted,
                                                        serializer, nodeId).start();
                ReadModels running = null;
                if (withReadModels) {
                    running = new ReadModels(configuration, models, counted, store.dataSource(),
                                             new TokenPositions(store.dataSource(), serializer));
                    balancer = SegmentBalancer.start(store.dataSource(), nodeId, running.names(), running::processor,
                                                     BALANCE_EVERY, claimTimeout);
                }
                return new Parley(store, configuration, running, balancer,
                                  keyDirectory != null ? keyDirectory
                                          : Integrity.defaultKeyDirectory(dataSource != null ? null : storeUrl),
                                  nodeId, applied, models);
            } catch (RuntimeException e) {
                if (balancer != null) {
                    balancer.close();
                }
                store.close();
                throw e;
            }
        }

        private Configurer configure(List<ReadModel> models, JdbcTransactions transactions,
                                     AppliedLines appliedLines, boolean withReadModels, HandledEvents counted,
                                     Serializer serializer, String nodeId) {
            Configurer configurer = DomainWiring.domain(serializer, transactions, snapshotEvery, true,
                                                        appliedLines == null ? List.of() : List.of(appliedLines))
                    .configureEmbeddedEventStore(c -> storageEngine(c, transactions, serializer));
            List<Object> projections = new ArrayList<>();
            for (ReadModel model : models) {
                Object projection = model.projection().create(transactions);
                projections.add(projection);
                configurer.registerQueryHandler(c -> projection);
                if (model.historyAnswers() != null) {
                    configurer.registerQueryHandler(c -> model.historyAnswers().create(c.eventStore(), transactions));
                }
            }
            if (withReadModels) {
                configurer.eventProcessing(processing -> {
                    processing.registerTokenStore(c -> JdbcTokenStore.builder()
                                                                     .connectionProvider(transactions)
                                                                     .serializer(serializer)
                                                                     .schema(Schemas.TOKENS)
                                                                     .nodeId(nodeId)
                                                                     .claimTimeout(claimTimeout)
                                                                     .build());
                    long renewClaimsEvery = Math.min(5_000, claimTimeout.toMillis() / 3);
                    for (int index = 0; index < models.size(); index++) {
                        String name = models.get(index).name();
                        Object projection = projections.get(index);
                        processing.registerPooledStreamingEventProcessor(
                                name, Configuration::eventStore,
                                (c, builder) -> builder.batchSize(READ_MODEL_BATCH)
                                                       .initialSegmentCount(segments)
                                                       .tokenClaimInterval(CLAIM_FREE_SEGMENTS_EVERY.toMillis())
                                                       .claimExtensionThreshold(renewClaimsEvery));
                        // The definition's name places the projection, whatever its own annotation says.
                        processing.assignHandlerInstancesMatching(name, handler -> handler == projection);
                        processing.registerEventHandler(c -> projection);
                    }
                    // Every read model sees every event, so counting one model's events counts a replay's events.
                    processing.registerHandlerInterceptor(models.get(0).name(), c -> counted);
                });
            }
            return configurer;
        }

        private EventStorageEngine storageEngine(Configuration configuration, JdbcTransactions transactions,
                                                 Serializer serializer) {
            JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                    .connectionProvider(transactions)
                    .transactionManager(transactions)
                    .eventSerializer(serializer)
                    .snapshotSerializer(DomainWiring.snapshotSerializer())
                    .upcasterChain(configuration.upcasterChain())
                    .persistenceExceptionResolver(duplicateKeys())
                    .schema(Schemas.EVENTS)
                    .batchSize(FETCH_BATCH)
                    .dataType(byte[].class);
            EventStorageEngine stored = new HashingEventStorageEngine(builder, new EventHasher(transactions),
                                                                      transactions);
            return dryRun ? new SequenceEventStorageEngine(stored, new InMemoryEventStorageEngine()) : stored;
        }

        private static PersistenceExceptionResolver duplicateKeys() {
            return exception -> exception instanceof java.sql.SQLException sql
                    && sql.getSQLState() != null && sql.getSQLState().startsWith("23");
        }
    }
}
