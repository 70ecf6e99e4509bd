package dev.parley.application;

import dev.parley.application.storage.EventHasher;
import dev.parley.application.storage.GroupCommit;
import dev.parley.application.storage.HashingEventStorageEngine;
import dev.parley.application.messaging.ActorInterceptor;
import dev.parley.application.messaging.ActorProvider;
import dev.parley.application.messaging.ConflictRetryScheduler;
import dev.parley.application.messaging.Provenance;
import dev.parley.application.policy.StreamTypeGuard;
import dev.parley.application.policy.StreamTypes;
import dev.parley.application.serialization.ParleySerializers;
import dev.parley.application.storage.Schemas;
import dev.parley.shared.MissingAggregateInterceptor;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The parts Parley adds to an Axon configuration that Axon lets an application supply as components: the
 * serializers and upcasters, the provenance metadata, the command interceptors, the gateway that retries conflicts,
 * and the storage of events and tokens. {@link Parley#builder()} registers them on a {@code DefaultConfigurer}; the
 * Spring Boot auto-configuration declares the very same objects as the beans Axon's auto-configuration looks for,
 * so both wirings are made here, once.
 */
public final class ParleyComponents {

    /** Events fetched per query by the streaming processors. */
    private static final int FETCH_BATCH = 1_000;
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private ParleyComponents() {
    }

    /**
     * Jackson, for events, messages and tokens alike, resolving only the classes Parley stores.
     *
     * @return a new serializer
     */
    public static Serializer serializer() {
        return ParleySerializers.events();
    }

    /**
     * The upcasters that bring older revisions of stored events to their current shape.
     *
     * @return the upcasters, in the order they apply
     */
    public static List<EventUpcaster> upcasters() {
        return ParleySerializers.upcasters();
    }

    /**
     * The metadata every stored event carries: correlation, causation, actor and command-file line.
     *
     * @return the correlation data provider
     */
    public static CorrelationDataProvider provenance() {
        return new Provenance();
    }

    /**
     * Gives every command an actor from {@code actors} unless it names one.
     *
     * @param actors who is acting
     * @return the dispatch interceptor
     */
    public static MessageDispatchInterceptor<CommandMessage<?>> actorInterceptor(ActorProvider actors) {
        return new ActorInterceptor(actors);
    }

    /**
     * The command handler interceptors, in the order they run after Axon's correlation interceptor: a command to
     * an id of the other stream type is refused, and one to an aggregate that does not exist says so by its code.
     *
     * @param streamTypes the stream type of every aggregate id
     * @return the stream type guard, then the missing aggregate interceptor
     */
    public static List<MessageHandlerInterceptor<? super CommandMessage<?>>> commandInterceptors(
            StreamTypes streamTypes) {
        return List.of(new StreamTypeGuard(streamTypes), new MissingAggregateInterceptor());
    }

    /**
     * The command gateway: a command that conflicts with another writer is decided again up to {@code maxRetries}
     * times, backing off from {@code backoff}, when {@code retryHere} allows it on the sender's thread; then
     * {@code dispatchInterceptors} (the actor) apply.
     *
     * @param commandBus the command bus
     * @param maxRetries the most retries of one command, 0 for none
     * @param backoff the pause before the first retry, doubled for each further one
     * @param retryHere whether the sender's thread may retry now; false inside a transaction the retry could not join
     * @param dispatchInterceptors applied to every command sent
     * @return the gateway
     */
    public static CommandGateway commandGateway(CommandBus commandBus, int maxRetries, Duration backoff,
                                                BooleanSupplier retryHere,
                                                List<MessageDispatchInterceptor<? super CommandMessage<?>>>
                                                        dispatchInterceptors) {
        return DefaultCommandGateway.builder()
                                    .commandBus(commandBus)
                                    .retryScheduler(ConflictRetryScheduler.of(maxRetries, backoff, retryHere))
                                    .dispatchInterceptors(dispatchInterceptors)
                                    .build();
    }

    /**
     * Parley's event storage: Axon's JDBC engine on Parley's schema, hashing every appended event in the append's
     * transaction and binding snapshots to the history. {@code events} should be the configuration's own event
     * serializer: a message read from the store then gives its stored bytes back to that serializer unchanged, which
     * the audit trail keeps instead of serializing the payload again.
     *
     * @param connections connections to the store
     * @param transactions the transaction manager appends run in
     * @param upcasters the upcasters of stored events
     * @param events the event serializer
     * @return the storage engine
     */
    public static HashingEventStorageEngine eventStorageEngine(ConnectionProvider connections,
                                                               TransactionManager transactions,
                                                               EventUpcasterChain upcasters, Serializer events) {
        JdbcEventStorageEngine.Builder builder = storageBuilder(connections, transactions, upcasters, events);
        return new HashingEventStorageEngine(builder, new EventHasher(connections), transactions);
    }

    /**
     * {@link #eventStorageEngine(ConnectionProvider, TransactionManager, EventUpcasterChain, Serializer)}, its
     * appends committed in groups by {@code groupCommit}: only where Parley owns the transactions.
     *
     * @param transactions the transaction manager appends run in
     * @param upcasters the upcasters of stored events
     * @param events the event serializer
     * @param groupCommit commits the appends, and gives the connections
     * @return the storage engine
     */
    public static HashingEventStorageEngine eventStorageEngine(TransactionManager transactions,
                                                               EventUpcasterChain upcasters, Serializer events,
                                                               GroupCommit groupCommit) {
        return new HashingEventStorageEngine(storageBuilder(groupCommit.connections(), transactions, upcasters,
                                                            events),
                                             groupCommit, transactions);
    }

    private static JdbcEventStorageEngine.Builder storageBuilder(ConnectionProvider connections,
                                                                 TransactionManager transactions,
                                                                 EventUpcasterChain upcasters,
                                                                 Serializer events) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(transactions)
                .eventSerializer(events)
                .snapshotSerializer(ParleySerializers.snapshots())
                .upcasterChain(upcasters)
                .persistenceExceptionResolver(duplicateKeys())
                .schema(Schemas.EVENTS)
                .batchSize(FETCH_BATCH)
                .dataType(byte[].class);
    }

    /**
     * The token store of every streaming processor, Parley's and the application's, on Parley's token table.
     *
     * @param connections connections to the store
     * @param nodeId the owner of this node's claims
     * @param claimTimeout how long a claim lasts unless renewed
     * @return the token store
     */
    public static TokenStore tokenStore(ConnectionProvider connections, String nodeId, Duration claimTimeout) {
        return JdbcTokenStore.builder()
                             .connectionProvider(connections)
                             .serializer(serializer())
                             .schema(Schemas.TOKENS)
                             .nodeId(nodeId)
                             .claimTimeout(claimTimeout)
                             .build();
    }

    /**
     * A name for this process in the shared token store, new for each Parley it runs.
     *
     * @return a new node id
     */
    public static String newNodeId() {
        return ManagementFactory.getRuntimeMXBean().getName() + "#" + INSTANCES.incrementAndGet();
    }

    private static PersistenceExceptionResolver duplicateKeys() {
        return exception -> exception instanceof java.sql.SQLException sql
                && sql.getSQLState() != null && sql.getSQLState().startsWith("23");
    }
}
