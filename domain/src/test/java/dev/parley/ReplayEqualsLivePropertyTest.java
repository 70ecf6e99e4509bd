package dev.parley;

import dev.parley.incident.api.IncidentReportedEvent;
import dev.parley.incident.api.RecordCasualtiesCommand;
import dev.parley.incident.api.RecordStrikeCommand;
import dev.parley.incident.api.ReportIncidentCommand;
import dev.parley.incident.api.ReportViolationCommand;
import dev.parley.negotiation.api.CollapseTalksCommand;
import dev.parley.negotiation.api.ConcludeRoundCommand;
import dev.parley.negotiation.api.FrameworkResponse;
import dev.parley.negotiation.api.KnownIncidents;
import dev.parley.negotiation.api.OfferMediationCommand;
import dev.parley.negotiation.api.OpenRoundCommand;
import dev.parley.negotiation.api.RespondToFrameworkCommand;
import dev.parley.negotiation.api.SubmitFrameworkCommand;
import dev.parley.shared.Aggregates;
import dev.parley.shared.MissingAggregateInterceptor;
import dev.parley.shared.api.DomainRuleException;
import dev.parley.shared.api.ErrorCode;
import dev.parley.shared.api.IncidentId;
import dev.parley.shared.api.NegotiationId;
import dev.parley.shared.api.ParleyCommand;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static dev.parley.shared.api.ErrorCode.INVALID_COMMAND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any sequence of commands, sent through a real Axon pipeline: a rejected command leaves the event store as it was,
 * and an aggregate sourced from its stored events equals the live instance that handled the commands.
 */
class ReplayEqualsLivePropertyTest {

    private static final List<NegotiationId> NEGOTIATIONS = List.of(new NegotiationId("n1"), new NegotiationId("n2"));
    private static final List<IncidentId> INCIDENTS = List.of(new IncidentId("i1"), new IncidentId("i2"));
    private static final List<String> STATES = List.of("PAK", "AFG", "QAT", "TUR", "IRN");
    private static final List<String> STREAMS = List.of("n1", "n2", "i1", "i2");

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void rejectedCommandsAppendNothingAndSourcedStateEqualsLiveState(
            @ForAll("commandSequences") List<Object> commands) {
        try (Pipeline pipeline = new Pipeline()) {
            for (Object command : commands) {
                if (command instanceof SkippedAsInvalid skipped) {
                    assertThat(skipped.code()).as(skipped.message()).isEqualTo(INVALID_COMMAND);
                    Statistics.label("outcome").collect("skipped as invalid");
                    continue;
                }
                ParleyCommand parleyCommand = (ParleyCommand) command;
                Map<String, List<StoredEvent>> before = pipeline.storedEvents();
                try {
                    pipeline.send(parleyCommand);
                } catch (DomainRuleException rejection) {
                    Statistics.label("outcome").collect("rejected");
                    Statistics.label("rejections").collect(rejection.code());
                    assertThat(pipeline.storedEvents()).as("store after rejected %s", command).isEqualTo(before);
                    continue;
                }
                Map<String, List<StoredEvent>> after = pipeline.storedEvents();
                String target = parleyCommand.aggregateId();
                List<StoredEvent> targetBefore = before.get(target);
                List<StoredEvent> targetAfter = after.get(target);
                assertThat(targetAfter).as("stream of %s after %s", target, command)
                                       .hasSize(targetBefore.size() + 1);
                assertThat(targetAfter.subList(0, targetBefore.size())).as("stream of %s after %s", target, command)
                                                                       .isEqualTo(targetBefore);
                after.keySet().stream().filter(stream -> !stream.equals(target)).forEach(
                        stream -> assertThat(after.get(stream)).as("stream of %s after %s", stream, command)
                                                               .isEqualTo(before.get(stream)));
                Statistics.label("outcome").collect("accepted");
                Statistics.label("events").collect(targetAfter.get(targetBefore.size()).payloadType());

                pipeline.assertSourcedEqualsLive(Pipeline.aggregateType(parleyCommand), target, command);
            }
            pipeline.assertEveryCachedAggregateEqualsSourced();
        }
        Statistics.label("outcome").coverage(coverage -> {
            coverage.check("accepted").percentage(percent -> percent > 5);
            coverage.check("rejected").percentage(percent -> percent > 5);
        });
    }

