package dev.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.parley.cli.Cli.parley;
import static dev.parley.cli.Cli.storeUrl;
import static dev.parley.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recorded text reaches a terminal only escaped: ESC sequences, BEL, BS, NUL, CR, LF, bidi overrides and zero-width
 * characters from a command file or the command line are shown as visible escapes by every text output, and kept
 * exactly in JSON.
 */
class HostileTextTest {

    private static final String RETITLE = "\u001b]0;pwned\u0007";

    /**
     * Free text may hold control characters (the limits refuse only NUL and lone surrogates there); line 3 is rejected
     * and its command name forges a rejection line; line 4's id is refused and quoted in the rejection.
     */
    static final String HOSTILE = """
            {"command":"ReportIncident","incidentId":"inc-hostile","location":"Kurram\\u001b]0;pwned\\u0007","attackers":["AFG"],"defenders":["PAK"],"description":"mortar\\u0008fire\\rIncident forged: CEASEFIRE","occurredAt":"2025-10-10","source":"ISPR\\u202eevil"}
            {"command":"OpenRound","negotiationId":"talks-hostile","round":1,"parties":["PAK","AFG"],"mediators":["QAT"],"venue":"Doha\\nNegotiation fake-talks: COLLAPSED (round 9)","occurredAt":"2025-10-14","source":"Al\\u009bJazeera","actor":"analyst\\u001b[2J"}
            {"command":"Evil\\u001b]0;pwned\\u0007\\u0000\\nline 99: Fake: OK","incidentId":"inc-hostile"}
            {"command":"RecordCasualties","incidentId":"ghost\\u001b[31m\\u202e","side":"PAK","killed":1,"occurredAt":"2025-10-12","source":"ISPR"}
            """;

    @TempDir
    Path directory;

    @Test
    void everyTextOutputEscapesControlAndBidiCharactersAndJsonKeepsThem() {
        String store = storeUrl(directory);
        Path file = write(directory, "hostile.ndjson", HOSTILE);

        Cli.Result run = parley("run", "--store", store, file.toString());
        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(2);
        assertThat(run.rejectionLines()).hasSize(2);
        assertThat(run.rejectionLines().get(0))
                .startsWith("line 3: Evil\\u001b]0;pwned\\u0007\\u0000\\nline 99: Fake: OK: INVALID_COMMAND: ");
        assertSafe(run);

        List<Cli.Result> outputs = List.of(
                parley("status", "--store", store),
                parley("status", "inc-hostile", "--store", store),
                parley("timeline", "--store", store),
                parley("audit", "--store", store),
                parley("fork", "--store", store, "--at", "0", "--then", file.toString(), "--save", "evil\u200b.exe"),
                parley("forks", "--store", store),
                parley("status", "ghost\u001b[31m\u202e", "--store", store));
        outputs.forEach(HostileTextTest::assertSafe);

        assertThat(outputs.get(0).out()).contains("at Kurram\\u001b]0;pwned\\u0007;",
                                                  "in Doha\\nNegotiation fake-talks: COLLAPSED (round 9),");
        assertThat(outputs.get(2).out()).contains("(source: ISPR\\u202eevil)", "(source: Al\\u009bJazeera)");
        assertThat(outputs.get(3).out()).contains("entered by analyst\\u001b[2J", "mortar\\bfire\\r");
        assertThat(outputs.get(4).exitCode()).isEqualTo(2);
        assertThat(outputs.get(4).out()).contains("at Kurram\\u001b]0;pwned\\u0007: AFG against PAK — "
                                                  + "mortar\\u0008fire\\rIncident forged: CEASEFIRE");
        assertThat(outputs.get(4).err()).contains("saved as branch evil\\u200b.exe.");
        assertThat(outputs.get(5).out()).startsWith("evil\\u200b.exe: forked after position 0");
        assertThat(outputs.get(6).err()).isEqualTo("parley: no negotiation or incident ghost\\u001b[31m\\u202e\n");

        JsonNode incident = Cli.status(store).get("incidents").get(0);
        assertThat(incident.get("location").textValue()).isEqualTo("Kurram" + RETITLE);
        JsonNode round = Cli.status(store).get("negotiations").get(0).get("rounds").get(0);
        assertThat(round.get("venue").textValue()).isEqualTo("Doha\nNegotiation fake-talks: COLLAPSED (round 9)");
    }

    /** No raw control (but the line breaks of the output itself) or format character, and no forged line. */
    private static void assertSafe(Cli.Result result) {
        for (String text : List.of(result.out(), result.err())) {
            assertThat(text.chars().filter(c -> c != '\n' && (Character.getType(c) == Character.CONTROL
                    || Character.getType(c) == Character.FORMAT)).toArray())
                    .as("raw control or format characters in%n%s", text).isEmpty();
            assertThat(text.lines()).noneMatch(line -> line.startsWith("Negotiation fake-talks")
                    || line.startsWith("Incident forged") || line.startsWith("line 99"));
        }
    }
}
