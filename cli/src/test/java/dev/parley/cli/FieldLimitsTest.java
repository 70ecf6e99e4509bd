package dev.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.parley.cli.Cli.assertNoStackTrace;
import static dev.parley.cli.Cli.parley;
import static dev.parley.cli.Cli.status;
import static dev.parley.cli.Cli.storeUrl;
import static dev.parley.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits of the contract (DOMAIN.md, "Limits"): what lies outside them is refused with its line and code, the
 * same in a dry run as in a run, and whatever is accepted stays readable, exportable and importable.
 */
class FieldLimitsTest {

    private static final String INCIDENT = """
            {"command":"ReportIncident","incidentId":"%s","location":"Border posts","attackers":["AFG"],"defenders":["PAK"],"description":"%s","occurredAt":"2025-10-12","source":"ISPR"}
            """;
    private static final String CASUALTIES = """
            {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":%s,"wounded":%s,"occurredAt":"2025-10-12","source":"ISPR"}
            """;

    @TempDir
    Path directory;

    @Test
    void casualtyTotalsBeyondTheRangeOfAnIntAreSummedExactly() {
        String lines = incident("inc-1", "attack") + CASUALTIES.formatted(2147483647, 0)
                + CASUALTIES.formatted(1_000_001, 0) + CASUALTIES.formatted(0, -1)
                + CASUALTIES.formatted(1_000_000, 1_000_000).repeat(2_200);
        String store = storeUrl(directory);

        Cli.Result run = parley("run", "--store", store, write(directory, "counts.ndjson", lines).toString());

        assertThat(run.rejectionLines()).containsExactly(
                "line 2: RecordCasualties: INVALID_COUNT: killed must be 0 to 1000000, was 2147483647",
                "line 3: RecordCasualties: INVALID_COUNT: killed must be 0 to 1000000, was 1000001",
                "line 4: RecordCasualties: INVALID_COUNT: wounded must be 0 to 1000000, was -1");
        JsonNode pak = status(store).at("/incidents/0/casualties/PAK");
        assertThat(pak.get("killed").asLong()).isEqualTo(2_200_000_000L);
        assertThat(pak.get("wounded").asLong()).isEqualTo(2_200_000_000L);
        Cli.Result asOf = parley("status", "inc-1", "--store", store, "--at", "2025-10-13");
        assertThat(asOf.out()).contains("2200000000 killed, 2200000000 wounded");
        assertThat(parley("replay", "--store", store).exitCode()).isZero();
    }

