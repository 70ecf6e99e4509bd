package dev.parley.application.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.application.integrity.IntegrityCli.Result;
import dev.parley.application.integrity.Tables.Event;
import dev.parley.application.integrity.Tables.Hash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.parley.application.integrity.IntegrityCli.parley;
import static dev.parley.application.integrity.IntegrityCli.parleyExpecting;
import static dev.parley.application.integrity.IntegrityCli.storeUrl;
import static dev.parley.application.integrity.IntegrityCli.verifyJson;
import static dev.parley.application.integrity.IntegrityCli.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event {@code parley run} appends gets its leaf hash in event_hash, in the append itself: the process rule's
 * events too; a rejected command and a dry run write none.
 */
class AppendHashingTest {

    @TempDir
    Path directory;

    /**
     * One event_hash row per stored event, at the same positions with the same stream and sequence, each leaf the
     * hash of the stored row chained onto the previous leaf of its stream, recomputed here independently.
     */
    private static void assertEveryEventHashedOnce(String url) {
        List<Event> events = Tables.events(url);
        List<Hash> hashes = Tables.hashes(url);
        assertThat(hashes).as("hash rows").hasSameSizeAs(events);
        assertThat(hashes.stream().map(Hash::position).toList())
                .isEqualTo(events.stream().map(Event::position).toList());
        Map<Long, byte[]> expected = Tables.recomputedLeaves(events);
        for (int index = 0; index < events.size(); index++) {
            Event event = events.get(index);
            Hash hash = hashes.get(index);
            assertThat(hash.aggregateId()).as("stream hashed at %d", event.position()).isEqualTo(event.aggregateId());
            assertThat(hash.sequence()).as("sequence hashed at %d", event.position()).isEqualTo(event.sequence());
            assertThat(Hashes.hex(hash.leafHash())).as("leaf hash at %d", event.position())
                                                  .isEqualTo(Hashes.hex(expected.get(event.position())));
        }
    }

    private static List<Event> causedByTheProcessRule(String url) {
        return Tables.events(url).stream()
                     .filter(event -> new String(event.metaData(), StandardCharsets.UTF_8).contains("causationId"))
                     .toList();
    }

    @ParameterizedTest
    @EnumSource(Scenarios.class)
    void everyStoredEventHasExactlyOneHashRightAfterRunIncludingTheProcessRulesCeasefires(Scenarios scenario) {
        String url = scenario.record(directory.resolve("store"));

        assertThat(Tables.hashCount(url)).isEqualTo(Tables.eventCount(url)).isEqualTo(scenario.events());
        assertEveryEventHashedOnce(url);
        List<Event> propagated = causedByTheProcessRule(url);
        assertThat(propagated).as("ceasefires the process rule wrote")
                              .hasSize(scenario == Scenarios.SHIPPED ? 1 : 3)
                              .allSatisfy(event -> {
                                  assertThat(event.eventType()).isEqualTo("CeasefireDeclared");
                                  assertThat(event.aggregateType()).isEqualTo("BorderIncident");
                              });
        List<Long> hashed = Tables.hashes(url).stream().map(Hash::position).toList();
        assertThat(hashed).containsAll(propagated.stream().map(Event::position).toList());
    }

