package dev.parley.application;

import dev.parley.application.messaging.Provenance;
import dev.parley.application.policy.CeasefirePropagation;
import dev.parley.application.readmodel.CatchUpListener;
import dev.parley.application.readmodel.HandledEvents;
import dev.parley.application.readmodel.ReadModels;
import dev.parley.application.policy.StreamTypeGuard;
import dev.parley.application.policy.StreamTypes;
import dev.parley.application.storage.JdbcTransactions;
import dev.parley.application.storage.Store;
import dev.parley.negotiation.api.KnownIncidents;
import dev.parley.projections.json.ParleyJson;
import dev.parley.projections.audit.AuditTrailProjection;
import dev.parley.projections.status.StatusHistory;
import dev.parley.projections.status.StatusProjection;
import dev.parley.projections.timeline.TimelineProjection;
import dev.parley.shared.Aggregates;
import dev.parley.shared.MissingAggregateInterceptor;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.SequenceEventStorageEngine;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

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
    /** Events fetched per query by the streaming processors. */
    private static final int FETCH_BATCH = 1_000;

    private final Store store;
    private final Configuration configuration;
    private final ReadModels readModels;

    private Parley(Store store, Configuration configuration, ReadModels readModels) {
        this.store = store;
        this.configuration = configuration;
        this.readModels = readModels;
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
        private boolean dryRun;
        private boolean readModels = true;

        public Builder store(String storeUrl) {
            this.storeUrl = storeUrl;
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

        /** Whether to run the streaming read models (on by default). */
        public Builder readModels(boolean readModels) {
            this.readModels = readModels;
            return this;
        }

        public Parley build() {
            Store store = Store.open(storeUrl);
            try {
                boolean withReadModels = readModels && !dryRun;
                HandledEvents counted = new HandledEvents();
                Configuration configuration = configure(store, withReadModels, counted).start();
                return new Parley(store, configuration,
                                  withReadModels ? new ReadModels(configuration, READ_MODELS, counted) : null);
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        }

        private Configurer configure(Store store, boolean withReadModels, HandledEvents counted) {
            JdbcTransactions transactions = new JdbcTransactions(store.dataSource());
            Serializer serializer = JacksonSerializer.builder().objectMapper(ParleyJson.create()).build();
            StatusProjection status = new StatusProjection(transactions);
            TimelineProjection timeline = new TimelineProjection(transactions);
            AuditTrailProjection audit = new AuditTrailProjection(transactions);
            List<Object> projections = List.of(status, timeline, audit);

            Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                    .configureSerializer(c -> serializer)
                    .configureMessageSerializer(c -> serializer)
                    .configureEventSerializer(c -> serializer)
                    .configureTransactionManager(c -> transactions)
                    .configureCorrelationDataProviders(c -> List.of(new Provenance()))
                    .configureEmbeddedEventStore(c -> storageEngine(c, transactions, serializer))
                    .registerComponent(StreamTypes.class, c -> new StreamTypes(c.eventStore()))
                    .registerComponent(KnownIncidents.class, c -> c.getComponent(StreamTypes.class))
                    .configureCommandBus(Builder::commandBus)
                    .registerQueryHandler(c -> status)
                    .registerQueryHandler(c -> timeline)
                    .registerQueryHandler(c -> audit)
                    .registerQueryHandler(c -> new StatusHistory(c.eventStore(), transactions));
            Aggregates.types().forEach(configurer::configureAggregate);

            configurer.eventProcessing(processing -> {
                processing.registerTokenStore(c -> JdbcTokenStore.builder()
                                                                 .connectionProvider(transactions)
                                                                 .serializer(serializer)
                                                                 .schema(TOKEN_SCHEMA)
                                                                 .build());
                // Axon's default logs a failing event and moves on, which would leave a gap in a read model and
                // half-apply the process rule; failing the batch instead rolls it back and the processor retries.
                processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
                processing.registerSubscribingEventProcessor(CeasefirePropagation.PROCESSING_GROUP);
                processing.registerEventHandler(c -> new CeasefirePropagation(c.commandGateway()));
                if (withReadModels) {
                    for (String readModel : READ_MODELS) {
                        processing.registerPooledStreamingEventProcessor(
                                readModel, Configuration::eventStore,
                                (c, builder) -> builder.batchSize(READ_MODEL_BATCH).initialSegmentCount(1));
                    }
                    projections.forEach(projection -> processing.registerEventHandler(c -> projection));
                    processing.registerHandlerInterceptor(StatusProjection.PROCESSING_GROUP, c -> counted);
                }
            });
            return configurer;
        }

        private EventStorageEngine storageEngine(Configuration configuration, JdbcTransactions transactions,
                                                 Serializer serializer) {
            EventStorageEngine stored = JdbcEventStorageEngine.builder()
                    .connectionProvider(transactions)
                    .transactionManager(transactions)
                    .eventSerializer(serializer)
                    .snapshotSerializer(serializer)
                    .upcasterChain(configuration.upcasterChain())
                    .persistenceExceptionResolver(duplicateKeys())
                    .schema(EVENT_SCHEMA)
                    .batchSize(FETCH_BATCH)
                    .dataType(byte[].class)
                    .build();
            return dryRun ? new SequenceEventStorageEngine(stored, new InMemoryEventStorageEngine()) : stored;
        }

        private static PersistenceExceptionResolver duplicateKeys() {
            return exception -> exception instanceof java.sql.SQLException sql
                    && sql.getSQLState() != null && sql.getSQLState().startsWith("23");
        }

        private static CommandBus commandBus(Configuration configuration) {
            TransactionManager transactions = configuration.getComponent(TransactionManager.class);
            SimpleCommandBus bus = SimpleCommandBus.builder()
                                                   .transactionManager(transactions)
                                                   .messageMonitor(configuration.messageMonitor(
                                                           SimpleCommandBus.class, "commandBus"))
                                                   .build();
            bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(configuration.correlationDataProviders()));
            bus.registerHandlerInterceptor(new StreamTypeGuard(configuration.getComponent(StreamTypes.class)));
            bus.registerHandlerInterceptor(new MissingAggregateInterceptor());
            return bus;
        }
    }
}
