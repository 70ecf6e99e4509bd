package dev.parley.application;

import dev.parley.application.commandfile.AppliedLines;
import dev.parley.application.fork.Fork;
import dev.parley.application.fork.Forks;
import dev.parley.application.storage.EventHasher;
import dev.parley.application.storage.GroupCommit;
import dev.parley.application.integrity.Integrity;
import dev.parley.application.integrity.KeySource;
import dev.parley.application.messaging.ActorProvider;
import dev.parley.application.messaging.ConflictRetryScheduler;
import dev.parley.application.readmodel.CatchUpListener;
import dev.parley.application.readmodel.HandledEvents;
import dev.parley.application.readmodel.ReadModels;
import dev.parley.application.readmodel.TokenPositions;
import dev.parley.application.storage.CoalescingEventStore;
import dev.parley.application.storage.JdbcTransactions;
import dev.parley.application.storage.Store;
import dev.parley.projections.ParleyReadModels;
import dev.parley.projections.readmodel.ReadModel;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.SequenceEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Serializer;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * A running Parley over one store: the real Axon pipeline (command bus, aggregates, event store, process rule,
 * streaming read models) on a JDBC database. Open it with {@link #open(String)} or {@link #builder()}, close it when
 * done.
 */
public final class Parley implements AutoCloseable {

    /** The processing groups of the read models, each fed by its own pooled streaming processor. */
    /** The processing groups of Parley's own read models, each fed by its own pooled streaming processor. */
    public static final List<String> READ_MODELS = ParleyReadModels.ALL.stream().map(ReadModel::name).toList();

    /** Aggregates are snapshotted every this many events unless the builder says otherwise. */
    public static final int DEFAULT_SNAPSHOT_EVERY = 100;
    /** How long commits gather before they wake the read models (CoalescingEventStore). */
    private static final Duration READ_MODEL_LINGER = Duration.ofMillis(5);
    /** How long a fork waits for the record's read models before reading them. */
    private static final Duration READ_MODEL_CATCH_UP = Duration.ofMinutes(10);

    /**
     * Segments each read model's processor is split into when its tokens are first made. One per model is fastest on
     * one node (measured: 2,700 against 1,800 events/s replayed on 2 cores); several nodes then share the three
     * models, and a store meant for more nodes than models is made with more.
     */
    public static final int DEFAULT_SEGMENTS = 1;
    /** How long a node's claim on a segment lasts without being renewed; then another node may take it. */
    public static final Duration DEFAULT_CLAIM_TIMEOUT = Duration.ofSeconds(10);

    private final Store store;
    private final Configuration configuration;
    private final ReadModels readModels;
    private final boolean ownsConfiguration;
    private final KeySource keys;
    private final String origin;
    private final String nodeId;
    private final AppliedLines appliedLines;
    private final List<ReadModel> definitions;
    private final GroupCommit groupCommit;

    private Parley(Store store, Configuration configuration, ReadModels readModels, boolean ownsConfiguration,
                   KeySource keys, String origin, String nodeId, AppliedLines appliedLines,
                   List<ReadModel> definitions, GroupCommit groupCommit) {
        this.store = store;
        this.groupCommit = groupCommit;
        this.definitions = definitions;
        this.configuration = configuration;
        this.readModels = readModels;
        this.ownsConfiguration = ownsConfiguration;
        this.keys = keys;
        this.origin = origin;
        this.nodeId = nodeId;
        this.appliedLines = appliedLines;
    }

    /**
     * Opens Parley on the store at a JDBC URL, with its read models kept up to date.
     *
     * @param storeUrl a JDBC URL of H2 or PostgreSQL
     * @return the open Parley, to close when done
     * @throws dev.parley.application.storage.StoreUnusableException if the store cannot be opened or migrated
     */
    public static Parley open(String storeUrl) {
        return builder().store(storeUrl).build();
    }

    /**
     * A builder for a Parley of its own, with every setting at its default.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parley over an Axon configuration that someone else built with {@link ParleyDomainModule},
     * {@link ParleyReadModelsModule} and {@link ParleyComponents}, and starts and stops (Spring Boot's): closing
     * this Parley leaves that configuration and the store's data source alone.
     *
     * @param readModels  the read models, or null when the configuration runs none
     * @param definitions the read models the configuration declares, run or not
     *
     * @param configuration the Axon configuration, started and stopped by its owner
     * @param store the store the configuration writes to
     * @param keyDirectory the directory of the store's signing key, or null for the default
     * @param nodeId this instance's name in the token store
     * @return Parley over that configuration
     */
    public static Parley attachedTo(Configuration configuration, Store store, ReadModels readModels,
                                    Path keyDirectory, String nodeId, List<ReadModel> definitions) {
        return new Parley(store, configuration, readModels, false,
                          KeySource.directory(keyDirectory != null ? keyDirectory : attachedKeyDirectory(store)),
                          null, nodeId, null, definitions, null);
    }

    /** Earlier versions kept an attached Parley's key in ./parley-data; a key there is still used. */
    private static Path attachedKeyDirectory(Store store) {
        Path legacy = Integrity.defaultKeyDirectory(null);
        return legacy.startsWith("parley-data") ? legacy : Integrity.defaultKeyDirectory(store.url());
    }

    /**
     * The command gateway: send commands of the domain's {@code api} packages here.
     *
     * @return Axon's command gateway
     */
    public CommandGateway commands() {
        return configuration.commandGateway();
    }

    /**
     * The query gateway: ask the read models' queries here.
     *
     * @return Axon's query gateway
     */
    public QueryGateway queries() {
        return configuration.queryGateway();
    }

    /**
     * The event store, to read streams or the whole log.
     *
     * @return Axon's event store
     */
    public EventStore eventStore() {
        return configuration.eventStore();
    }

    /**
     * The store: its data source and its URL.
     *
     * @return the store
     */
    public Store store() {
        return store;
    }

    /**
     * Waits until every read model has processed every event stored so far.
     *
     * @throws TimeoutException when they do not catch up within {@code timeout}
     *
     * @param timeout how long to wait at most
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public void awaitReadModels(Duration timeout) throws TimeoutException, InterruptedException {
        readModels().await(timeout, CatchUpListener.SILENT);
    }

    /**
     * Sends {@code command}, waits for its result, then waits until every read model includes its events, so a
     * query made next sees them (read-your-writes). Call it outside any transaction of the caller's: its events are
     * only visible once that commits.
     *
     * @throws TimeoutException when the read models do not catch up within {@code timeout}
     *
     * @param command the command
     * @param timeout how long to wait for the read models at most
     * @param <R> the type of the command's result
     * @return the command's result
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public <R> R sendAndAwaitReadModels(Object command, Duration timeout)
            throws TimeoutException, InterruptedException {
        R result = commands().sendAndWait(command);
        readModels().awaitPosition(readModels().head(), timeout);
        return result;
    }

    /**
     * The streaming read models, to wait for or replay; only when this Parley runs them.
     *
     * @return the read models
     * @throws IllegalStateException when this Parley runs without read models
     */
    public ReadModels readModels() {
        if (readModels == null) {
            throw new IllegalStateException("this Parley runs without read models");
        }
        return readModels;
    }

    /**
     * What-if forks of this record, and its saved branches.
     *
     * @return the forks, which wait for the read models before a fork asks them
     */
    public Forks forks() {
        return new Forks(store.dataSource(), configuration.eventSerializer(), configuration.upcasterChain(),
                         definitions, queries(), () -> {
                             if (readModels != null) {
                                 awaitReadModels(READ_MODEL_CATCH_UP);
                             }
                         },
                         serializer -> DomainWiring.domain(serializer, NoTransactionManager.INSTANCE));
    }

    /**
     * Verification, signed checkpoints and inclusion proofs of this record, signed with the builder's key.
     *
     * @return the integrity of this record
     */
    public Integrity integrity() {
        return new Integrity(store.dataSource(), keys, origin);
    }

    /**
     * A what-if fork that sees the record up to and including {@code position}; the record stays untouched.
     *
     * @param position the last position of the record the fork sees
     * @return the fork, to close when done
     */
    public Fork fork(long position) {
        return forks().at(position);
    }

    /**
     * The lines of command files this store holds, for a {@link dev.parley.application.commandfile.CommandFileRunner}
     * that resumes; null in a dry run, which stores nothing and so skips nothing.
     *
     * @return the applied lines, or null
     */
    public AppliedLines appliedLines() {
        return appliedLines;
    }

    /**
     * The group commit of this Parley's appends, for a sender that lets commits overlap with deciding
     * ({@link GroupCommit#deferring}); null when Parley does not own its transactions or in a dry run.
     *
     * @return the group commit, or null
     */
    public GroupCommit groupCommit() {
        return groupCommit;
    }

    /**
     * This instance's name in the shared token store: which segments it holds shows under this owner.
     *
     * @return the node id
     */
    public String nodeId() {
        return nodeId;
    }

    @Override
    public void close() {
        try {
            if (readModels != null) {
                readModels.close();
            }
            if (ownsConfiguration) {
                configuration.shutdown();
            }
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
        private KeySource keySource;
        private String origin;
        private int segments = DEFAULT_SEGMENTS;
        private Duration claimTimeout = DEFAULT_CLAIM_TIMEOUT;
        private ActorProvider actors = ActorProvider.operatingSystemUser();
        private int commandRetries = ConflictRetryScheduler.DEFAULT_MAX_RETRIES;
        private Duration commandBackoff = ConflictRetryScheduler.DEFAULT_BACKOFF;
        private final List<ReadModel> definitions = new ArrayList<>(ParleyReadModels.ALL);

        /**
         * The store to open: a JDBC URL of H2 or PostgreSQL.
         *
         * @param storeUrl the URL
         * @return this builder
         */
        public Builder store(String storeUrl) {
            this.storeUrl = storeUrl;
            return this;
        }

        /**
         * Use the embedding application's {@link DataSource} instead of a URL: Parley migrates its schema and uses
         * it, and leaves it open when closed.
         *
         * @param dataSource the application's data source
         * @return this builder
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /**
         * Decide commands against the stored history but keep their events in memory, so nothing is written to the
         * store. Read models are off.
         *
         * @param dryRun true for a dry run
         * @return this builder
         */
        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        /**
         * Snapshot each aggregate every {@code events} events (0 for never), so that loading a long stream reads the
         * latest snapshot and the events after it.
         *
         * @param events how many events between snapshots, 0 for none
         * @return this builder
         */
        public Builder snapshotEvery(int events) {
            if (events < 0) {
                throw new IllegalArgumentException("snapshotEvery must be 0 or more, was " + events);
            }
            this.snapshotEvery = events;
            return this;
        }

        /**
         * Whether to run the streaming read models (on by default).
         *
         * @param readModels false to run none
         * @return this builder
         */
        public Builder readModels(boolean readModels) {
            this.readModels = readModels;
            return this;
        }

        /**
         * The directory of the store's Ed25519 signing key (made on first use, 0600 in a 0700 directory); by default
         * {@link Integrity#defaultKeyDirectory}: the key earlier versions made beside an H2 store when it is there,
         * else a directory per store under {@code $XDG_CONFIG_HOME/parley/keys}.
         *
         * @param keyDirectory the directory of the signing key; made, with a new key, when missing
         * @return this builder
         */
        public Builder keys(Path keyDirectory) {
            this.keyDirectory = keyDirectory;
            return this;
        }

        /**
         * The store's signing key from elsewhere: a PKCS#12 keystore or a key given as text ({@link KeySource}).
         *
         * @param keySource where the key comes from
         * @return this builder
         */
        public Builder keys(KeySource keySource) {
            this.keySource = keySource;
            return this;
        }

        /**
         * The log's origin, its name in checkpoints (a key name: no spaces, no plus sign); by default the store's own
         * ({@link Integrity#origin()}).
         *
         * @param origin the log's origin
         * @return this builder
         */
        public Builder origin(String origin) {
            this.origin = origin;
            return this;
        }

        /**
         * How many segments each read model is split into when the store's tokens are first made (later opens keep
         * what the store has). Nodes sharing a store share these segments out; one node processes them in
         * parallel.
         *
         * @param segments the number of segments of each read model
         * @return this builder
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
         *
         * @param claimTimeout how long a claim lasts
         * @return this builder
         */
        public Builder claimTimeout(Duration claimTimeout) {
            if (claimTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("claimTimeout must be at least 1 s, was " + claimTimeout);
            }
            this.claimTimeout = claimTimeout;
            return this;
        }

        /**
         * Who sends the commands that do not name their actor; the operating-system user unless told otherwise, and
         * whenever {@code actors} cannot tell.
         *
         * @param actors who acts
         * @return this builder
         */
        public Builder actors(ActorProvider actors) {
            this.actors = actors;
            return this;
        }

        /**
         * How often a command that lost a race with another writer on its aggregate is decided again (0 for never),
         * the first retry after {@code backoff}, each further one after twice the pause before it.
         *
         * @param maxRetries the most retries of one command
         * @param backoff the pause before the first retry
         * @return this builder
         */
        public Builder commandRetries(int maxRetries, Duration backoff) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("command retries must be 0 or more, was " + maxRetries);
            }
            this.commandRetries = maxRetries;
            this.commandBackoff = backoff;
            return this;
        }

        /**
         * Runs {@code readModel} beside Parley's own: its migrations run on opening, its projection in a processor of
         * its own; replays, their comparison, forks and lag reports include it.
         *
         * @param readModel the read model's declaration
         * @return this builder
         */
        public Builder readModel(ReadModel readModel) {
            if (definitions.stream().anyMatch(known -> known.name().equals(readModel.name()))) {
                throw new IllegalArgumentException("there is already a read model named " + readModel.name());
            }
            definitions.add(readModel);
            return this;
        }

        /**
         * Opens the store, migrates it, and starts Axon with Parley's domain and read models.
         *
         * @return the running Parley, to close when done
         * @throws dev.parley.application.storage.StoreUnusableException if the store cannot be opened or migrated
         */
        public Parley build() {
            List<ReadModel> declared = List.copyOf(definitions);
            List<ReadModel.Migrations> migrations = declared.stream().map(ReadModel::migrations).distinct().toList();
            Store store = dataSource != null ? Store.of(dataSource, migrations) : Store.open(storeUrl, migrations);
            String nodeId = ParleyComponents.newNodeId();
            Configuration configuration = null;
            GroupCommit groupCommit = null;
            try {
                boolean withReadModels = readModels && !dryRun;
                HandledEvents counted = new HandledEvents();
                Serializer serializer = DomainWiring.serializer();
                JdbcTransactions transactions = new JdbcTransactions(store.dataSource());
                groupCommit = dryRun ? null : new GroupCommit(store.dataSource(), new EventHasher(transactions));
                GroupCommit grouped = groupCommit;
                AppliedLines applied = dryRun ? null : new AppliedLines(transactions, grouped);
                Configurer configurer = DomainWiring.domain(serializer, transactions, snapshotEvery, true,
                                                            applied == null ? List.of() : List.of(applied), actors,
                                                            commandRetries, commandBackoff)
                        .configureEventStore(c -> eventStore(c, storageEngine(c, transactions, grouped),
                                                             withReadModels))
                        .registerComponent(TokenStore.class,
                                           c -> ParleyComponents.tokenStore(transactions, nodeId, claimTimeout));
                new ParleyReadModelsModule(store.dataSource(), transactions, withReadModels, segments, claimTimeout,
                                           nodeId, counted, name -> false, declared).configureModule(configurer);
                configuration = configurer.start();
                if (groupCommit != null) {
                    groupCommit.onDiscardedDecisions(configuration.getComponent(AggregateCaches.class)::forgetAll);
                }
                ReadModels models = withReadModels
                        ? new ReadModels(configuration, declared, counted, store.dataSource(),
                                         new TokenPositions(store.dataSource(), serializer))
                        : null;
                if (models != null) {
                    models.cleanUpAbandonedRebuild();
                }
                KeySource keys = keySource != null ? keySource : KeySource.directory(
                        keyDirectory != null ? keyDirectory
                                : Integrity.defaultKeyDirectory(dataSource != null ? null : storeUrl));
                return new Parley(store, configuration, models, true, keys, origin, nodeId, applied, declared,
                                  groupCommit);
            } catch (RuntimeException e) {
                if (configuration != null) {
                    configuration.shutdown();
                }
                if (groupCommit != null) {
                    groupCommit.close();
                }
                store.close();
                throw e;
            }
        }

        /**
         * Axon's embedded event store; while read models run, commits wake them at most once per
         * {@link #READ_MODEL_LINGER}, so that caught-up models project commands in batches, not one by one.
         */
        private static EventStore eventStore(Configuration configuration, EventStorageEngine engine,
                                             boolean withReadModels) {
            EmbeddedEventStore.Builder builder = EmbeddedEventStore.builder().storageEngine(engine).messageMonitor(
                    configuration.messageMonitor(EmbeddedEventStore.class, "eventStore"));
            EmbeddedEventStore eventStore = withReadModels
                    ? new CoalescingEventStore(builder, READ_MODEL_LINGER) : builder.build();
            configuration.onShutdown(eventStore::shutDown);
            return eventStore;
        }

        /**
         * The store's events; appends are committed in groups ({@link GroupCommit}), which stops with the
         * configuration once the appends handed over are committed. A dry run keeps new events in memory.
         */
        private EventStorageEngine storageEngine(Configuration configuration, JdbcTransactions transactions,
                                                 GroupCommit groupCommit) {
            if (dryRun) {
                return new SequenceEventStorageEngine(
                        ParleyComponents.eventStorageEngine(transactions, transactions, configuration.upcasterChain(),
                                                            configuration.eventSerializer()),
                        new InMemoryEventStorageEngine());
            }
            configuration.onShutdown(groupCommit::close);
            return ParleyComponents.eventStorageEngine(transactions, configuration.upcasterChain(),
                                                       configuration.eventSerializer(), groupCommit);
        }
    }
}
