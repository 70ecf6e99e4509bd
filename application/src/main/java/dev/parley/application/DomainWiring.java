package dev.parley.application;

import dev.parley.application.messaging.Provenance;
import dev.parley.application.policy.CeasefirePropagation;
import dev.parley.application.policy.StreamTypeGuard;
import dev.parley.application.policy.StreamTypes;
import dev.parley.application.serialization.ParleySerializers;
import dev.parley.negotiation.api.KnownIncidents;
import dev.parley.shared.Aggregates;
import dev.parley.shared.MissingAggregateInterceptor;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.serialization.Serializer;

import java.util.List;

/**
 * The part of the Axon configuration that every Parley shares, the record and each what-if fork alike: Jackson
 * serialization and the upcasters of older event revisions, provenance metadata, both aggregates behind one command
 * bus with its interceptors, and the ceasefire process rule. Where events are stored and which read models run is up
 * to the caller.
 */
final class DomainWiring {

    private DomainWiring() {
    }

    static Serializer serializer() {
        return ParleySerializers.events();
    }

    static Serializer snapshotSerializer() {
        return ParleySerializers.snapshots();
    }

    /** The domain without snapshots or cache, as forks use it. */
    static Configurer domain(Serializer serializer, TransactionManager transactions) {
        return domain(serializer, transactions, 0, false, List.of());
    }

    /**
     * The domain; with {@code snapshotEvery > 0} each aggregate is snapshotted every that many events. The command
     * bus runs {@code commandInterceptors} after its own, inside each command's unit of work and transaction.
     */
    static Configurer domain(Serializer serializer, TransactionManager transactions, int snapshotEvery,
                             boolean cached, List<MessageHandlerInterceptor<? super CommandMessage<?>>>
                                     commandInterceptors) {
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .configureCorrelationDataProviders(c -> List.of(new Provenance()))
                .registerComponent(StreamTypes.class, c -> new StreamTypes(c.eventStore()))
                .registerComponent(KnownIncidents.class, c -> c.getComponent(StreamTypes.class))
                .configureCommandBus(c -> commandBus(c, commandInterceptors));
        ParleySerializers.upcasters().forEach(upcaster -> configurer.registerEventUpcaster(c -> upcaster));
        for (Class<?> type : Aggregates.types()) {
            AggregateConfigurer<?> aggregate = AggregateConfigurer.defaultConfiguration(type);
            if (snapshotEvery > 0) {
                aggregate.configureSnapshotTrigger(
                        c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), snapshotEvery));
            }
            if (cached) {
                // Aggregates stay in memory between commands while the JVM can spare them. Another writer's append
                // still shows: ours then fails on the stream's unique sequence, the rollback evicts the entry, and
                // the command is decided again from the store.
                aggregate.configureCache(c -> new WeakReferenceCache());
            }
            configurer.configureAggregate(aggregate);
        }
        configurer.eventProcessing(processing -> {
            // Axon's default logs a failing event and moves on, which would leave a gap in a read model and
            // half-apply the process rule; failing the batch instead rolls it back and the processor retries.
            processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
            processing.registerSubscribingEventProcessor(CeasefirePropagation.PROCESSING_GROUP);
            processing.registerEventHandler(c -> new CeasefirePropagation(c.commandGateway()));
        });
        return configurer;
    }

    private static CommandBus commandBus(Configuration configuration,
                                         List<MessageHandlerInterceptor<? super CommandMessage<?>>> interceptors) {
        SimpleCommandBus bus = SimpleCommandBus.builder()
                                               .transactionManager(configuration.getComponent(
                                                       TransactionManager.class))
                                               .messageMonitor(configuration.messageMonitor(
                                                       SimpleCommandBus.class, "commandBus"))
                                               .build();
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(configuration.correlationDataProviders()));
        bus.registerHandlerInterceptor(new StreamTypeGuard(configuration.getComponent(StreamTypes.class)));
        bus.registerHandlerInterceptor(new MissingAggregateInterceptor());
        interceptors.forEach(bus::registerHandlerInterceptor);
        return bus;
    }
}
