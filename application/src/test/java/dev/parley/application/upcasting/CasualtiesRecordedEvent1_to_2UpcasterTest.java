package dev.parley.application.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.incident.api.CasualtiesRecordedEvent;
import dev.parley.incident.api.IncidentReportedEvent;
import dev.parley.application.serialization.ParleySerializers;
import dev.parley.projections.json.ParleyJson;
import dev.parley.shared.api.IncidentId;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The upcaster on the stored JSON, as Axon hands it over: only revision-1 casualties change, and only in memory. */
class CasualtiesRecordedEvent1_to_2UpcasterTest {

    private static final String CASUALTIES = CasualtiesRecordedEvent.class.getName();
    private static final String WITHOUT_WOUNDED = """
            {"incidentId":"inc","side":"PAK","killed":2,"occurredAt":"2025-10-13T00:00:00Z","source":"ISPR"}""";
    private static final String WITH_WOUNDED = """
            {"incidentId":"inc","side":"AFG","killed":1,"wounded":4,"occurredAt":"2025-10-14T00:00:00Z",\
            "source":"Tolo News"}""";

    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(ParleyJson.create()).build();
    private final CasualtiesRecordedEvent1_to_2Upcaster upcaster = new CasualtiesRecordedEvent1_to_2Upcaster();

    @Test
    void revisionOneWithoutWoundedIsReadAsRevisionTwoWithNoneWounded() {
        IntermediateEventRepresentation upcast = upcastOne(stored(CASUALTIES, "1", WITHOUT_WOUNDED));

        assertThat(upcast.getType()).isEqualTo(new SimpleSerializedType(CASUALTIES, "2"));
        JsonNode payload = upcast.getData(JsonNode.class).getData();
        assertThat(payload.get("wounded").isInt()).isTrue();
        assertThat(payload.get("wounded").asInt()).isZero();
        assertThat(payload.get("killed").asInt()).isEqualTo(2);
        assertThat(payload.get("side").asText()).isEqualTo("PAK");
    }

    @Test
    void revisionOneWithWoundedKeepsThem() {
        IntermediateEventRepresentation upcast = upcastOne(stored(CASUALTIES, "1", WITH_WOUNDED));

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat(upcast.getData(JsonNode.class).getData()).isEqualTo(json(WITH_WOUNDED));
    }

    @Test
    void revisionTwoIsLeftAsStored() {
        IntermediateEventRepresentation stored = new InitialEventRepresentation(
                stored(CASUALTIES, "2", WITH_WOUNDED), serializer);

        assertThat(upcaster.upcast(Stream.of(stored)).toList()).containsExactly(stored);
    }

    @Test
    void otherEventTypesAreLeftAsStoredEvenAtRevisionOne() {
        String reported = """
                {"incidentId":"inc","location":"Chaman","attackers":["AFG"],"defenders":["PAK"],\
                "description":"attack","occurredAt":"2025-10-12T00:00:00Z","source":"ISPR"}""";
        IntermediateEventRepresentation incident = new InitialEventRepresentation(
                stored(IncidentReportedEvent.class.getName(), "1", reported), serializer);
        IntermediateEventRepresentation lookalike = new InitialEventRepresentation(
                stored(CASUALTIES + "Summary", "1", WITHOUT_WOUNDED), serializer);

        assertThat(upcaster.upcast(Stream.of(incident, lookalike)).toList()).containsExactly(incident, lookalike);
    }

    @Test
    void upcastingReadsTheStoredBytesWithoutChangingThem() {
        DomainEventData<byte[]> stored = stored(CASUALTIES, "1", WITHOUT_WOUNDED);

        upcastOne(stored).getData(JsonNode.class).getData();

        assertThat(stored.getPayload().getType()).isEqualTo(new SimpleSerializedType(CASUALTIES, "1"));
        assertThat(new String(stored.getPayload().getData(), StandardCharsets.UTF_8)).isEqualTo(WITHOUT_WOUNDED);
    }

    @Test
    void aStoredRevisionOneEventDeserializesToTheCurrentRecord() {
        CasualtiesRecordedEvent event = deserialize(serializer, upcaster, stored(CASUALTIES, "1", WITHOUT_WOUNDED));

        assertThat(event).isEqualTo(new CasualtiesRecordedEvent(new IncidentId("inc"), "PAK", 2, 0,
                                                                Instant.parse("2025-10-13T00:00:00Z"), "ISPR"));
    }

    /** Parley's event serializer reads revision 1 only through the upcaster: taken out of the chain, reading fails. */
    @Test
    void parleysEventSerializerReadsRevisionOneOnlyThroughTheUpcaster() {
        JacksonSerializer events = ParleySerializers.events();

        assertThatThrownBy(() -> deserialize(events, NoOpEventUpcaster.INSTANCE,
                                             stored(CASUALTIES, "1", WITHOUT_WOUNDED)))
                .hasStackTraceContaining("wounded");
        assertThat(deserialize(events, ParleySerializers.upcasterChain(), stored(CASUALTIES, "1", WITHOUT_WOUNDED))
                           .wounded()).isZero();
    }

    @Test
    void everyFieldOfAStoredEventIsRequiredNotDefaulted() {
        JacksonSerializer events = ParleySerializers.events();
        String withoutKilled = """
                {"incidentId":"inc","side":"PAK","wounded":2,"occurredAt":"2025-10-13T00:00:00Z","source":"ISPR"}""";
        String nullKilled = """
                {"incidentId":"inc","side":"PAK","killed":null,"wounded":2,"occurredAt":"2025-10-13T00:00:00Z",\
                "source":"ISPR"}""";

        assertThatThrownBy(() -> deserialize(events, ParleySerializers.upcasterChain(),
                                             stored(CASUALTIES, "2", withoutKilled)))
                .hasStackTraceContaining("killed");
        assertThatThrownBy(() -> deserialize(events, ParleySerializers.upcasterChain(),
                                             stored(CASUALTIES, "2", nullKilled)))
                .hasStackTraceContaining("killed");
        assertThat(deserialize(events, ParleySerializers.upcasterChain(), stored(CASUALTIES, "2", WITH_WOUNDED)))
                .isEqualTo(new CasualtiesRecordedEvent(new IncidentId("inc"), "AFG", 1, 4,
                                                       Instant.parse("2025-10-14T00:00:00Z"), "Tolo News"));
    }

    private IntermediateEventRepresentation upcastOne(DomainEventData<byte[]> stored) {
        List<IntermediateEventRepresentation> upcast =
                upcaster.upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();
        assertThat(upcast).hasSize(1);
        return upcast.get(0);
    }

    private static CasualtiesRecordedEvent deserialize(JacksonSerializer serializer, EventUpcaster upcasters,
                                                       DomainEventData<byte[]> stored) {
        DomainEventMessage<?> message = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(stored), serializer, upcasters).next();
        return (CasualtiesRecordedEvent) message.getPayload();
    }

    private static DomainEventData<byte[]> stored(String type, String revision, String payload) {
        return new GenericDomainEventEntry<>("BorderIncident", "inc", 1, UUID.randomUUID().toString(),
                                             "2025-10-20T10:00:00.000Z", type, revision,
                                             payload.getBytes(StandardCharsets.UTF_8),
                                             "{}".getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode json(String text) {
        return serializer.getConverter().convert(text.getBytes(StandardCharsets.UTF_8), byte[].class, JsonNode.class);
    }
}
