package dev.parley.application;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.incident.api.CasualtiesRecordedEvent;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record's storage engine and its forks' record reader both take the upcaster chain of a configuration built by
 * {@link DomainWiring}; Parley's event serializer fails on a missing {@code wounded} without it, and the
 * registration is checked here, on the chain itself.
 */
class DomainWiringUpcastersTest {

    private static final String WITHOUT_WOUNDED = """
            {"incidentId":"inc","side":"PAK","killed":2,"occurredAt":"2025-10-13T00:00:00Z","source":"ISPR"}""";

    @Test
    void theDomainsUpcasterChainReadsRevisionOneCasualtiesAsRevisionTwo() {
        Serializer serializer = DomainWiring.serializer();
        String type = CasualtiesRecordedEvent.class.getName();
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>(
                "BorderIncident", "inc", 1, "event-1", "2025-10-20T10:00:00.000Z", type, "1",
                WITHOUT_WOUNDED.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));

        List<IntermediateEventRepresentation> upcast =
                DomainWiring.domain(serializer, NoTransactionManager.INSTANCE).buildConfiguration().upcasterChain()
                            .upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();

        assertThat(upcast).singleElement().satisfies(event -> {
            assertThat(event.getType()).isEqualTo(new SimpleSerializedType(type, "2"));
            assertThat(event.getData(JsonNode.class).getData().get("wounded").asInt(-1)).isZero();
        });
    }
}
