package dev.parley.application;

import dev.parley.application.readmodel.HandledEvents;
import dev.parley.application.readmodel.SegmentBalancer;
import dev.parley.projections.readmodel.ReadModel;
import dev.parley.projections.support.StoredJson;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.lifecycle.Phase;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Parley's read models as an Axon module: each is a processing group with its own pooled streaming processor, its
 * queries are answered by the same projection, and a node shares their segments with the other nodes on the store.
 * The processors take Parley's defaults unless the configuration names them itself (in Spring Boot,
 * {@code axon.eventhandling.processors.<group>.*}); then Axon's registration is kept and Parley's defaults apply only
 * where it says nothing.
 */
public final class ParleyReadModelsModule implements ConfigurerModule {

    /** Events per read-model transaction: the models gather a batch in memory and write it at once. */
    public static final int DEFAULT_BATCH = 500;
    /** How often a node looks for segments nobody holds, and shares segments out with the other nodes. */
    private static final Duration CLAIM_FREE_SEGMENTS_EVERY = Duration.ofSeconds(1);
    private static final Duration BALANCE_EVERY = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final ConnectionProvider connections;
    private final boolean run;
    private final int segments;
    private final Duration claimTimeout;
    private final String nodeId;
    private final HandledEvents handled;
    private final Predicate<String> configuredElsewhere;
    private final List<ReadModel> models;
    private final AtomicReference<SegmentBalancer> balancer = new AtomicReference<>();

    /**
     * @param dataSource          the store, where nodes record that they are alive
     * @param connections         the connections of the current transaction, for the projections' writes
     * @param run                 whether to run the processors; without, the read models only answer queries
     * @param segments            segments per read model when its tokens are first made
     * @param claimTimeout        how long a node's claim lasts unless renewed
     * @param nodeId              this node's name in the token store
     * @param handled             counts the events the status model handles, for replay reports
     * @param configuredElsewhere which processors the configuration registers itself
     * @param models              the read models, each declared once
     */
    public ParleyReadModelsModule(DataSource dataSource, ConnectionProvider connections, boolean run, int segments,
                                  Duration claimTimeout, String nodeId, HandledEvents handled,
                                  Predicate<String> configuredElsewhere, List<ReadModel> models) {
        this.dataSource = dataSource;
        this.connections = connections;
        this.run = run;
        this.segments = segments;
        this.claimTimeout = claimTimeout;
        this.nodeId = nodeId;
        this.handled = handled;
        this.configuredElsewhere = configuredElsewhere;
        this.models = List.copyOf(models);
    }

    @Override
    public void configureModule(Configurer configurer) {
        List<Object> projections = models.stream().map(model -> model.projection().create(connections)).toList();
        projections.forEach(projection -> configurer.registerQueryHandler(c -> projection));
        for (ReadModel model : models) {
            if (model.historyAnswers() != null) {
                configurer.registerQueryHandler(c -> model.historyAnswers().create(c.eventStore(), connections));
            }
        }
        if (!run) {
            return;
        }
        long renewClaimsEvery = Math.min(5_000, claimTimeout.toMillis() / 3);
        configurer.eventProcessing(processing -> {
            for (int index = 0; index < models.size(); index++) {
                String readModel = models.get(index).name();
                Object projection = projections.get(index);
                processing.registerPooledStreamingEventProcessorConfiguration(
                        readModel, (c, builder) -> builder.batchSize(DEFAULT_BATCH)
                                                          .initialSegmentCount(segments)
                                                          .tokenClaimInterval(CLAIM_FREE_SEGMENTS_EVERY.toMillis())
                                                          .claimExtensionThreshold(renewClaimsEvery));
                if (!configuredElsewhere.test(readModel)) {
                    processing.registerPooledStreamingEventProcessor(readModel, Configuration::eventStore);
                }
                // Axon's default logs a failing event and moves on, which would leave a gap in the read model;
                // failing the batch instead rolls it back and the processor retries.
                processing.registerListenerInvocationErrorHandler(readModel, c -> PropagatingErrorHandler.instance());
                // The definition's name places the projection, whatever its own annotation says.
                processing.assignHandlerInstancesMatching(readModel, handler -> handler == projection);
                processing.registerEventHandler(c -> projection);
                // A message read from the store gives its stored bytes back to the serializer that read it, so the
                // live models keep the payload exactly as stored, as a rebuild does.
                processing.registerHandlerInterceptor(readModel, c -> (unitOfWork, chain) -> {
                    unitOfWork.root().resources().putIfAbsent(StoredJson.SERIALIZER, c.eventSerializer());
                    return chain.proceed();
                });
            }
            // Every read model sees every event, so counting one model's events counts a replay's events.
            processing.registerHandlerInterceptor(models.get(0).name(), c -> handled);
        });
        configurer.onInitialize(configuration -> {
            configuration.onStart(Phase.INBOUND_EVENT_CONNECTORS + 1, () -> balancer.set(SegmentBalancer.start(
                    dataSource, nodeId, names(), name -> processor(configuration, name), BALANCE_EVERY,
                    claimTimeout)));
            configuration.onShutdown(Phase.INBOUND_EVENT_CONNECTORS + 1, () -> {
                SegmentBalancer running = balancer.getAndSet(null);
                if (running != null) {
                    running.close();
                }
            });
        });
    }

    /**
     * The read models' names, which are their processing groups.
     *
     * @return the names
     */
    public List<String> names() {
        return models.stream().map(ReadModel::name).toList();
    }

    /**
     * The read models, each declared once.
     *
     * @return the declarations
     */
    public List<ReadModel> models() {
        return models;
    }

    /**
     * This node's name in the token store.
     *
     * @return the node id
     */
    public String nodeId() {
        return nodeId;
    }

    /**
     * The count of events the status read model has handled, for replay reports.
     *
     * @return the counter
     */
    public HandledEvents handledEvents() {
        return handled;
    }

    private static StreamingEventProcessor processor(Configuration configuration, String name) {
        return configuration.eventProcessingConfiguration()
                            .eventProcessor(name, StreamingEventProcessor.class)
                            .orElseThrow(() -> new IllegalStateException("no read model " + name));
    }
}
