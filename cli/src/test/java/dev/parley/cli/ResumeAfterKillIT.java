package dev.parley.cli;

import dev.parley.application.testing.ParleyProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.parley.cli.Cli.parley;
import static dev.parley.cli.Cli.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A run killed outright (SIGKILL) part-way is resumed by running the same file again: nothing counts twice. */
class ResumeAfterKillIT {

    private static final int CASUALTY_LINES = 3_000;

    @TempDir
    Path directory;

    private static long storedLines(String url) {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM command_file_line")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException notYet) {
            return 0;
        }
    }

    @Test
    void runningTheFileAgainAfterAKillStoresEachLineExactlyOnce() throws Exception {
        Path file = Cli.incidentWithCasualties(directory, CASUALTY_LINES);
        // AUTO_SERVER lets this test watch the store while the child process holds it open.
        String url = "jdbc:h2:file:" + directory.resolve("parley") + ";AUTO_SERVER=TRUE";
        ParleyProcess first = ParleyProcess.startFromClassPath(directory, "first", List.of("-Xmx256m"), "run",
                                                               "--store", url, file.toString());
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
               .until(() -> storedLines(url) >= 200 || !first.isAlive());
        assertThat(first.isAlive()).as("still running when killed; stderr: %s", first.err()).isTrue();
        first.kill();

        Cli.Result again = parley("run", "--store", url, file.toString());

        assertThat(again.exitCode()).as(again.err()).isZero();
        Matcher summary = Pattern.compile("Ran .*: (\\d+) of (\\d+) commands accepted, (\\d+) lines skipped as "
                                                  + "already stored by an earlier run of this file\\.")
                                 .matcher(again.err());
        assertThat(summary.find()).as(again.err()).isTrue();
        int accepted = Integer.parseInt(summary.group(1));
        int skipped = Integer.parseInt(summary.group(3));
        assertThat(skipped).isPositive();
        assertThat(accepted + skipped).isEqualTo(CASUALTY_LINES + 1);
        var casualties = status(url).get("incidents").get(0).get("casualties").get("PAK");
        assertThat(casualties.get("killed").intValue()).isEqualTo(CASUALTY_LINES);
        assertThat(casualties.get("wounded").intValue()).isEqualTo(2 * CASUALTY_LINES);
        assertThat(storedLines(url)).isEqualTo(CASUALTY_LINES + 1);
    }
}
