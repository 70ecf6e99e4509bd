package dev.parley.benchmarks;

import dev.parley.projections.ParleyReadModels;
import dev.parley.projections.readmodel.ReadModel;
import dev.parley.application.storage.Schemas;
import dev.parley.application.policy.StreamTypes;
import dev.parley.application.storage.JdbcTransactions;
import dev.parley.negotiation.api.KnownIncidents;
import dev.parley.projections.json.ParleyJson;
import dev.parley.shared.Aggregates;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;

/**
 * The baseline "stock Axon 4.13 defaults": the same two aggregates, registered with
 * {@code AggregateConfigurer.defaultConfiguration} (no snapshots, no cache), Axon's default command bus, a plain
 * {@link JdbcEventStorageEngine} on the same schema (migrated by Parley's Store first) and, for read models, the three
 * Parley projections on stock tracking processors (batch size 1, one thread, one segment). What Axon cannot do
 * without is set as Parley sets it: Jackson (XStream is banned), a JDBC transaction manager and a duplicate-key
 * resolver. The only domain component registered is {@link KnownIncidents}, which a negotiation's ceasefire handler
 * takes as a parameter, so the aggregate cannot be inspected without it.
 */
final class StockAxon {

    static final List<String> READ_MODELS = ParleyReadModels.ALL.stream().map(ReadModel::name).toList();

    private StockAxon() {
    }

    /** Starts stock Axon on a migrated store; with {@code readModels}, the projections on tracking processors. */
    static Configuration start(DataSource dataSource, boolean readModels) {
        JdbcTransactions transactions = new JdbcTransactions(dataSource);
        Serializer serializer = JacksonSerializer.builder().objectMapper(ParleyJson.create()).build();
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .registerComponent(KnownIncidents.class, c -> new StreamTypes(c.eventStore()))
                .configureEmbeddedEventStore(c -> JdbcEventStorageEngine.builder()
                        .connectionProvider(transactions)
                        .transactionManager(transactions)
                        .eventSerializer(serializer)
                        .snapshotSerializer(serializer)
                        .upcasterChain(c.upcasterChain())
                        .persistenceExceptionResolver(duplicateKeys())
                        .schema(Schemas.EVENTS)
                        .build());
        for (Class<?> type : Aggregates.types()) {
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(type));
        }
        if (readModels) {
            List<Object> projections = ParleyReadModels.ALL.stream()
                                                           .map(model -> model.projection().create(transactions))
                                                           .toList();
            configurer.eventProcessing(processing -> {
                processing.registerTokenStore(c -> JdbcTokenStore.builder()
                                                                 .connectionProvider(transactions)
                                                                 .serializer(serializer)
                                                                 .schema(Schemas.TOKENS)
                                                                 .build());
                READ_MODELS.forEach(processing::registerTrackingEventProcessor);
                projections.forEach(projection -> processing.registerEventHandler(c -> projection));
            });
        }
        return configurer.start();
    }

    private static PersistenceExceptionResolver duplicateKeys() {
        return exception -> exception instanceof SQLException sql
                && sql.getSQLState() != null && sql.getSQLState().startsWith("23");
    }
}