    /**
     * Mostly random commands, after a short prefix that tends to create negotiations and incidents: without it nearly
     * every command would address an aggregate that does not exist.
     */
    @Provide
    Arbitrary<List<Object>> commandSequences() {
        Arbitrary<List<Object>> creations = Arbitraries.frequencyOf(
                Tuple.of(2, openFirstRound()), Tuple.of(2, reportIncident()), Tuple.of(1, submitFramework())
        ).list().ofMaxSize(8);
        Arbitrary<List<Object>> anything = Arbitraries.frequencyOf(
                Tuple.of(4, openRound()),
                Tuple.of(4, submitFramework()),
                Tuple.of(6, respondToFramework()),
                Tuple.of(2, declareNegotiationCeasefire()),
                Tuple.of(2, concludeRound()),
                Tuple.of(1, collapseTalks()),
                Tuple.of(1, offerMediation()),
                Tuple.of(3, reportIncident()),
                Tuple.of(2, recordCasualties()),
                Tuple.of(2, recordStrike()),
                Tuple.of(2, declareIncidentCeasefire()),
                Tuple.of(2, reportViolation())
        ).list().ofMaxSize(50);
        return Combinators.combine(creations, anything).as((prefix, rest) -> {
            List<Object> sequence = new ArrayList<>(prefix);
            sequence.addAll(rest);
            return sequence;
        });
    }

    private static Arbitrary<Object> openFirstRound() {
        return Combinators.combine(negotiations(), states().list().ofMinSize(2).ofMaxSize(3).uniqueElements(),
                                   Arbitraries.of("QAT", "TUR", "IRN").list().ofMaxSize(1), dates(), sources())
                          .as((negotiation, parties, mediators, occurredAt, source) -> construct(
                                  () -> new OpenRoundCommand(negotiation, 1, parties, mediators, "Doha", occurredAt,
                                                             source)));
    }

