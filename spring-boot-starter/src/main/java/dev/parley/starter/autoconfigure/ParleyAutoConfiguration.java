package dev.parley.starter.autoconfigure;

import dev.parley.application.Parley;
import dev.parley.application.ParleyComponents;
import dev.parley.application.ParleyDomainModule;
import dev.parley.application.ParleyReadModelsModule;
import dev.parley.application.fork.Forks;
import dev.parley.application.integrity.Integrity;
import dev.parley.application.messaging.ActorProvider;
import dev.parley.application.policy.StreamTypes;
import dev.parley.application.readmodel.HandledEvents;
import dev.parley.application.readmodel.ReadModels;
import dev.parley.application.readmodel.TokenPositions;
import dev.parley.application.storage.Store;
import dev.parley.projections.ParleyReadModels;
import dev.parley.projections.readmodel.ReadModel;
import dev.parley.negotiation.api.KnownIncidents;
import dev.parley.shared.Aggregates;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.axonframework.springboot.util.ConditionalOnMissingQualifiedBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parley inside Axon's own Spring Boot configuration, on the application's one {@link DataSource}: its modules,
 * storage, serializers, upcasters, interceptors and gateway are the beans Axon's auto-configuration looks for, so
 * there is one command bus, one event store (Parley's hashing engine), one token store (Parley's schema), Axon's
 * {@code SpringTransactionManager} around it all, and Parley's read models are Axon processors configured by
 * {@code axon.eventhandling.processors.<group>.*} like the application's own. Each bean gives way to one of the
 * application's own.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
        before = {AxonAutoConfiguration.class, JdbcAutoConfiguration.class})
@ConditionalOnClass({Parley.class, AxonAutoConfiguration.class})
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(ParleyProperties.class)
public class ParleyAutoConfiguration {

    /**
     * Parley's schema on the application's database, migrated before anything reads or writes it.
     *
     * @param dataSource the application's database
     * @param readModels every read model declared as a bean, whose migrations run too
     * @return the store; Spring does not close it, the application owns the data source
     */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    public Store parleyStore(DataSource dataSource, ObjectProvider<ReadModel> readModels) {
        return Store.of(dataSource, declared(readModels).stream().map(ReadModel::migrations).distinct().toList());
    }

    /**
     * Parley's Jackson serializer as Axon's general serializer, unless the application has one.
     *
     * @return the serializer
     */
    @Bean
    @Primary
    @ConditionalOnMissingQualifiedBean(beanClass = Serializer.class, qualifier = "!eventSerializer,messageSerializer")
    public Serializer serializer() {
        return ParleyComponents.serializer();
    }

    /**
     * Parley's Jackson serializer for Axon's messages, unless the application has one.
     *
     * @return the serializer
     */
    @Bean
    @Qualifier("messageSerializer")
    @ConditionalOnMissingQualifiedBean(beanClass = Serializer.class, qualifier = "messageSerializer")
    public Serializer messageSerializer() {
        return ParleyComponents.serializer();
    }

    /**
     * Parley's Jackson serializer for stored events, unless the application has one.
     *
     * @return the serializer
     */
    @Bean
    @Qualifier("eventSerializer")
    @ConditionalOnMissingQualifiedBean(beanClass = Serializer.class, qualifier = "eventSerializer")
    public Serializer eventSerializer() {
        return ParleyComponents.serializer();
    }

    /**
     * Parley's upcasters, which Axon adds to the application's own.
     *
     * @return the chain of Parley's upcasters
     */
    @Bean
    public EventUpcaster parleyUpcasters() {
        return new EventUpcasterChain(ParleyComponents.upcasters());
    }

    /**
     * Puts the provenance every stored event carries in its metadata: correlation, causation, actor and command-file
     * line.
     *
     * @return the correlation data provider
     */
    @Bean
    @ConditionalOnMissingBean
    public CorrelationDataProvider parleyProvenance() {
        return ParleyComponents.provenance();
    }

    /**
     * Parley's hashing event storage engine on Parley's schema, unless the application has an engine or a store.
     *
     * @param store the migrated store, asked for so the schema exists first
     * @param connectionProvider Axon's connections to the application's database
     * @param transactionManager Axon's transaction manager
     * @param configuration Axon's configuration, for its upcaster chain and event serializer
     * @return the storage engine
     */
    @Bean
    @ConditionalOnMissingBean({EventStorageEngine.class, EventStore.class})
    public EventStorageEngine eventStorageEngine(Store store, ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 Configuration configuration) {
        return ParleyComponents.eventStorageEngine(connectionProvider, transactionManager,
                                                   configuration.upcasterChain(), configuration.eventSerializer());
    }

