package dev.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.parley.cli.Cli.assertNoStackTrace;
import static dev.parley.cli.Cli.eventTypes;
import static dev.parley.cli.Cli.events;
import static dev.parley.cli.Cli.parley;
import static dev.parley.cli.Cli.storeUrl;
import static dev.parley.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

/** Lines a person may get wrong: each is reported with its line number and code, and never as a stack trace. */
class MalformedLinesTest {

    static final String MALFORMED = """
            # lines a person may get wrong; inc-1 exists, PAK and AFG are involved
            {"command":"ReportIncident","incidentId":"inc-1","location":"Border posts","attackers":["AFG"],"defenders":["PAK"],"description":"attack","occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":23
            RecordCasualties inc-1 PAK 23
            [{"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":23,"occurredAt":"2025-10-12","source":"ISPR"}]
            {"command":"RecordDeaths","incidentId":"inc-1","side":"PAK","killed":23,"occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":23,"occuredAt":"2025-10-12","source":"ISPR"}
            {"command":"RecordStrike","incidentId":"inc-1","by":"PAK","targets":[],"description":"d","terms":"t","occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"OfferMediation","negotiationId":"","mediator":"IRN","occurredAt":"2025-10-29","source":"Radio Pakistan"}
            {"command":"RecordCasualties","incidentId":"   ","side":"PAK","killed":1,"occurredAt":"2025-10-12","source":"ISPR"}

            {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":-5,"occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"RecordCasualties","incidentId":"inc-1","side":"AFG","killed":0,"wounded":-1,"occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"RecordCasualties","incidentId":"inc-9","side":"PAK","killed":-5,"occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"RecordCasualties","incidentId":"inc-1","side":"IRN","killed":-5,"occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":1,"occurredAt":"2025-13-01","source":"ISPR"}
            {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":1,"occurredAt":"2025-10-12T10:00","source":"ISPR"}
            {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":1,"occurredAt":"yesterday","source":"ISPR"}
            {"command":"DeclareCeasefire","incidentId":"inc-1","effectiveFrom":"2025-02-30","occurredAt":"2025-10-19","source":"ISPR"}
            {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":"many","occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":1.5,"occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":1,"killed":2,"occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":1,"occurredAt":"2025-10-12","source":"ISPR"},
            {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":1,"occurredAt":"2025-10-12"}
               {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":3,"occurredAt":"2025-10-12T09:00:00+05:00","source":"ISPR"}
            """;

    record Expected(int line, String command, String code) {

        String textPrefix() {
            return "line " + line + ": " + command + ": " + code + ": ";
        }
    }

    static final List<Expected> REJECTIONS = List.of(
            new Expected(3, "?", "INVALID_COMMAND"),
            new Expected(4, "?", "INVALID_COMMAND"),
            new Expected(5, "?", "INVALID_COMMAND"),
            new Expected(6, "RecordDeaths", "INVALID_COMMAND"),
            new Expected(7, "RecordCasualties", "INVALID_COMMAND"),
            new Expected(8, "RecordStrike", "INVALID_COMMAND"),
            new Expected(9, "OfferMediation", "INVALID_COMMAND"),
            new Expected(10, "RecordCasualties", "INVALID_COMMAND"),
            new Expected(12, "RecordCasualties", "INVALID_COUNT"),
            new Expected(13, "RecordCasualties", "INVALID_COUNT"),
            new Expected(14, "RecordCasualties", "UNKNOWN_INCIDENT"),
            new Expected(15, "RecordCasualties", "NOT_INVOLVED"),
            new Expected(16, "RecordCasualties", "INVALID_COMMAND"),
            new Expected(17, "RecordCasualties", "INVALID_COMMAND"),
            new Expected(18, "RecordCasualties", "INVALID_COMMAND"),
            new Expected(19, "DeclareCeasefire", "INVALID_COMMAND"),
            new Expected(20, "RecordCasualties", "INVALID_COMMAND"),
            new Expected(21, "RecordCasualties", "INVALID_COMMAND"),
            new Expected(22, "?", "INVALID_COMMAND"),
            new Expected(23, "?", "INVALID_COMMAND"),
            new Expected(24, "RecordCasualties", "INVALID_COMMAND"));

    @TempDir
    Path directory;

