package dev.parley.cli;

import dev.parley.application.testing.ParleyProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.parley.cli.Cli.parley;
import static dev.parley.cli.Cli.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code parley run} decides lines while earlier lines' commits are in flight and reports a line accepted only once
 * it is stored: killed outright (SIGKILL) part-way, every line it reported is in the store, and running the file
 * again stores the rest, each line's events exactly once.
 */
class KillDuringGroupedRunTest {

    private static final int CASUALTY_LINES = 3_000;
    private static final Pattern ACCEPTED = Pattern.compile("(?m)^accepted (\\d+)$");

    @TempDir
    Path directory;

    private static BitSet storedLines(String url) {
        BitSet lines = new BitSet();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             PreparedStatement select = connection.prepareStatement("SELECT line_number FROM command_file_line");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                lines.set(rows.getInt(1));
            }
        } catch (SQLException notYet) {
            // The child has not made the store yet.
        }
        return lines;
    }

    private static BitSet reported(String out) {
        BitSet lines = new BitSet();
        Matcher accepted = ACCEPTED.matcher(out);
        while (accepted.find()) {
            lines.set(Integer.parseInt(accepted.group(1)));
        }
        return lines;
    }

    @Test
    void everyLineReportedAcceptedBeforeAKillIsStoredAndRunningAgainStoresEachLineOnce() throws Exception {
        Path file = directory.resolve("casualties.ndjson");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"command\":\"ReportIncident\",\"incidentId\":\"inc-1\",\"location\":\"Border posts\","
                              + "\"attackers\":[\"AFG\"],\"defenders\":[\"PAK\"],\"description\":\"attack\","
                              + "\"occurredAt\":\"2025-10-12\",\"source\":\"ISPR\"}\n");
            for (int line = 0; line < CASUALTY_LINES; line++) {
                // Two incidents in turn, so that lines of one group append to the same stream and to different ones.
                String incident = line % 3 == 0 ? "inc-2" : "inc-1";
                if (line == 0) {
                    out.write("{\"command\":\"ReportIncident\",\"incidentId\":\"inc-2\",\"location\":\"Chaman\","
                                      + "\"attackers\":[\"AFG\"],\"defenders\":[\"PAK\"],\"description\":\"attack\","
                                      + "\"occurredAt\":\"2025-10-12\",\"source\":\"ISPR\"}\n");
                }
                out.write("{\"command\":\"RecordCasualties\",\"incidentId\":\"" + incident + "\",\"side\":\"PAK\","
                                  + "\"killed\":1,\"wounded\":2,\"occurredAt\":\"2025-10-12\",\"source\":\"ISPR\"}\n");
            }
        }
        int commands = CASUALTY_LINES + 2;
        String url = "jdbc:h2:file:" + directory.resolve("parley") + ";AUTO_SERVER=TRUE";
        ParleyProcess first = ParleyProcess.startFromClassPath(directory, "first", List.of("-Xmx256m"), "run",
                                                               "--print-accepted", "--store", url, file.toString());
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
               .until(() -> reported(first.out()).cardinality() >= 300 || !first.isAlive());
        assertThat(first.isAlive()).as("still running when killed; stderr: %s", first.err()).isTrue();
        first.kill();

        BitSet reported = reported(first.out());
        BitSet stored = storedLines(url);
        BitSet reportedButNotStored = (BitSet) reported.clone();
        reportedButNotStored.andNot(stored);
        assertThat(reported.cardinality()).isGreaterThanOrEqualTo(300);
        assertThat(reportedButNotStored.toString()).as("lines reported accepted but not stored").isEqualTo("{}");
        assertThat(stored.cardinality()).as("the kill came before the end").isLessThan(commands);

        // Snapshots taken while lines were in flight were stored only once their events were: the store as the
        // kill left it verifies, snapshots included.
        Cli.Result killedStore = parley("verify", "--store", url);
        assertThat(killedStore.exitCode()).as(killedStore.out() + killedStore.err()).isZero();

        Cli.Result again = parley("run", "--store", url, file.toString());

        assertThat(again.exitCode()).as(again.err()).isZero();
        Matcher summary = Pattern.compile("Ran .*: (\\d+) of (\\d+) commands accepted, (\\d+) lines skipped as "
                                                  + "already stored by an earlier run of this file[,.]")
                                 .matcher(again.err());
        assertThat(summary.find()).as(again.err()).isTrue();
        assertThat(Integer.parseInt(summary.group(3))).isEqualTo(stored.cardinality());
        assertThat(Integer.parseInt(summary.group(1)) + stored.cardinality()).isEqualTo(commands);
        int killed = 0;
        int wounded = 0;
        for (var incident : status(url).get("incidents")) {
            killed += incident.get("casualties").get("PAK").get("killed").intValue();
            wounded += incident.get("casualties").get("PAK").get("wounded").intValue();
        }
        assertThat(killed).isEqualTo(CASUALTY_LINES);
        assertThat(wounded).isEqualTo(2 * CASUALTY_LINES);
        assertThat(storedLines(url).cardinality()).isEqualTo(commands);
        Cli.Result verify = parley("verify", "--store", url);
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    }
}