    /**
     * Axon's JDBC token store on Parley's schema, unless the application has one.
     *
     * @param store the migrated store, asked for so the schema exists first
     * @param connectionProvider Axon's connections to the application's database
     * @param readModels the read models module, for this node's id
     * @param properties the claim timeout of processing segments
     * @return the token store
     */
    @Bean
    @ConditionalOnMissingBean
    public TokenStore tokenStore(Store store, ConnectionProvider connectionProvider,
                                 ParleyReadModelsModule readModels, ParleyProperties properties) {
        return ParleyComponents.tokenStore(connectionProvider, readModels.nodeId(), properties.claimTimeout());
    }

    /**
     * Axon's default snapshotter for a configuration without Spring, which knows every aggregate the configuration
     * holds; Spring's looks only for aggregates declared as beans, and Parley's are not.
     *
     * @param configuration Axon's configuration
     * @param transactionManager the transaction manager snapshots are taken in
     * @return the snapshotter
     */
    @Bean
    @ConditionalOnMissingBean
    public Snapshotter snapshotter(Configuration configuration, TransactionManager transactionManager) {
        List<AggregateFactory<?>> factories = configuration.findModules(AggregateConfiguration.class).stream()
                .<AggregateFactory<?>>map(AggregateConfiguration::aggregateFactory)
                .toList();
        return AggregateSnapshotter.builder()
                                   .eventStore(configuration.eventStore())
                                   .transactionManager(transactionManager)
                                   .aggregateFactories(factories)
                                   .repositoryProvider(configuration::repository)
                                   .parameterResolverFactory(configuration.parameterResolverFactory())
                                   .handlerDefinition(configuration.handlerDefinition(Aggregates.types().get(0)))
                                   .build();
    }

    /**
     * Not cached: an application's transaction may roll a command's events back after the command was decided,
     * and a cached aggregate would still hold them.
     *
     * @param properties how often to snapshot
     * @return the domain module
     */
    @Bean
    public ParleyDomainModule parleyDomainModule(ParleyProperties properties) {
        return new ParleyDomainModule(properties.snapshotEvery(), false);
    }

    /**
     * Parley's read models as Axon processors, with the application's read models declared as beans; a processor
     * named in {@code axon.eventhandling.processors} keeps the application's settings.
     *
     * @param store the migrated store, whose data source the read models write to
     * @param connectionProvider Axon's connections to the application's database
     * @param properties whether read models run, their segments and claim timeout
     * @param axonProcessors Axon's processor settings, when there are any
     * @param readModels the application's own read models
     * @return the read models module, with a new node id
     */
    @Bean
    public ParleyReadModelsModule parleyReadModelsModule(Store store, ConnectionProvider connectionProvider,
                                                         ParleyProperties properties,
                                                         ObjectProvider<EventProcessorProperties> axonProcessors,
                                                         ObjectProvider<ReadModel> readModels) {
        Map<String, EventProcessorProperties.ProcessorSettings> named =
                axonProcessors.getIfAvailable(EventProcessorProperties::new).getProcessors();
        return new ParleyReadModelsModule(store.dataSource(), connectionProvider, properties.readModels(),
                                          properties.segments(), properties.claimTimeout(),
                                          ParleyComponents.newNodeId(), new HandledEvents(), named::containsKey,
                                          declared(readModels));
    }

    /**
     * The stream types the domain module registers, as a bean too: Spring resolves the parameters of the
     * aggregates' handlers from beans.
     *
     * @param configuration Axon's configuration
     * @return the domain module's {@link KnownIncidents}
     */
    @Bean
    public KnownIncidents parleyKnownIncidents(Configuration configuration) {
        return configuration.getComponent(KnownIncidents.class);
    }

    /**
     * Refuses a command addressed to an id that names a stream of the other aggregate type.
     *
     * @param configuration Axon's configuration, for the stream types
     * @return the interceptor, first among the command handler interceptors
     */
    @Bean
    @Order(1)
    public MessageHandlerInterceptor<CommandMessage<?>> parleyStreamTypeGuard(Configuration configuration) {
        return commandInterceptor(configuration, 0);
    }

