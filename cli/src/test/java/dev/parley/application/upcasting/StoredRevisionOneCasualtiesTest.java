package dev.parley.application.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.application.Parley;
import dev.parley.application.RevisionOneParley;
import dev.parley.application.fork.Fork;
import dev.parley.application.integrity.Verification;
import dev.parley.application.storage.Store;
import dev.parley.application.testing.ParleyRun;
import dev.parley.application.testing.Queries;
import dev.parley.incident.api.CasualtiesRecordedEvent;
import dev.parley.incident.api.RecordCasualtiesCommand;
import dev.parley.incident.api.ReportIncidentCommand;
import dev.parley.projections.status.CasualtyCount;
import dev.parley.projections.status.FindStatusAsOfQuery;
import dev.parley.projections.status.FindStatusAtSequenceQuery;
import dev.parley.projections.status.FindStatusQuery;
import dev.parley.projections.status.IncidentView;
import dev.parley.projections.status.StatusReport;
import dev.parley.projections.timeline.FindTimelineQuery;
import dev.parley.projections.timeline.Timeline;
import dev.parley.projections.timeline.TimelineEntry;
import dev.parley.shared.api.IncidentId;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Casualties stored by the version of Parley that wrote {@link CasualtiesRecordedEvent} at revision 1, through the
 * production append path with its hashing, then more recorded by this version at revision 2 against the same
 * incident. Every reader (the streaming read models and their replay, time travel, forks, commands, verify, export)
 * sees revision 2 with 0 wounded where revision 1 left them out, and none of them rewrites a stored byte.
 */
class StoredRevisionOneCasualtiesTest {

    private static final String INCIDENT = "inc-chaman";
    private static final String OLDER_VERSION = "older-version";
    private static final String CASUALTIES = CasualtiesRecordedEvent.class.getName();

    @TempDir
    Path directory;

    private String store;
    /** Every stored event after the older version, then this one, recorded: positions 1 to 4, then 5 and 6. */
    private List<StoredRow> recorded;
    /** When the older version recorded its last event. */
    private Instant olderVersionStopped;

    /** An event as the store holds it: its columns, and its leaf hash. */
    private record StoredRow(long position, long sequence, String payloadType, String revision, String recordedAt,
                             String payload, String metaData, String leafHash) {
    }

