package dev.parley.application;

import dev.parley.application.fork.Fork;
import dev.parley.application.integrity.EventHasher;
import dev.parley.application.integrity.HashingEventStorageEngine;
import dev.parley.application.integrity.Integrity;
import dev.parley.application.fork.Forks;
import dev.parley.application.readmodel.CatchUpListener;
import dev.parley.application.readmodel.HandledEvents;
import dev.parley.application.readmodel.ReadModels;
import dev.parley.application.storage.JdbcTransactions;
import dev.parley.application.storage.Store;
import dev.parley.projections.audit.AuditTrailProjection;
import dev.parley.projections.status.StatusHistory;
import dev.parley.projections.status.StatusProjection;
import dev.parley.projections.timeline.TimelineProjection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.SequenceEventStorageEngine;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Serializer;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * A running Parley over one store: the real Axon pipeline (command bus, aggregates, event store, process rule,
 * streaming read models) on a JDBC database. Open it with {@link #open(String)} or {@link #builder()}, close it when
 * done.
 */
public final class Parley implements AutoCloseable {

    private static final EventSchema EVENT_SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    private static final TokenSchema TOKEN_SCHEMA = TokenSchema.builder()
            .setTokenTable("token_entry")
            .setProcessorNameColumn("processor_name")
            .setSegmentColumn("segment")
            .setTokenColumn("token")
            .setTokenTypeColumn("token_type")
            .setTimestampColumn("timestamp")
            .setOwnerColumn("owner")
            .build();

    /** The processing groups of the read models, each fed by its own pooled streaming processor. */
    public static final List<String> READ_MODELS = List.of(StatusProjection.PROCESSING_GROUP,
                                                           TimelineProjection.PROCESSING_GROUP,
                                                           AuditTrailProjection.PROCESSING_GROUP);

    /** Events per read-model transaction: the models gather a batch in memory and write it at once. */
    private static final int READ_MODEL_BATCH = 500;
    /** Aggregates are snapshotted every this many events unless the builder says otherwise. */
    public static final int DEFAULT_SNAPSHOT_EVERY = 100;
    /** How long a fork waits for the record's read models before reading them. */
    private static final Duration READ_MODEL_CATCH_UP = Duration.ofMinutes(10);
    /** Events fetched per query by the streaming processors. */
    private static final int FETCH_BATCH = 1_000;

    private final Store store;
    private final Configuration configuration;
    private final ReadModels readModels;
    private final Path keyDirectory;

    private Parley(Store store, Configuration configuration, ReadModels readModels, Path keyDirectory) {
        this.store = store;
        this.configuration = configuration;
        this.readModels = readModels;
        this.keyDirectory = keyDirectory;
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
                         queries(), () -> {
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

    @Override
    public void close() {
        try {
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

        public Parley build() {
            Store store = dataSource != null ? Store.of(dataSource) : Store.open(storeUrl);
            try {
                boolean withReadModels = readModels && !dryRun;
                HandledEvents counted = new HandledEvents();
                Configuration configuration = configure(store, withReadModels, counted).start();
                return new Parley(store, configuration,
                                  withReadModels ? new ReadModels(configuration, READ_MODELS, counted) : null,
                                  keyDirectory != null ? keyDirectory
                                          : Integrity.defaultKeyDirectory(dataSource != null ? null : storeUrl));
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        }

        private Configurer configure(Store store, boolean withReadModels, HandledEvents counted) {
            JdbcTransactions transactions = new JdbcTransactions(store.dataSource());
            Serializer serializer = DomainWiring.serializer();
            StatusProjection status = new StatusProjection(transactions);
            TimelineProjection timeline = new TimelineProjection(transactions);
            AuditTrailProjection audit = new AuditTrailProjection(transactions);
            List<Object> projections = List.of(status, timeline, audit);

            Configurer configurer = DomainWiring.domain(serializer, transactions, snapshotEvery)
                    .configureEmbeddedEventStore(c -> storageEngine(c, transactions, serializer))
                    .registerQueryHandler(c -> status)
                    .registerQueryHandler(c -> timeline)
                    .registerQueryHandler(c -> audit)
                    .registerQueryHandler(c -> new StatusHistory(c.eventStore(), transactions));
            if (withReadModels) {
                configurer.eventProcessing(processing -> {
                    processing.registerTokenStore(c -> JdbcTokenStore.builder()
                                                                     .connectionProvider(transactions)
                                                                     .serializer(serializer)
                                                                     .schema(TOKEN_SCHEMA)
                                                                     .build());
                    for (String readModel : READ_MODELS) {
                        processing.registerPooledStreamingEventProcessor(
                                readModel, Configuration::eventStore,
                                (c, builder) -> builder.batchSize(READ_MODEL_BATCH).initialSegmentCount(1));
                    }
                    projections.forEach(projection -> processing.registerEventHandler(c -> projection));
                    processing.registerHandlerInterceptor(StatusProjection.PROCESSING_GROUP, c -> counted);
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
                    .schema(EVENT_SCHEMA)
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
