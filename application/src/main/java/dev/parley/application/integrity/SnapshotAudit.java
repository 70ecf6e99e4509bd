package dev.parley.application.integrity;

import dev.parley.projections.schema.Tables.DomainEvents;
import dev.parley.projections.schema.Tables.Snapshots;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.application.serialization.ParleySerializers;
import dev.parley.projections.json.ParleyJson;
import dev.parley.negotiation.api.KnownIncidents;
import dev.parley.shared.Aggregates;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.parley.projections.schema.Tables.DomainEvents.AGGREGATE_IDENTIFIER;
import static dev.parley.projections.schema.Tables.DomainEvents.EVENT_IDENTIFIER;
import static dev.parley.projections.schema.Tables.DomainEvents.META_DATA;
import static dev.parley.projections.schema.Tables.DomainEvents.PAYLOAD;
import static dev.parley.projections.schema.Tables.DomainEvents.PAYLOAD_REVISION;
import static dev.parley.projections.schema.Tables.DomainEvents.PAYLOAD_TYPE;
import static dev.parley.projections.schema.Tables.DomainEvents.SEQUENCE_NUMBER;
import static dev.parley.projections.schema.Tables.DomainEvents.TIME_STAMP;
import static dev.parley.projections.schema.Tables.DomainEvents.TYPE;

/**
 * Checks every stored snapshot against the history: its binding, when it has one, must hold, and the state it holds
 * must be the state its aggregate's events up to its sequence build. The second check catches a snapshot whose
 * binding was recomputed along with it, which no unkeyed hash can.
 */
final class SnapshotAudit {

    private static final Map<String, Class<?>> AGGREGATES = Aggregates.types().stream()
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    private final Serializer events = ParleySerializers.events();
    private final Serializer snapshots = ParleySerializers.snapshots();

    /** The first snapshot that does not match the history, or empty. */
    Optional<Verification.Problem> firstProblem(Connection connection) throws SQLException {
        return firstProblem(connection, stream -> true);
    }

