package dev.parley.application;

import dev.parley.application.messaging.AggregateIdTargetResolver;
import dev.parley.application.policy.CeasefirePropagation;
import dev.parley.application.policy.StreamTypes;
import dev.parley.negotiation.api.KnownIncidents;
import dev.parley.shared.Aggregates;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;


/**
 * Parley's domain as an Axon module: both aggregates (snapshotted every so many events, cached if asked), the
 * stream types that keep an id to one kind of aggregate, and the ceasefire process rule in its own subscribing
 * processing group. Any Axon configuration can take it: {@link Parley#builder()} applies it to a
 * {@code DefaultConfigurer}, the Spring Boot starter declares it as a bean for Axon's auto-configuration.
 *
 * @param snapshotEvery snapshot each aggregate every this many events, 0 for never
 * @param cached        keep aggregates in memory between commands while the JVM can spare them
 */
public record ParleyDomainModule(int snapshotEvery, boolean cached) implements ConfigurerModule {

    /**
     * Checks the snapshot interval.
     *
     * @param snapshotEvery snapshot each aggregate every this many events, 0 for never
     * @param cached keep aggregates in memory between commands while the JVM can spare them
     * @throws IllegalArgumentException if {@code snapshotEvery} is negative
     */
    public ParleyDomainModule {
        if (snapshotEvery < 0) {
            throw new IllegalArgumentException("snapshotEvery must be 0 or more, was " + snapshotEvery);
        }
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.registerComponent(StreamTypes.class, c -> new StreamTypes(c.eventStore()))
                  .registerComponent(KnownIncidents.class, c -> c.getComponent(StreamTypes.class));
        AggregateCaches caches = new AggregateCaches();
        configurer.registerComponent(AggregateCaches.class, c -> caches);
        for (Class<?> type : Aggregates.types()) {
            AggregateConfigurer<?> aggregate = AggregateConfigurer.defaultConfiguration(type)
                    .configureCommandTargetResolver(c -> new AggregateIdTargetResolver());
            if (snapshotEvery > 0) {
                aggregate.configureSnapshotTrigger(
                        c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), snapshotEvery));
            }
            if (cached) {
                // Aggregates stay in memory between commands while the JVM can spare them. Another writer's append
                // still shows: ours then fails on the stream's unique sequence, the rollback evicts the entry, and
                // the command is decided again from the store.
                Cache cache = caches.newCache();
                aggregate.configureCache(c -> cache);
            }
            configurer.configureAggregate(aggregate);
        }
        configurer.eventProcessing(processing -> {
            // Axon's default logs a failing event and moves on, which would half-apply the process rule; failing
            // instead rolls the command that published the event back.
            processing.registerListenerInvocationErrorHandler(CeasefirePropagation.PROCESSING_GROUP,
                                                              c -> PropagatingErrorHandler.instance());
            processing.registerSubscribingEventProcessor(CeasefirePropagation.PROCESSING_GROUP);
            processing.registerEventHandler(c -> new CeasefirePropagation(c.commandGateway()));
        });
    }
}