    private static Arbitrary<Object> openRound() {
        Arbitrary<Integer> rounds = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(0)), Tuple.of(5, Arbitraries.just(1)), Tuple.of(4, Arbitraries.just(2)),
                Tuple.of(2, Arbitraries.just(3)), Tuple.of(1, Arbitraries.just(4)));
        Arbitrary<List<String>> parties = Arbitraries.frequencyOf(
                Tuple.of(6, states().list().ofMinSize(2).ofMaxSize(3).uniqueElements()),
                Tuple.of(1, states().list().ofMaxSize(3))).injectNull(0.3);
        return Combinators.combine(negotiations(), rounds, parties, mediators(),
                                   Arbitraries.of("Doha", "Istanbul"), dates(), sources())
                          .as((negotiation, round, roundParties, mediators, venue, occurredAt, source) -> construct(
                                  () -> new OpenRoundCommand(negotiation, round, roundParties, mediators, venue,
                                                             occurredAt, source)));
    }

    private static Arbitrary<Object> submitFramework() {
        return Combinators.combine(negotiations(), frameworks(), states(), dates(), sources())
                          .as((negotiation, framework, submittedBy, occurredAt, source) -> construct(
                                  () -> new SubmitFrameworkCommand(negotiation, framework, submittedBy,
                                                                   "framework " + framework, List.of("halt attacks"),
                                                                   occurredAt, source)));
    }

    private static Arbitrary<Object> respondToFramework() {
        return Combinators.combine(negotiations(), frameworks(), states(), Arbitraries.of(FrameworkResponse.class),
                                   dates(), sources())
                          .as((negotiation, framework, party, response, occurredAt, source) -> construct(
                                  () -> new RespondToFrameworkCommand(negotiation, framework, party, response,
                                                                      occurredAt, source)));
    }

    private static Arbitrary<Object> declareNegotiationCeasefire() {
        return Combinators.combine(negotiations(), dates(), incidents().list().ofMaxSize(2), dates(), sources())
                          .as((negotiation, effectiveFrom, covered, occurredAt, source) -> construct(
                                  () -> new dev.parley.negotiation.api.DeclareCeasefireCommand(
                                          negotiation, effectiveFrom, "ceasefire", covered, occurredAt, source)));
    }

    private static Arbitrary<Object> concludeRound() {
        return Combinators.combine(negotiations(), dates(), sources())
                          .as((negotiation, occurredAt, source) -> construct(
                                  () -> new ConcludeRoundCommand(negotiation, "concluded", occurredAt, source)));
    }

    private static Arbitrary<Object> collapseTalks() {
        return Combinators.combine(negotiations(), dates(), sources())
                          .as((negotiation, occurredAt, source) -> construct(
                                  () -> new CollapseTalksCommand(negotiation, "walkout", occurredAt, source)));
    }

    private static Arbitrary<Object> offerMediation() {
        return Combinators.combine(negotiations(), states(), dates(), sources())
                          .as((negotiation, mediator, occurredAt, source) -> construct(
                                  () -> new OfferMediationCommand(negotiation, mediator, occurredAt, source)));
    }

    private static Arbitrary<Object> reportIncident() {
        return Combinators.combine(incidents(), states().list().ofMinSize(1).ofMaxSize(2),
                                   states().list().ofMinSize(1).ofMaxSize(2), dates(), sources())
                          .as((incident, attackers, defenders, occurredAt, source) -> construct(
                                  () -> new ReportIncidentCommand(incident, "border", attackers, defenders, "clash",
                                                                  occurredAt, source)));
    }

    private static Arbitrary<Object> recordCasualties() {
        Arbitrary<Integer> counts = Arbitraries.integers().between(-1, 30);
        return Combinators.combine(incidents(), states(), counts, counts, dates(), sources())
                          .as((incident, side, killed, wounded, occurredAt, source) -> construct(
                                  () -> new RecordCasualtiesCommand(incident, side, killed, wounded, occurredAt,
                                                                    source)));
    }

    private static Arbitrary<Object> recordStrike() {
        return Combinators.combine(incidents(), states(), dates(), sources())
                          .as((incident, by, occurredAt, source) -> construct(
                                  () -> new RecordStrikeCommand(incident, by, List.of("Kabul"), "air strike",
                                                                occurredAt, source)));
    }

    private static Arbitrary<Object> declareIncidentCeasefire() {
        return Combinators.combine(incidents(), dates(), negotiations().injectNull(0.5), dates(), sources())
                          .as((incident, effectiveFrom, negotiation, occurredAt, source) -> construct(
                                  () -> new dev.parley.incident.api.DeclareCeasefireCommand(
                                          incident, effectiveFrom, negotiation, occurredAt, source)));
    }

    private static Arbitrary<Object> reportViolation() {
        return Combinators.combine(incidents(), states(), dates(), sources())
                          .as((incident, by, occurredAt, source) -> construct(
                                  () -> new ReportViolationCommand(incident, by, "shelling", occurredAt, source)));
    }

    private static Arbitrary<NegotiationId> negotiations() {
        return Arbitraries.frequency(Tuple.of(3, NEGOTIATIONS.get(0)), Tuple.of(1, NEGOTIATIONS.get(1)));
    }

    private static Arbitrary<IncidentId> incidents() {
        return Arbitraries.frequency(Tuple.of(3, INCIDENTS.get(0)), Tuple.of(1, INCIDENTS.get(1)));
    }

    /** Mostly the two belligerents, so that frameworks, responses and casualties find parties to act. */
    private static Arbitrary<String> states() {
        return Arbitraries.frequency(Tuple.of(4, "PAK"), Tuple.of(4, "AFG"), Tuple.of(1, "QAT"), Tuple.of(1, "TUR"),
                                     Tuple.of(1, "IRN"));
    }

    private static Arbitrary<List<String>> mediators() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(List.of())),
                                       Tuple.of(3, Arbitraries.of(STATES).list().ofSize(1)),
                                       Tuple.of(1, Arbitraries.of(STATES).list().ofSize(2)));
    }

    private static Arbitrary<String> frameworks() {
        return Arbitraries.frequency(Tuple.of(3, "f1"), Tuple.of(1, "f2"));
    }

    private static Arbitrary<Instant> dates() {
        return Arbitraries.integers().between(1, 31)
                          .map(day -> LocalDate.of(2025, 10, day).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static Arbitrary<String> sources() {
        return Arbitraries.frequencyOf(Tuple.of(29, Arbitraries.of("Radio Pakistan", "Geo News", "ISPR")),
                                       Tuple.of(1, Arbitraries.just(" ")));
    }

    private static Object construct(Supplier<Object> construction) {
        try {
            return construction.get();
        } catch (DomainRuleException invalid) {
            return new SkippedAsInvalid(invalid.code(), invalid.getMessage());
        }
    }

    /** A command whose record constructor refused its fields; it never reaches the command bus. */
    private record SkippedAsInvalid(ErrorCode code, String message) {
    }

    private record StoredEvent(String aggregateType, String aggregateId, long sequence, String messageId,
                               Instant recordedAt, Object payload, MetaData metaData) {

        static StoredEvent of(DomainEventMessage<?> message) {
            return new StoredEvent(message.getType(), message.getAggregateIdentifier(), message.getSequenceNumber(),
                                   message.getIdentifier(), message.getTimestamp(), message.getPayload(),
                                   message.getMetaData());
        }

        String payloadType() {
            return payload.getClass().getSimpleName();
        }
    }

    /**
     * Two Axon configurations over one in-memory storage engine. The live one caches its aggregates in a cache that
     * holds them strongly, so the instance that handled a command, mutated by its own {@code apply}, is the one kept
     * and reused. The replay one has no cache: every load sources the aggregate from the stored events.
     * Axon evicts an aggregate from the cache when its command is rejected, so the live instance is compared right
     * after each accepted command, while it is still the one that handled it, and at the end of the sequence for
     * every instance still cached.
     */
    private static final class Pipeline implements AutoCloseable {

        private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
        private final Map<Class<?>, StrongCache> caches = new LinkedHashMap<>();
        private final Configuration live;
        private final Configuration replay;

        Pipeline() {
            Configurer liveConfigurer = DefaultConfigurer.defaultConfiguration(false)
                    .configureEmbeddedEventStore(c -> storage)
                    .registerComponent(KnownIncidents.class, c -> incident -> isReported(c.eventStore(), incident));
            Configurer replayConfigurer = DefaultConfigurer.defaultConfiguration(false)
                    .configureEmbeddedEventStore(c -> storage)
                    .registerComponent(KnownIncidents.class, c -> incident -> {
                        throw new IllegalStateException("the replay configuration handles no commands");
                    });
            for (Class<?> type : Aggregates.types()) {
                StrongCache cache = new StrongCache();
                caches.put(type, cache);
                liveConfigurer.configureAggregate(cached(type, cache));
                replayConfigurer.configureAggregate(type);
            }
            live = liveConfigurer.buildConfiguration();
            live.commandBus().registerHandlerInterceptor(new MissingAggregateInterceptor());
            live.start();
            replay = replayConfigurer.buildConfiguration();
            replay.start();
        }

        void send(ParleyCommand command) {
            live.commandGateway().sendAndWait(command);
        }

        Map<String, List<StoredEvent>> storedEvents() {
            Map<String, List<StoredEvent>> streams = new LinkedHashMap<>();
            for (String stream : STREAMS) {
                streams.put(stream, live.eventStore().readEvents(stream, 0).asStream().map(StoredEvent::of).toList());
            }
            return streams;
        }

        void assertEveryCachedAggregateEqualsSourced() {
            caches.forEach((type, cache) -> cache.identifiers().forEach(
                    aggregateId -> assertSourcedEqualsLive(type, aggregateId, "the whole sequence")));
        }

        void assertSourcedEqualsLive(Class<?> type, String aggregateId, Object command) {
            EventSourcedAggregate<?> liveAggregate = caches.get(type).liveAggregate(aggregateId);
            Loaded sourced = loadFromEvents(replay.repository(type), aggregateId);

            assertThat(sourced.version()).as("version of %s after %s", aggregateId, command)
                                         .isEqualTo(liveAggregate.version());
            assertThat(sourced.root()).as("state of %s after %s", aggregateId, command)
                                      .usingRecursiveComparison()
                                      .withStrictTypeChecking()
                                      .isEqualTo(liveAggregate.getAggregateRoot());
        }

        static Class<?> aggregateType(ParleyCommand command) {
            String packageName = command.getClass().getPackageName();
            return Aggregates.types().stream()
                             .filter(type -> packageName.equals(type.getPackageName() + ".api"))
                             .findFirst().orElseThrow();
        }

        private static <A> AggregateConfigurer<A> cached(Class<A> type, Cache cache) {
            return AggregateConfigurer.defaultConfiguration(type).configureCache(c -> cache);
        }

        private static <A> Loaded loadFromEvents(Repository<A> repository, String aggregateId) {
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            try {
                Aggregate<A> aggregate = repository.load(aggregateId);
                return new Loaded(aggregate.invoke(root -> root), aggregate.version());
            } finally {
                unitOfWork.rollback();
            }
        }

        private static Optional<Instant> isReported(EventStore eventStore, IncidentId incident) {
            return eventStore.readEvents(incident.value(), 0).asStream()
                             .map(event -> event.getPayload())
                             .filter(IncidentReportedEvent.class::isInstance)
                             .map(reported -> ((IncidentReportedEvent) reported).occurredAt())
                             .findFirst();
        }

        @Override
        public void close() {
            live.shutdown();
            replay.shutdown();
        }
    }

    private record Loaded(Object root, Long version) {
    }

    /** Holds entries strongly: a {@code WeakReferenceCache} could lose the live instance to the garbage collector. */
    private static final class StrongCache implements Cache {

        private final Map<Object, Object> entries = new ConcurrentHashMap<>();

        List<String> identifiers() {
            return entries.keySet().stream().map(String::valueOf).toList();
        }

        EventSourcedAggregate<?> liveAggregate(String aggregateId) {
            AggregateCacheEntry<?> entry = get(aggregateId);
            assertThat(entry).as("live instance of %s in the cache", aggregateId).isNotNull();
            // The entry hands back the very instance it was made from as long as that one was never serialized.
            return entry.recreateAggregate(null, null, (SnapshotTriggerDefinition) null);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <K, V> V get(K key) {
            return (V) entries.get(key);
        }

        @Override
        public void put(Object key, Object value) {
            entries.put(key, value);
        }

        @Override
        public boolean putIfAbsent(Object key, Object value) {
            return entries.putIfAbsent(key, value) == null;
        }

        @Override
        public boolean remove(Object key) {
            return entries.remove(key) != null;
        }

        @Override
        public boolean containsKey(Object key) {
            return entries.containsKey(key);
        }

        @Override
        public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
            return () -> true;
        }
    }
}