    @BeforeEach
    void recordRevisionOneCasualtiesThenRevisionTwoOnes() throws Exception {
        store = ParleyRun.storeUrl(directory.resolve("record"));
        try (RevisionOneParley older = RevisionOneParley.open(store)) {
            older.send(new ReportIncidentCommand(new IncidentId(INCIDENT), "Chaman border post", List.of("AFG"),
                                                 List.of("PAK"), "attack on a post", day("2025-10-12"), "ISPR"),
                       OLDER_VERSION);
            older.send(casualties("PAK", 2, 0, "2025-10-13"), OLDER_VERSION);
            older.send(casualties("AFG", 1, 4, "2025-10-14"), OLDER_VERSION);
            older.send(casualties("PAK", 3, 0, "2025-10-16"), OLDER_VERSION);
        }
        List<StoredRow> olderRows = storedRows(store);
        assertThat(olderRows).extracting(StoredRow::revision).containsExactly("1", "1", "1", "1");
        assertThat(olderRows).filteredOn(row -> row.payloadType().equals(CASUALTIES))
                             .extracting(row -> ParleyRun.json(row.payload()).has("wounded"))
                             .containsExactly(false, true, false);
        olderVersionStopped = Instant.parse(olderRows.get(3).recordedAt());

        try (Parley parley = Parley.open(store)) {
            parley.commands().sendAndWait(casualties("PAK", 1, 2, "2025-10-18"));
            parley.commands().sendAndWait(casualties("PAK", 4, 0, "2025-10-20"));
            parley.awaitReadModels(Duration.ofSeconds(30));
        }
        recorded = storedRows(store);
        assertThat(recorded.subList(0, 4)).isEqualTo(olderRows);
        assertThat(recorded.subList(4, 6)).allSatisfy(row -> {
            assertThat(row.revision()).isEqualTo("2");
            assertThat(ParleyRun.json(row.payload()).has("wounded")).isTrue();
        });
        assertThat(recorded).extracting(StoredRow::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void theReadModelsSumRevisionOneCasualtiesWithNoneWoundedWhereTheyWereLeftOutAndReplayIsIdentical() {
        Map<String, CasualtyCount> expected = Map.of("PAK", new CasualtyCount(10, 2), "AFG", new CasualtyCount(1, 4));
        assertThat(casualtiesOf(ParleyRun.json(ok("status", INCIDENT, "--store", store, "--json"))))
                .isEqualTo(expected);
        String statusBefore = ok("status", "--store", store, "--json");
        String timelineBefore = ok("timeline", "--store", store, "--json");

        JsonNode replay = ParleyRun.json(ok("replay", "--store", store, "--json"));

        assertThat(replay.get("events").asLong()).isEqualTo(6);
        assertThat(replay.get("identical").asBoolean()).isTrue();
        assertThat(ok("status", "--store", store, "--json")).isEqualTo(statusBefore);
        assertThat(ok("timeline", "--store", store, "--json")).isEqualTo(timelineBefore);
        assertThat(casualtiesOf(ParleyRun.json(statusBefore))).isEqualTo(expected);
    }

    @Test
    void timeTravelSumsTheCasualtiesOfThenAcrossBothRevisions() throws Exception {
        try (Parley parley = Parley.open(store)) {
            parley.awaitReadModels(Duration.ofSeconds(30));
            QueryGateway queries = parley.queries();

            assertThat(asOf(queries, day("2025-10-15"), null)).isEqualTo(
                    Map.of("PAK", new CasualtyCount(2, 0), "AFG", new CasualtyCount(1, 4)));
            assertThat(asOf(queries, day("2025-10-19"), null)).isEqualTo(
                    Map.of("PAK", new CasualtyCount(6, 2), "AFG", new CasualtyCount(1, 4)));
            assertThat(asOf(queries, null, olderVersionStopped)).as("what the older version had recorded")
                    .isEqualTo(Map.of("PAK", new CasualtyCount(5, 0), "AFG", new CasualtyCount(1, 4)));
            assertThat(incident(Queries.ask(queries, new FindStatusAtSequenceQuery(INCIDENT, 1), StatusReport.class))
                               .casualties()).isEqualTo(Map.of("PAK", new CasualtyCount(2, 0)));
            assertThat(asOf(queries, null, null)).isEqualTo(
                    incident(Queries.ask(queries, FindStatusQuery.of(INCIDENT), StatusReport.class)).casualties());

            Timeline timeline = Queries.ask(queries, new FindTimelineQuery(day("2025-10-15"), null), Timeline.class);
            assertThat(timeline.entries()).filteredOn(entry -> entry.eventType().equals("CasualtiesRecorded"))
                    .extracting(TimelineEntry::description).containsExactly(
                    "Casualties in " + INCIDENT + ": PAK 2 killed",
                    "Casualties in " + INCIDENT + ": AFG 1 killed, 4 wounded");
        }
        JsonNode status = ParleyRun.json(ok("status", INCIDENT, "--store", store, "--json", "--at", "2025-10-17"));
        assertThat(casualtiesOf(status)).isEqualTo(
                Map.of("PAK", new CasualtyCount(5, 0), "AFG", new CasualtyCount(1, 4)));
    }

    @Test
    void commandsAndForksDecideAgainstTheRevisionOneEvents() throws Exception {
        try (Parley parley = Parley.builder().store(store).snapshotEvery(2).build()) {
            try (Fork fork = parley.fork(recorded.get(3).position())) {
                fork.commands().sendAndWait(casualties("PAK", 7, 0, "2025-10-17"));

                assertThat(incident(Queries.ask(fork.queries(), FindStatusQuery.of(INCIDENT), StatusReport.class))
                                   .casualties())
                        .isEqualTo(Map.of("PAK", new CasualtyCount(12, 0), "AFG", new CasualtyCount(1, 4)));
                assertThat(fork.ownEvents()).singleElement().satisfies(event -> assertThat(
                        event.message().getSequenceNumber()).isEqualTo(4));
            }

            parley.commands().sendAndWait(casualties("AFG", 2, 0, "2025-10-21"));
            parley.commands().sendAndWait(casualties("AFG", 0, 1, "2025-10-22"));
            parley.awaitReadModels(Duration.ofSeconds(30));

            assertThat(count(parley.store(), "snapshot_event_entry")).as("snapshots of the incident").isPositive();
            assertThat(incident(Queries.ask(parley.queries(), FindStatusQuery.of(INCIDENT), StatusReport.class))
                               .casualties())
                    .isEqualTo(Map.of("PAK", new CasualtyCount(10, 2), "AFG", new CasualtyCount(3, 5)));
            assertThat(parley.integrity().verify(position -> {
            }).intact()).isTrue();
        }
        assertThat(storedRows(store).subList(0, 6)).as("the forked and extended record kept its rows")
                                                   .isEqualTo(recorded);
    }

    @Test
    void verifyHoldsOverTheRevisionOneRowsAndNoReaderRewritesThem() throws Exception {
        ok("replay", "--store", store);
        ok("status", "--store", store, "--json", "--at", "2025-10-15");
        ok("timeline", "--store", store, "--json", "--known-at", olderVersionStopped.toString());
        ok("audit", "--store", store, "--json");
        try (Parley parley = Parley.open(store); Fork fork = parley.fork(recorded.get(5).position())) {
            assertThat(incident(Queries.ask(fork.queries(), FindStatusQuery.of(INCIDENT), StatusReport.class))
                               .casualties())
                    .containsEntry("PAK", new CasualtyCount(10, 2));
            Verification verified = parley.integrity().verify(position -> {
            });
            assertThat(verified.intact()).as("problem: %s", verified.problem()).isTrue();
            assertThat(verified.leaves()).hasSize(6);
        }

        assertThat(storedRows(store)).isEqualTo(recorded);
        ParleyRun.Output verify = ParleyRun.run("verify", "--store", store);
        assertThat(verify.exitCode()).as("stdout: %s; stderr: %s", verify.out(), verify.err()).isZero();
    }

    @Test
    void exportAndImportCarryTheRevisionOneRowsByteForByteAndTheImportReadsThemUpcast() throws Exception {
        Path exported = directory.resolve("export.ndjson");
        ok("export", "--store", store, "--out", exported.toString());
        String target = ParleyRun.storeUrl(directory.resolve("imported"));

        ok("import", "--store", target, exported.toString());

        List<JsonNode> lines = Files.readAllLines(exported, StandardCharsets.UTF_8).stream()
                                    .map(ParleyRun::json).toList();
        assertThat(lines).extracting(line -> line.get("payloadRevision").asText())
                         .containsExactly("1", "1", "1", "1", "2", "2");
        assertThat(lines).extracting(line -> line.get("payload").asText())
                         .containsExactlyElementsOf(recorded.stream().map(StoredRow::payload).toList());
        assertThat(storedRows(target)).isEqualTo(recorded);
        Path again = directory.resolve("again.ndjson");
        ok("export", "--store", target, "--out", again.toString());
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(exported));
        ok("verify", "--store", target);
        assertThat(ok("status", "--store", target, "--json")).isEqualTo(ok("status", "--store", store, "--json"));
    }

    private static RecordCasualtiesCommand casualties(String side, int killed, int wounded, String day) {
        return new RecordCasualtiesCommand(new IncidentId(INCIDENT), side, killed, wounded, day(day), "field report");
    }

    private static Instant day(String day) {
        return Instant.parse(day + "T00:00:00Z");
    }

    private static String ok(String... args) {
        ParleyRun.Output run = ParleyRun.run(args);
        assertThat(run.exitCode()).as("exit code of parley %s; stderr: %s; stdout: %s", List.of(args), run.err(),
                                      run.out()).isZero();
        return run.out();
    }

    private static Map<String, CasualtyCount> asOf(QueryGateway queries, Instant at, Instant knownAt) {
        return incident(Queries.ask(queries, new FindStatusAsOfQuery(INCIDENT, at, knownAt), StatusReport.class))
                .casualties();
    }

    private static IncidentView incident(StatusReport report) {
        assertThat(report.incidents()).extracting(IncidentView::id).containsExactly(INCIDENT);
        return report.incidents().get(0);
    }

    private static Map<String, CasualtyCount> casualtiesOf(JsonNode status) {
        for (JsonNode incident : status.get("incidents")) {
            if (incident.get("id").asText().equals(INCIDENT)) {
                Map<String, CasualtyCount> casualties = new HashMap<>();
                incident.get("casualties").properties().forEach(side -> casualties.put(
                        side.getKey(), new CasualtyCount(side.getValue().get("killed").asInt(),
                                                         side.getValue().get("wounded").asInt())));
                return casualties;
            }
        }
        throw new AssertionError("no " + INCIDENT + " in " + status);
    }

    private static long count(Store store, String table) throws SQLException {
        try (Connection connection = store.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<StoredRow> storedRows(String url) throws SQLException {
        List<StoredRow> rows = new ArrayList<>();
        try (Store opened = Store.open(url);
             Connection connection = opened.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT e.global_index, e.sequence_number, e.payload_type, e.payload_revision, e.time_stamp,"
                             + " e.payload, e.meta_data, h.leaf_hash FROM domain_event_entry e"
                             + " LEFT JOIN event_hash h ON h.global_index = e.global_index ORDER BY e.global_index");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                byte[] leaf = row.getBytes(8);
                rows.add(new StoredRow(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4),
                                       row.getString(5), new String(row.getBytes(6), StandardCharsets.UTF_8),
                                       new String(row.getBytes(7), StandardCharsets.UTF_8),
                                       leaf == null ? null : HexFormat.of().formatHex(leaf)));
            }
        }
        return rows;
    }
}