    @Test
    void eachMalformedLineIsReportedWithItsLineNumberCommandAndCode() {
        Path file = write(directory, "malformed.ndjson", MALFORMED);

        Cli.Result run = parley("run", "--store", storeUrl(directory), file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        List<String> reported = run.rejectionLines();
        assertThat(reported).hasSameSizeAs(REJECTIONS);
        for (int index = 0; index < REJECTIONS.size(); index++) {
            Expected expected = REJECTIONS.get(index);
            assertThat(reported.get(index)).startsWith(expected.textPrefix());
            assertThat(reported.get(index).substring(expected.textPrefix().length())).isNotBlank();
        }
        assertThat(run.errLines().get(run.errLines().size() - 1)).contains("2 of 23 commands accepted");
        assertNoStackTrace(run.err());
        assertNoStackTrace(run.out());
        assertNoStackTrace(run.console());
    }

    @Test
    void eachMalformedLineIsOneJsonRejectionWithJson() {
        Path file = write(directory, "malformed.ndjson", MALFORMED);

        Cli.Result run = parley("run", "--store", storeUrl(directory), "--json", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        List<String> lines = run.outLines();
        assertThat(lines).hasSameSizeAs(REJECTIONS);
        for (int index = 0; index < REJECTIONS.size(); index++) {
            Expected expected = REJECTIONS.get(index);
            JsonNode rejection = Cli.json(lines.get(index));
            assertThat(rejection.get("line").intValue()).isEqualTo(expected.line());
            assertThat(rejection.get("code").textValue()).isEqualTo(expected.code());
            assertThat(rejection.get("command").isNull() ? "?" : rejection.get("command").textValue())
                    .isEqualTo(expected.command());
            assertThat(rejection.get("message").textValue()).isNotBlank();
        }
        assertNoStackTrace(run.out());
        assertNoStackTrace(run.err());
        assertNoStackTrace(run.console());
    }

    @Test
    void messagesSayWhatIsWrongWithTheLine() {
        Path file = write(directory, "malformed.ndjson", MALFORMED);

        List<String> reported = parley("run", "--store", storeUrl(directory), file.toString()).rejectionLines();

        assertThat(reported.get(0)).contains("malformed JSON");
        assertThat(reported.get(3)).contains("RecordDeaths");
        assertThat(reported.get(4)).contains("occuredAt");
        assertThat(reported.get(5)).contains("terms");
        assertThat(reported.get(6)).contains("negotiationId");
        assertThat(reported.get(7)).contains("incidentId");
        assertThat(reported.get(12)).contains("2025-13-01");
        assertThat(reported.get(13)).contains("2025-10-12T10:00");
        assertThat(reported.get(15)).contains("effectiveFrom");
        assertThat(reported.get(16)).contains("killed");
    }

    @Test
    void onlyTheWellFormedLinesAreStored() {
        String store = storeUrl(directory);
        Path file = write(directory, "malformed.ndjson", MALFORMED);

        parley("run", "--store", store, file.toString());

        assertThat(eventTypes(store, "inc-1")).containsExactly("IncidentReported", "CasualtiesRecorded");
        var casualties = (dev.parley.incident.api.CasualtiesRecordedEvent) events(store, "inc-1").get(1).getPayload();
        assertThat(casualties.killed()).isEqualTo(3);
        assertThat(casualties.wounded()).isZero();
        assertThat(casualties.occurredAt()).hasToString("2025-10-12T04:00:00Z");
        assertThat(events(store, "inc-9")).isEmpty();
    }

    @Test
    void windowsLineEndingsKeepThePhysicalLineNumbers() {
        String crlf = String.join("\r\n",
                "# written on Windows",
                "{\"command\":\"ReportIncident\",\"incidentId\":\"inc-1\",\"location\":\"Chaman\",\"attackers\":[\"AFG\"],"
                        + "\"defenders\":[\"PAK\"],\"description\":\"clash\",\"occurredAt\":\"2025-10-12\",\"source\":\"ISPR\"}",
                "",
                "{\"command\":\"RecordCasualties\",\"incidentId\":\"inc-1\",\"side\":\"IRN\",\"killed\":1,"
                        + "\"occurredAt\":\"2025-10-12\",\"source\":\"ISPR\"}",
                "");
        Path file = write(directory, "windows.ndjson", crlf);

        Cli.Result run = parley("run", "--store", storeUrl(directory), file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.rejectionLines()).singleElement().asString()
                                        .startsWith("line 4: RecordCasualties: NOT_INVOLVED: ");
    }

    @Test
    void aFileOfOnlyCommentsAndBlankLinesIsAcceptedAndStoresNothing() {
        String store = storeUrl(directory);
        Path file = write(directory, "empty.ndjson", "# nothing yet\n\n   \n\t\n# still nothing\n");

        Cli.Result run = parley("run", "--store", store, file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.rejectionLines()).isEmpty();
        assertThat(run.err()).contains("0 of 0");
    }

    @Test
    void aFileThatIsNotUtf8ExitsOneWithAOneLineMessageAndNoStackTrace() throws IOException {
        Path file = directory.resolve("latin1.ndjson");
        Files.write(file, "{\"command\":\"OfferMediation\",\"mediator\":\"Iran \u00e9\"}\n"
                .getBytes(StandardCharsets.ISO_8859_1));

        Cli.Result run = parley("run", "--store", storeUrl(directory), file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().startsWith("parley: ").contains("UTF-8");
        assertNoStackTrace(run.err());
        assertNoStackTrace(run.console());
    }

    @Test
    void aDirectoryGivenAsTheFileExitsOneWithAOneLineMessageAndNoStackFrames() {
        Cli.Result run = parley("run", "--store", storeUrl(directory), directory.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().startsWith("parley: ")
                                  .contains(directory.toString());
        assertThat(run.err()).doesNotContainPattern("(?m)^\\s+at [\\w$.<>]+\\(").doesNotContain("Caused by");
        assertNoStackTrace(run.console());
    }

    @Test
    void aDirectoryGivenAsTheFileIsExplainedWithoutAJavaExceptionName() {
        Cli.Result run = parley("run", "--store", storeUrl(directory), directory.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertNoStackTrace(run.err());
        assertThat(run.err()).contains("cannot read command file").doesNotContain("IOException");
    }

    @Test
    void aByteOrderMarkBeforeTheFirstLineIsNotPartOfIt() throws IOException {
        Path file = directory.resolve("bom.ndjson");
        Files.writeString(file, "\uFEFF# a comment written by an editor that adds a byte-order mark\n"
                + "{\"command\":\"ReportIncident\",\"incidentId\":\"inc-bom\",\"location\":\"Kurram\","
                + "\"attackers\":[\"AFG\"],\"defenders\":[\"PAK\"],\"description\":\"raid\","
                + "\"occurredAt\":\"2025-10-12\",\"source\":\"ISPR\"}\n"
                + "{\"command\":\"RecordCasualties\",\"incidentId\":\"inc-bom\",\"side\":\"PAK\",\"killed\":2,"
                + "\"wounded\":null,\"occurredAt\":\"2025-10-12\",\"source\":\"ISPR\"}\n",
                           StandardCharsets.UTF_8);

        Cli.Result run = parley("run", "--store", storeUrl(directory), file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
    }
}