    /** The first snapshot of a stream {@code audited} accepts that does not match the history, or empty. */
    Optional<Verification.Problem> firstProblem(Connection connection, java.util.function.Predicate<String> audited)
            throws SQLException {
        EmbeddedEventStore unused = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine())
                                                      .build();
        try {
            Rebuilder rebuilder = new Rebuilder(unused);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + String.join(", ", AGGREGATE_IDENTIFIER, SEQUENCE_NUMBER, TYPE, PAYLOAD_TYPE, PAYLOAD)
                            + " FROM " + Snapshots.TABLE + " ORDER BY " + AGGREGATE_IDENTIFIER + ", "
                            + SEQUENCE_NUMBER);
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String aggregateId = rows.getString(AGGREGATE_IDENTIFIER);
                    if (!audited.test(aggregateId)) {
                        continue;
                    }
                    long sequence = rows.getLong(SEQUENCE_NUMBER);
                    String why = problem(connection, rebuilder, aggregateId, sequence, rows.getString(TYPE),
                                         rows.getString(PAYLOAD_TYPE), rows.getBytes(PAYLOAD));
                    if (why != null) {
                        return Optional.of(Verification.Problem.inSnapshot(aggregateId, sequence, why));
                    }
                }
            }
            return Optional.empty();
        } finally {
            unused.shutDown();
        }
    }

    private String problem(Connection connection, Rebuilder rebuilder, String aggregateId, long sequence,
                           String aggregateType, String payloadType, byte[] payload) throws SQLException {
        byte[] binding = SnapshotBinding.stored(connection, aggregateId, sequence);
        if (binding != null && !SnapshotBinding.holds(connection, aggregateId, sequence, payloadType, payload)) {
            return "the snapshot does not match its binding to the event it was taken at (altered)";
        }
        Class<?> type = AGGREGATES.get(aggregateType);
        if (type == null || !type.getName().equals(payloadType)) {
            return "the snapshot names another aggregate type (" + aggregateType + ", " + payloadType + ")";
        }
        List<DomainEventData<?>> history = history(connection, aggregateId, sequence);
        if (history.size() != sequence + 1 || !aggregateType.equals(history.get(0).getType())) {
            return "the snapshot is of a history the store does not hold";
        }
        DomainEventStream stream = EventStreamUtils.upcastAndDeserializeDomainEvents(
                history.stream(), events, ParleySerializers.upcasterChain());
        Object rebuilt = rebuilder.rebuild(type, aggregateId, stream).getPayload();
        JsonNode expected = canonical(snapshots.serialize(rebuilt, byte[].class).getData());
        JsonNode stored;
        try {
            stored = canonical(payload);
        } catch (IllegalArgumentException e) {
            return "the snapshot is not a JSON document";
        }
        return expected.equals(stored) ? null
                : "the snapshot's state is not what the aggregate's events build (altered, binding recomputed)";
    }

    private static List<DomainEventData<?>> history(Connection connection, String aggregateId, long sequence)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + String.join(", ", TYPE, AGGREGATE_IDENTIFIER, SEQUENCE_NUMBER, EVENT_IDENTIFIER,
                                        TIME_STAMP, PAYLOAD_TYPE, PAYLOAD_REVISION, PAYLOAD, META_DATA)
                        + " FROM " + DomainEvents.TABLE + " WHERE " + AGGREGATE_IDENTIFIER + " = ? AND "
                        + SEQUENCE_NUMBER + " <= ? ORDER BY " + SEQUENCE_NUMBER)) {
            select.setString(1, aggregateId);
            select.setLong(2, sequence);
            List<DomainEventData<?>> history = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    history.add(new GenericDomainEventEntry<>(
                            rows.getString(TYPE), rows.getString(AGGREGATE_IDENTIFIER), rows.getLong(SEQUENCE_NUMBER),
                            rows.getString(EVENT_IDENTIFIER), rows.getString(TIME_STAMP),
                            rows.getString(PAYLOAD_TYPE), rows.getString(PAYLOAD_REVISION), rows.getBytes(PAYLOAD),
                            rows.getBytes(META_DATA)));
                }
            }
            return history;
        }
    }

    /**
     * The snapshot's JSON with the entries of every array in a fixed order: aggregates keep sets, which serialize in
     * hash order, so the same state may list them differently.
     */
    private static JsonNode canonical(byte[] json) {
        try {
            return canonical(ParleyJson.mapper().readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }

    private static JsonNode canonical(JsonNode node) {
        if (node == null) {
            throw new IllegalArgumentException("not JSON");
        }
        if (node.isArray()) {
            List<JsonNode> entries = new ArrayList<>();
            node.forEach(entry -> entries.add(canonical(entry)));
            entries.sort(Comparator.comparing(JsonNode::toString));
            ArrayNode sorted = JsonNodeFactory.instance.arrayNode();
            entries.forEach(sorted::add);
            return sorted;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), canonical(field.getValue()));
            }
            return copy;
        }
        return node;
    }

    /**
     * Axon's own snapshotter, used only to build an aggregate from a stream of events the way a snapshot is made. Only
     * event sourcing handlers run; the components command handlers ask for are there so the aggregates' models can be
     * built, and are never called.
     */
    private static final class Rebuilder extends AggregateSnapshotter {

        private static final KnownIncidents NOT_DECIDING = incident -> {
            throw new IllegalStateException("no command is decided while a snapshot is checked");
        };

        private static final ParameterResolverFactory RESOLVERS = MultiParameterResolverFactory.ordered(
                ClasspathParameterResolverFactory.forClass(SnapshotAudit.class),
                new SimpleResourceParameterResolverFactory(List.of(NOT_DECIDING)));

        Rebuilder(EmbeddedEventStore unused) {
            super(AggregateSnapshotter.builder()
                                      .eventStore(unused)
                                      .parameterResolverFactory(RESOLVERS)
                                      .aggregateFactories(AGGREGATES.values().stream()
                                                                    .<AggregateFactory<?>>map(Rebuilder::factory)
                                                                    .toList()));
        }

        private static <T> AggregateFactory<T> factory(Class<T> type) {
            return new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(type, RESOLVERS));
        }

        DomainEventMessage<?> rebuild(Class<?> type, String aggregateId, DomainEventStream stream) {
            return createSnapshot(type, aggregateId, stream);
        }
    }
}