    @Test
    void rejectedCommandsWriteNoEventAndNoHashWhileTheAcceptedOnesAroundThemAreHashed() {
        String url = storeUrl(directory.resolve("store"));
        Path file = write(directory, "mixed.ndjson", """
                {"command":"ReportIncident","incidentId":"inc-x","location":"Bajaur","attackers":["TTP"],"defenders":["PAK"],"description":"raid","occurredAt":"2025-11-01","source":"ISPR"}
                {"command":"OpenRound","negotiationId":"talks","round":1,"parties":["PAK","AFG"],"mediators":["QAT"],"venue":"Doha","occurredAt":"2025-11-02","source":"Al Jazeera"}
                {"command":"DeclareCeasefire","negotiationId":"talks","effectiveFrom":"2025-11-03","terms":"truce","coversIncidents":["inc-x","inc-missing"],"occurredAt":"2025-11-03","source":"Al Jazeera"}
                {"command":"RecordStrike","incidentId":"inc-x","by":"PAK","targets":["Mamund"],"description":"air strike","occurredAt":"2025-11-03","source":"ISPR"}
                {"command":"DeclareCeasefire","negotiationId":"talks","effectiveFrom":"2025-11-04","terms":"truce","coversIncidents":["inc-x"],"occurredAt":"2025-11-04","source":"Al Jazeera"}
                {"command":"RecordStrike","incidentId":"inc-x","by":"PAK","targets":["Khar"],"description":"strike in the truce","occurredAt":"2025-11-05","source":"ISPR"}
                """);

        Result run = parley("run", "--store", url, file.toString());

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
        assertThat(run.err().lines().filter(line -> line.startsWith("line ")).toList())
                .hasSize(2)
                .satisfiesExactly(line -> assertThat(line).startsWith("line 3: DeclareCeasefire: UNKNOWN_INCIDENT: "),
                                  line -> assertThat(line).startsWith("line 6: RecordStrike: CEASEFIRE_IN_FORCE: "));
        List<Event> events = Tables.events(url);
        assertThat(events).extracting(event -> event.aggregateId() + " " + event.eventType())
                          .containsExactly("inc-x IncidentReported", "talks RoundOpened", "inc-x StrikeRecorded",
                                           "talks CeasefireDeclared", "inc-x CeasefireDeclared");
        assertThat(events).extracting(Event::position).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertEveryEventHashedOnce(url);

        Path later = write(directory, "later.ndjson", """
                {"command":"RecordStrike","incidentId":"inc-x","by":"TTP","targets":["Inayat Kalay"],"description":"strike in the truce","occurredAt":"2025-11-06","source":"ISPR"}
                {"command":"ReportViolation","incidentId":"inc-x","by":"TTP","description":"attack in the truce","occurredAt":"2025-11-06","source":"ISPR"}
                """);
        Result second = parley("run", "--store", url, later.toString());

        assertThat(second.exitCode()).as(second.describe()).isEqualTo(2);
        assertThat(Tables.eventCount(url)).isEqualTo(6);
        assertEveryEventHashedOnce(url);
        assertThat(verifyJson(url, 0).get("events").longValue()).isEqualTo(6);
    }

    @Test
    void aDryRunOnAnEmptyStoreWritesNeitherEventsNorHashes() {
        String url = storeUrl(directory.resolve("store"));

        Result run = parleyExpecting(0, "run", "--dry-run", "--store", url,
                                     Scenarios.OWN.file(directory).toString());

        assertThat(run.err()).contains("28 of 28 commands would be accepted, nothing was written");
        assertThat(Tables.eventCount(url)).isZero();
        assertThat(Tables.hashCount(url)).isZero();
    }

    @Test
    void aDryRunOnARecordedStoreLeavesItsEventsHashesAndRootAsTheyWere() {
        String url = Scenarios.SHIPPED.record(directory.resolve("store"));
        JsonNode before = verifyJson(url, 0);
        List<Hash> hashesBefore = Tables.hashes(url);
        Path more = write(directory, "more.ndjson", """
                {"command":"OfferMediation","negotiationId":"pak-afg-talks-2025","mediator":"SAU","occurredAt":"2025-10-30","source":"Arab News"}
                {"command":"ReportViolation","incidentId":"pak-afg-border-posts-2025-10-12","by":"TTP","description":"attack on a checkpost","occurredAt":"2025-10-31","source":"ISPR"}
                """);

        Result run = parleyExpecting(0, "run", "--dry-run", "--store", url, more.toString());

        assertThat(run.err()).contains("2 of 2 commands would be accepted, nothing was written");
        assertThat(Tables.eventCount(url)).isEqualTo(13);
        assertThat(Tables.hashes(url)).usingRecursiveFieldByFieldElementComparator().isEqualTo(hashesBefore);
        JsonNode after = verifyJson(url, 0);
        assertThat(after.get("rootHash")).isEqualTo(before.get("rootHash"));
    }
}
