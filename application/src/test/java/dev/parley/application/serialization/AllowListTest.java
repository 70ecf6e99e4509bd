package dev.parley.application.serialization;

import dev.parley.incident.api.CasualtiesRecordedEvent;
import dev.parley.shared.api.IncidentId;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored data names the class it is read as; only Parley's own classes are ever built from it. */
class AllowListTest {

    @Test
    void aStoredClassNameOffTheListIsReadAsUnknownAndNeverBuilt() {
        Serializer events = ParleySerializers.events();
        SerializedObject<byte[]> forged = new SimpleSerializedObject<>(
                "{\"name\":\"pwned\"}".getBytes(StandardCharsets.UTF_8), byte[].class,
                new SimpleSerializedType(Thread.class.getName(), null));

        Object read = events.deserialize(forged);

        assertThat(read).isInstanceOf(UnknownSerializedType.class);
        assertThat(events.classForType(new SimpleSerializedType("java.net.URL", null)))
                .isEqualTo(UnknownSerializedType.class);
        assertThat(ParleySerializers.snapshots().classForType(
                new SimpleSerializedType(CasualtiesRecordedEvent.class.getName(), "2")))
                .as("the snapshot serializer reads aggregates only").isEqualTo(UnknownSerializedType.class);
    }

    @Test
    void eventsMetadataAndTokensStillRoundTrip() {
        Serializer events = ParleySerializers.events();
        CasualtiesRecordedEvent event = new CasualtiesRecordedEvent(new IncidentId("inc-1"), "PAK", 3, 4,
                                                                    Instant.parse("2025-10-10T00:00:00Z"), "ISPR");
        Object[] originals = {event, MetaData.with("actor", "analyst"), new GlobalSequenceTrackingToken(42)};

        for (Object original : originals) {
            Object read = events.deserialize(events.serialize(original, byte[].class));
            assertThat(read).isEqualTo(original);
        }
    }
}