    @Test
    void timesOutsideTheYears1900To9999AreRefusedEverywhere() {
        String store = storeUrl(directory);
        String lines = incident("inc-1", "attack")
                + line("RecordCasualties", "\"side\":\"PAK\",\"killed\":1", "+300000-01-01T00:00:00Z")
                + line("RecordCasualties", "\"side\":\"PAK\",\"killed\":1", "-999999999-01-01T00:00:00Z")
                + line("RecordCasualties", "\"side\":\"PAK\",\"killed\":1", "1899-12-31T23:59:59Z")
                + line("RecordCasualties", "\"side\":\"PAK\",\"killed\":1", "+10000-01-01T00:00:00Z")
                + line("DeclareCeasefire", "\"effectiveFrom\":\"+300000-01-01T00:00:00Z\"", "2025-10-19")
                + line("RecordCasualties", "\"side\":\"PAK\",\"killed\":2", "9999-12-31T23:59:59Z")
                + line("RecordCasualties", "\"side\":\"PAK\",\"killed\":3", "1900-01-01");
        Path file = write(directory, "times.ndjson", lines);

        Cli.Result dryRun = parley("run", "--dry-run", "--store", store, file.toString());
        Cli.Result run = parley("run", "--store", store, file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(run.rejectionLines()).isEqualTo(dryRun.rejectionLines());
        assertThat(run.rejectionLines()).extracting(rejection -> rejection.substring(0, rejection.indexOf(": ")))
                                        .containsExactly("line 2", "line 3", "line 4", "line 5", "line 6");
        assertThat(run.rejectionLines()).allMatch(rejection -> rejection.contains(": INVALID_COMMAND: "));
        assertThat(run.rejectionLines().get(0)).contains("outside the accepted years 1900 to 9999");
        assertThat(status(store).at("/incidents/0/casualties/PAK/killed").asLong()).isEqualTo(5);
        for (String command : List.of("status", "timeline", "audit")) {
            assertThat(parley(command, "--store", store).exitCode()).as(command).isZero();
        }
        assertThat(parley("replay", "--store", store).exitCode()).isZero();

        for (List<String> args : List.of(List.of("status", "--at", "+10000-01-01T00:00:00Z"),
                                         List.of("status", "--known-at", "1899-12-31"),
                                         List.of("timeline", "--at", "+300000-01-01T00:00:00Z"),
                                         List.of("fork", "--at", "+10000-01-01T00:00:00Z", "--then",
                                                 file.toString()))) {
            Cli.Result refused = parley(concat(args, "--store", store));
            assertThat(refused.exitCode()).as("%s", args).isEqualTo(ExitCodes.FAILURE);
            assertThat(refused.err()).as("%s", args).contains("outside the accepted years 1900 to 9999");
            assertNoStackTrace(refused.err());
        }
    }

    @Test
    void idsMustBeValidVisibleUnicodeWithoutControlCharacters() {
        String store = storeUrl(directory);
        String lines = incident("inc-sur\\ud800x", "lone surrogate")
                + incident("\\u00a0", "no-break space only")
                + incident("\\u200b\\u200b", "zero-width spaces only")
                + incident("inc\\u0007bell", "a control character")
                + incident("inc\\u202eevil", "a right-to-left override")
                + incident("inc-ok", "broken \\udc00 text")
                + incident("caf\\u00e9-\\ud83d\\ude00", "precomposed accent and an emoji")
                + incident("\\ud83d\\ude00".repeat(200), "the longest id, of characters outside the BMP");
        Cli.Result run = parley("run", "--store", store, write(directory, "ids.ndjson", lines).toString());

        assertThat(run.rejectionLines()).hasSize(6).allMatch(rejection -> rejection.contains(": INVALID_COMMAND: "));
        assertThat(run.rejectionLines().get(0)).contains("lone surrogate");
        assertThat(run.rejectionLines().get(1)).contains("invisible");
        assertThat(status(store).findValuesAsText("id"))
                .containsExactlyInAnyOrder("caf\u00e9-\ud83d\ude00", "\ud83d\ude00".repeat(200));
        assertExportsImportsAndReplays(store);
    }

    @Test
    void everyFieldHasAMaximumAndWhatFitsIsStoredExportedAndImported() {
        String store = storeUrl(directory);
        String longestId = "i".repeat(200);
        String longestText = "t".repeat(10_000);
        String hundred = IntStream.range(0, 100).mapToObj(i -> "\"target " + i + "\"")
                                  .collect(Collectors.joining(","));
        String lines = incident("i".repeat(201), "an id too long")
                + incident(longestId, "t".repeat(10_001))
                + incident(longestId, longestText)
                + "{\"command\":\"RecordStrike\",\"incidentId\":\"" + longestId + "\",\"by\":\"PAK\",\"targets\":["
                + hundred + ",\"one more\"],\"description\":\"d\",\"occurredAt\":\"2025-10-12\",\"source\":\"ISPR\"}\n"
                + "{\"command\":\"RecordStrike\",\"incidentId\":\"" + longestId + "\",\"by\":\"PAK\",\"targets\":["
                + hundred + "],\"description\":\"d\",\"occurredAt\":\"2025-10-12\",\"source\":\"ISPR\"}\n"
                + "{\"command\":\"RecordStrike\",\"incidentId\":\"" + longestId + "\",\"by\":\"" + "P".repeat(33)
                + "\",\"targets\":[],\"description\":\"d\",\"occurredAt\":\"2025-10-12\",\"source\":\"ISPR\"}\n"
                + "{\"command\":\"OpenRound\",\"negotiationId\":\"talks\",\"round\":10001,\"parties\":[\"PAK\","
                + "\"AFG\"],\"mediators\":[],\"venue\":\"Doha\",\"occurredAt\":\"2025-10-18\",\"source\":\"s\"}\n";
        Path file = write(directory, "limits.ndjson", lines);

        Cli.Result dryRun = parley("run", "--dry-run", "--store", store, file.toString());
        Cli.Result run = parley("run", "--store", store, file.toString());

        assertThat(run.rejectionLines()).isEqualTo(dryRun.rejectionLines());
        assertThat(run.rejectionLines()).containsExactly(
                "line 1: ReportIncident: INVALID_COMMAND: incidentId may be at most 200 characters long, was 201",
                "line 2: ReportIncident: INVALID_COMMAND: description may be at most 10000 characters long, was 10001",
                "line 4: RecordStrike: INVALID_COMMAND: targets may hold at most 100 entries, held 101",
                "line 6: RecordStrike: INVALID_COMMAND: by may be at most 32 characters long, was 33",
                "line 7: OpenRound: INVALID_COMMAND: round must be 1 to 10000, was 10001");
        assertThat(status(store).at("/incidents/0/strikes/0/targets").size()).isEqualTo(100);
        Cli.Result longActor = parley("run", "--store", store, "--actor", "a".repeat(10_001), file.toString());
        assertThat(longActor.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(longActor.err()).contains("actor may be at most 10000 characters long, was 10001");
        assertExportsImportsAndReplays(store);
    }

    private void assertExportsImportsAndReplays(String store) {
        Path export = directory.resolve("export.ndjson");
        assertThat(parley("export", "--store", store, "--out", export.toString()).exitCode()).isZero();
        String copy = storeUrl(directory.resolve("copy"));
        Cli.Result imported = parley("import", "--store", copy, export.toString());
        assertThat(imported.exitCode()).as("import: %s", imported.err()).isZero();
        assertThat(status(copy)).isEqualTo(status(store));
        assertThat(parley("replay", "--store", copy).exitCode()).isZero();
        assertThat(parley("verify", "--store", copy).exitCode()).isZero();
    }

    private static String incident(String id, String description) {
        return INCIDENT.formatted(id, description);
    }

    private static String line(String command, String fields, String occurredAt) {
        return "{\"command\":\"" + command + "\",\"incidentId\":\"inc-1\"," + fields + ",\"occurredAt\":\""
                + occurredAt + "\",\"source\":\"ISPR\"}\n";
    }

    private static String[] concat(List<String> args, String... more) {
        return java.util.stream.Stream.concat(args.stream(), java.util.Arrays.stream(more)).toArray(String[]::new);
    }
}