    /**
     * Turns Axon's failure to load a missing aggregate into the domain's unknown negotiation or incident.
     *
     * @param configuration Axon's configuration, for the stream types
     * @return the interceptor, second among the command handler interceptors
     */
    @Bean
    @Order(2)
    public MessageHandlerInterceptor<CommandMessage<?>> parleyMissingAggregateInterceptor(
            Configuration configuration) {
        return commandInterceptor(configuration, 1);
    }

    @SuppressWarnings("unchecked")
    private static MessageHandlerInterceptor<CommandMessage<?>> commandInterceptor(Configuration configuration,
                                                                                   int index) {
        return (MessageHandlerInterceptor<CommandMessage<?>>) ParleyComponents.commandInterceptors(
                configuration.getComponent(StreamTypes.class)).get(index);
    }

    /**
     * The operating system user as the actor of every command, unless the application or Spring Security provides
     * one.
     *
     * @return the actor provider
     */
    @Bean
    @ConditionalOnMissingBean
    public ActorProvider actorProvider() {
        return ActorProvider.operatingSystemUser();
    }

    /**
     * Adds the actor to every command's metadata as it is dispatched.
     *
     * @param actors who is acting
     * @return the dispatch interceptor
     */
    @Bean
    public MessageDispatchInterceptor<CommandMessage<?>> parleyActorInterceptor(ActorProvider actors) {
        return ParleyComponents.actorInterceptor(actors);
    }

    /**
     * Axon's gateway, retrying commands that conflicted with another writer, unless the sender is inside a
     * transaction: the retry would run outside it, and its events would stay when the sender's transaction rolls
     * back, so the conflict fails that transaction instead. The actor is added by Axon's interceptor wiring.
     *
     * @param commandBus Axon's command bus
     * @param properties how often and after what backoff to retry
     * @return the gateway
     */
    @Bean
    @ConditionalOnMissingBean
    public CommandGateway commandGateway(CommandBus commandBus, ParleyProperties properties) {
        return ParleyComponents.commandGateway(commandBus, properties.commandRetry().maxRetries(),
                                               properties.commandRetry().backoff(),
                                               () -> !TransactionSynchronizationManager.isActualTransactionActive(),
                                               List.of());
    }

    /**
     * Parley over Axon's configuration, which Spring starts and stops; closing it leaves the DataSource open.
     *
     * @param configuration Axon's configuration
     * @param store the migrated store
     * @param readModels the read models module
     * @param properties whether read models run, and the signing keys' directory
     * @return Parley; an abandoned read model rebuild is cleaned up first
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Parley parley(Configuration configuration, Store store, ParleyReadModelsModule readModels,
                         ParleyProperties properties) {
        ReadModels models = properties.readModels()
                ? new ReadModels(configuration, readModels.models(), readModels.handledEvents(), store.dataSource(),
                                 new TokenPositions(store.dataSource(), ParleyComponents.serializer()))
                : null;
        if (models != null) {
            models.cleanUpAbandonedRebuild();
        }
        return Parley.attachedTo(configuration, store, models, properties.keys(), readModels.nodeId(),
                                 readModels.models());
    }

    /**
     * Forks of the store, as a bean of their own.
     *
     * @param parley Parley
     * @return its forks; closed with Parley, not by Spring
     */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public Forks forks(Parley parley) {
        return parley.forks();
    }

    /**
     * The store's integrity checks and proofs, as a bean of their own.
     *
     * @param parley Parley
     * @return its integrity; closed with Parley, not by Spring
     */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public Integrity integrity(Parley parley) {
        return parley.integrity();
    }

    /** The actor of a command is the authenticated principal, when Spring Security is there and one is. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.core.context.SecurityContextHolder")
    static class SecurityActors {

        @Bean
        @ConditionalOnMissingBean
        ActorProvider springSecurityActorProvider() {
            return new SpringSecurityActorProvider();
        }
    }

    /** Each read model's lag and claimed segments in {@code /actuator/health}. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    @ConditionalOnEnabledHealthIndicator("parley")
    @ConditionalOnProperty(name = "parley.read-models", havingValue = "true", matchIfMissing = true)
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "parleyHealthIndicator")
        HealthIndicator parleyHealthIndicator(Parley parley) {
            return new ParleyHealthIndicator(parley);
        }
    }

    /** Parley's own read models, then the application's {@link ReadModel} beans. */
    private static List<ReadModel> declared(ObjectProvider<ReadModel> applications) {
        List<ReadModel> all = new ArrayList<>(ParleyReadModels.ALL);
        applications.orderedStream().forEach(all::add);
        return all;
    }
}
