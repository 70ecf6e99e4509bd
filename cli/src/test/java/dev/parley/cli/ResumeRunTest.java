package dev.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.application.commandfile.CommandFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.parley.cli.Cli.json;
import static dev.parley.cli.Cli.parley;
import static dev.parley.cli.Cli.status;
import static dev.parley.cli.Cli.storeUrl;
import static dev.parley.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

/** Running a command file again resumes it: lines already stored are skipped, so nothing is counted twice. */
class ResumeRunTest {

    private static final String COMMANDS = """
            {"command":"ReportIncident","incidentId":"inc-1","location":"Border posts","attackers":["AFG"],"defenders":["PAK"],"description":"attack","occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":23,"wounded":5,"occurredAt":"2025-10-12","source":"ISPR"}
            # a comment
            {"command":"RecordCasualties","incidentId":"inc-2","side":"AFG","killed":4,"occurredAt":"2025-10-13","source":"Taliban"}
            {"command":"OpenRound","negotiationId":"talks","round":1,"parties":["PAK","AFG"],"mediators":["QAT"],"venue":"Doha","occurredAt":"2025-10-19","source":"News"}
            {"command":"DeclareCeasefire","negotiationId":"talks","effectiveFrom":"2025-10-19","terms":"truce","coversIncidents":["inc-1"],"occurredAt":"2025-10-19","source":"News"}
            {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":2,"occurredAt":"2025-10-13","source":"ISPR"}
            """;

    private static final String INCIDENT_TWO = """
            {"command":"ReportIncident","incidentId":"inc-2","location":"Chaman","attackers":["PAK"],"defenders":["AFG"],"description":"strike","occurredAt":"2025-10-13","source":"ISPR"}
            """;

    @TempDir
    Path directory;

    private static JsonNode incident(String storeUrl, String id) {
        for (JsonNode incident : status(storeUrl).get("incidents")) {
            if (incident.get("id").textValue().equals(id)) {
                return incident;
            }
        }
        throw new AssertionError("no incident " + id);
    }

    @Test
    void aSecondRunOfTheSameFileSkipsTheStoredLinesAndRunsOnlyTheRejectedOneAgain() {
        String store = storeUrl(directory);
        Path file = write(directory, "commands.ndjson", COMMANDS);

        Cli.Result first = parley("run", "--store", store, file.toString());
        assertThat(first.exitCode()).as(first.err()).isEqualTo(2);
        assertThat(first.rejectionLines()).singleElement().asString().startsWith("line 4: RecordCasualties: ");
        assertThat(parley("run", "--store", store, write(directory, "two.ndjson", INCIDENT_TWO).toString())
                           .exitCode()).isZero();

        Cli.Result second = parley("run", "--store", store, file.toString());

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.errLines()).containsExactly(
                "Ran " + file + ": 1 of 1 commands accepted, 5 lines skipped as already stored by an earlier run of "
                        + "this file.");
        JsonNode casualties = incident(store, "inc-1").get("casualties");
        assertThat(casualties.get("PAK").get("killed").intValue()).isEqualTo(25);
        assertThat(casualties.get("PAK").get("wounded").intValue()).isEqualTo(5);
        assertThat(incident(store, "inc-2").get("casualties").get("AFG").get("killed").intValue()).isEqualTo(4);

        Cli.Result third = parley("run", "--store", store, file.toString());
        assertThat(third.exitCode()).isZero();
        assertThat(third.err()).contains("0 of 0 commands accepted, 6 lines skipped");
        assertThat(incident(store, "inc-1").get("casualties").get("PAK").get("killed").intValue()).isEqualTo(25);
    }

    @Test
    void everyStoredEventNamesTheFileAndLineItCameFromAPropagatedCeasefireTheLineThatDeclaredIt() {
        String store = storeUrl(directory);
        Path file = write(directory, "commands.ndjson", COMMANDS);
        parley("run", "--store", store, file.toString());

        Cli.Result export = parley("export", "--store", store);

        assertThat(export.exitCode()).as(export.err()).isZero();
        String digest = CommandFile.open(file).digest();
        List<JsonNode> events = export.outLines().stream().map(Cli::json).toList();
        assertThat(events).hasSize(6);
        List<String> lines = events.stream().map(event -> {
            JsonNode metaData = json(event.get("metaData").textValue());
            assertThat(metaData.get("commandFile").textValue()).isEqualTo(digest);
            return event.get("aggregateId").textValue() + "@" + metaData.get("commandFileLine").intValue();
        }).toList();
        assertThat(lines).containsExactly("inc-1@1", "inc-1@2", "talks@5", "talks@6", "inc-1@6", "inc-1@7");
    }

    @Test
    void aDryRunSkipsNothingAndRecordsNothing() {
        String store = storeUrl(directory);
        Path file = write(directory, "commands.ndjson", COMMANDS);
        parley("run", "--store", store, file.toString());

        Cli.Result dryRun = parley("run", "--dry-run", "--store", store, file.toString());

        assertThat(dryRun.err()).doesNotContain("skipped")
                                .contains("line 1: ReportIncident: DUPLICATE_INCIDENT");
        Cli.Result again = parley("run", "--store", store, file.toString());
        assertThat(again.err()).contains("5 lines skipped");
    }
}
