package dev.parley.application.readside;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.application.Parley;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.parley.application.readside.ReadSide.SCENARIO;
import static dev.parley.application.readside.ReadSide.count;
import static dev.parley.application.readside.ReadSide.json;
import static dev.parley.application.readside.ReadSide.ok;
import static dev.parley.application.readside.ReadSide.parley;
import static dev.parley.application.readside.ReadSide.storeUrl;
import static dev.parley.application.readside.ReadSide.storedPositions;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code parley replay} on the shipped scenario: every read model rebuilt from the event store, unchanged. */
class ReplayTest {

    private static final String TALKS = "pak-afg-talks-2025";
    private static final String INCIDENT = "pak-afg-border-posts-2025-10-12";

    @TempDir
    Path directory;

    private String store;

    @BeforeEach
    void runTheShippedScenario() {
        store = storeUrl(directory);
        ok("run", "--store", store, "--actor", "replay-test", SCENARIO.toString());
    }

    /** What {@code status --json}, {@code timeline --json} and {@code audit --json} print, in that order. */
    private List<String> readSideJson() {
        return List.of(ok("status", "--store", store, "--json"),
                       ok("timeline", "--store", store, "--json"),
                       ok("audit", "--store", store, "--json"));
    }

    @Test
    void replayPrintsIdenticalExitsZeroAndLeavesStatusTimelineAndAuditByteIdentical() {
        List<String> before = readSideJson();
        assertThat(json(before.get(1))).hasSizeGreaterThan(10);

        ReadSide.Result replay = parley("replay", "--store", store);

        assertThat(replay.exitCode()).as("stderr: %s", replay.err()).isZero();
        assertThat(replay.out()).contains("identical").doesNotContain("differences");
        assertThat(replay.out().strip())
                .as("events replayed, seconds, events/s and the verdict")
                .matches("Replayed 13 events into status, timeline, audit in \\d+[.,]\\d{3} s \\(\\d+ events/s\\):"
                                 + " identical");
        assertThat(readSideJson()).isEqualTo(before);
    }

    @Test
    void replayingTwiceInARowIsStillIdentical() {
        List<String> before = readSideJson();

        ReadSide.Result first = parley("replay", "--store", store);
        ReadSide.Result second = parley("replay", "--store", store);

        assertThat(first.exitCode()).as("first replay; stdout: %s", first.out()).isZero();
        assertThat(second.exitCode()).as("second replay; stdout: %s", second.out()).isZero();
        assertThat(second.out()).contains("identical");
        assertThat(readSideJson()).isEqualTo(before);
    }

    @Test
    void replayJsonReportsEveryStoredEventReplayedTheRateAndIdentical() {
        long stored;
        try (Parley parley = Parley.builder().store(store).readModels(false).build()) {
            stored = count(parley.store().dataSource(), "domain_event_entry");
        }

        JsonNode outcome = json(ok("replay", "--store", store, "--json"));

        assertThat(outcome.has("events")).isTrue();
        assertThat(outcome.has("seconds")).isTrue();
        assertThat(outcome.has("eventsPerSecond")).isTrue();
        assertThat(outcome.has("identical")).isTrue();
        assertThat(outcome.get("events").isIntegralNumber()).isTrue();
        assertThat(outcome.get("events").asLong()).isEqualTo(stored);
        // the scenario has 12 accepted lines and one propagated ceasefire
        assertThat(stored).isEqualTo(13);
        assertThat(outcome.get("seconds").isNumber()).isTrue();
        assertThat(outcome.get("seconds").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(outcome.get("eventsPerSecond").isNumber()).isTrue();
        assertThat(outcome.get("eventsPerSecond").asDouble()).isPositive();
        assertThat(outcome.get("identical").isBoolean()).isTrue();
        assertThat(outcome.get("identical").asBoolean()).isTrue();
    }

    @Test
    void afterReplayTheAuditTrailHasExactlyOneEntryPerStoredEventWithItsProvenance() {
        ok("replay", "--store", store);
        JsonNode audit = json(ok("audit", "--store", store, "--json"));

        List<Long> auditPositions = new ArrayList<>();
        audit.forEach(entry -> auditPositions.add(entry.get("position").asLong()));
        List<Long> storedPositions;
        long storedByStream;
        String negotiationCeasefireId;
        try (Parley parley = Parley.builder().store(store).readModels(false).build()) {
            storedPositions = storedPositions(parley.store().dataSource());
            List<DomainEventMessage<?>> talks = parley.eventStore().readEvents(TALKS, 0).asStream()
                                                      .<DomainEventMessage<?>>map(event -> event).toList();
            storedByStream = talks.size() + parley.eventStore().readEvents(INCIDENT, 0).asStream().count();
            negotiationCeasefireId = talks.stream()
                                          .filter(event -> event.getPayloadType().getSimpleName()
                                                                .equals("CeasefireDeclaredEvent"))
                                          .map(DomainEventMessage::getIdentifier)
                                          .findFirst().orElseThrow();
        }

        assertThat(auditPositions).doesNotHaveDuplicates().isSorted().isEqualTo(storedPositions);
        assertThat(auditPositions).hasSize((int) storedByStream);

        Set<String> keys = new HashSet<>();
        audit.get(0).fieldNames().forEachRemaining(keys::add);
        assertThat(keys).contains("position", "aggregateType", "aggregateId", "sequence", "eventType", "occurredAt",
                                  "recordedAt", "actor", "source", "correlationId", "causationId", "payload");

        for (JsonNode entry : audit) {
            assertThat(entry.path("correlationId").asText("")).as("correlationId of %s", entry).isNotBlank();
            assertThat(entry.path("actor").asText("")).as("actor of %s", entry).isEqualTo("replay-test");
        }

        JsonNode negotiationCeasefire = only(audit, "Negotiation", "CeasefireDeclared");
        JsonNode incidentCeasefire = only(audit, "BorderIncident", "CeasefireDeclared");
        assertThat(negotiationCeasefire.get("aggregateId").asText()).isEqualTo(TALKS);
        assertThat(negotiationCeasefire.get("causationId").isNull()).as("entered by a user: no cause").isTrue();
        assertThat(incidentCeasefire.get("aggregateId").asText()).isEqualTo(INCIDENT);
        assertThat(incidentCeasefire.get("causationId").asText("")).isEqualTo(negotiationCeasefireId);
        assertThat(incidentCeasefire.get("correlationId").asText())
                .isEqualTo(negotiationCeasefire.get("correlationId").asText());
        assertThat(incidentCeasefire.get("position").asLong())
                .isGreaterThan(negotiationCeasefire.get("position").asLong());
    }

    private static JsonNode only(JsonNode audit, String aggregateType, String eventType) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode entry : audit) {
            if (entry.get("aggregateType").asText().equals(aggregateType)
                    && entry.get("eventType").asText().equals(eventType)) {
                found.add(entry);
            }
        }
        assertThat(found).as("%s %s entries", aggregateType, eventType).hasSize(1);
        return found.get(0);
    }

    @Test
    void theReadModelsAreBackAtTheHeadAfterAReplayAndStayThereOnReopening() throws Exception {
        ok("replay", "--store", store);
        try (Parley parley = Parley.open(store)) {
            parley.awaitReadModels(Duration.ofSeconds(30));
            ReadSide.assertOneRowPerStoredEvent(parley);
        }
    }
}
