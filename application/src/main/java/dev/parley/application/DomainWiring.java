package dev.parley.application;

import dev.parley.application.messaging.ActorProvider;
import dev.parley.application.messaging.ConflictRetryScheduler;
import dev.parley.application.policy.StreamTypes;
import dev.parley.application.serialization.ParleySerializers;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.serialization.Serializer;

import java.time.Duration;
import java.util.List;

/**
 * Parley on a plain {@link DefaultConfigurer}, the record and each what-if fork alike: {@link ParleyComponents}
 * registered where a configurer without Spring takes them, and the {@link ParleyDomainModule}. Where events are
 * stored and which read models run is up to the caller.
 */
final class DomainWiring {

    private DomainWiring() {
    }

    static Serializer serializer() {
        return ParleyComponents.serializer();
    }

    static Serializer snapshotSerializer() {
        return ParleySerializers.snapshots();
    }

    /** The domain without snapshots or cache, as forks use it. */
    static Configurer domain(Serializer serializer, TransactionManager transactions) {
        return domain(serializer, transactions, 0, false, List.of(), ActorProvider.operatingSystemUser(),
                      ConflictRetryScheduler.DEFAULT_MAX_RETRIES, ConflictRetryScheduler.DEFAULT_BACKOFF);
    }

    /**
     * The domain; with {@code snapshotEvery > 0} each aggregate is snapshotted every that many events. The command
     * bus runs {@code commandInterceptors} after its own, inside each command's unit of work and transaction; the
     * gateway gives commands their actor from {@code actors} and retries conflicts {@code retries} times.
     */
    static Configurer domain(Serializer serializer, TransactionManager transactions, int snapshotEvery,
                             boolean cached, List<MessageHandlerInterceptor<? super CommandMessage<?>>>
                                     commandInterceptors, ActorProvider actors, int retries, Duration backoff) {
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .configureCorrelationDataProviders(c -> List.of(ParleyComponents.provenance()))
                .configureCommandBus(c -> commandBus(c, commandInterceptors))
                .registerComponent(CommandGateway.class, c -> ParleyComponents.commandGateway(
                        c.commandBus(), retries, backoff, () -> true,
                        List.of(ParleyComponents.actorInterceptor(actors))));
        ParleyComponents.upcasters().forEach(upcaster -> configurer.registerEventUpcaster(c -> upcaster));
        new ParleyDomainModule(snapshotEvery, cached).configureModule(configurer);
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
        ParleyComponents.commandInterceptors(configuration.getComponent(StreamTypes.class))
                        .forEach(bus::registerHandlerInterceptor);
        interceptors.forEach(bus::registerHandlerInterceptor);
        return bus;
    }
}
