package dev.parley.application.concurrency;

import dev.parley.application.testing.PostgresServer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.application.testing.ParleyProcess;
import dev.parley.projections.json.ParleyJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Two {@code parley run} processes append to the same incidents on one PostgreSQL at the same time. */
class TwoProcessWritersIT {

    private static final int INCIDENTS = 20;
    private static final int PER_WRITER = 5_000;
    private static final long TIMEOUT_SECONDS = 600;

    @RegisterExtension
    static final PostgresServer postgres = new PostgresServer();

    @TempDir
    Path directory;

    @Test
    void twoProcessesOnTheSameIncidentsRetryTheirConflictsAndLoseNothing() throws Exception {
        String url = postgres.freshDatabase("writers");
        Path reports = Writers.reports(directory, INCIDENTS);
        Path pakistan = Writers.casualties(directory, "pakistan", Writers.SIDE_A, PER_WRITER, INCIDENTS);
        Path afghanistan = Writers.casualties(directory, "afghanistan", Writers.SIDE_B, PER_WRITER, INCIDENTS);
        assertThat(ParleyProcess.start(directory, "reports", Map.of(), "run", "--store", url, reports.toString())
                                .waitFor(TIMEOUT_SECONDS)).isZero();

        ParleyProcess one = ParleyProcess.start(directory, "one", Map.of(), "run", "--store", url,
                                                pakistan.toString());
        ParleyProcess two = ParleyProcess.start(directory, "two", Map.of(), "run", "--store", url,
                                                afghanistan.toString());
        for (ParleyProcess writer : new ParleyProcess[]{one, two}) {
            assertThat(writer.waitFor(TIMEOUT_SECONDS)).as("exit status; stderr: %s", writer.err()).isZero();
            assertThat(writer.err()).contains(PER_WRITER + " of " + PER_WRITER + " commands accepted");
        }

        try (Connection connection = DriverManager.getConnection(url)) {
            Writers.assertWhole(connection, INCIDENTS + 2L * PER_WRITER);
        }
        ParleyProcess verify = ParleyProcess.start(directory, "verify", Map.of(), "verify", "--store", url);
        assertThat(verify.waitFor(TIMEOUT_SECONDS)).as("verify; stdout: %s", verify.out()).isZero();

        ParleyProcess status = ParleyProcess.start(directory, "status", Map.of(), "status", "--json", "--store", url);
        assertThat(status.waitFor(TIMEOUT_SECONDS)).isZero();
        JsonNode incidents = ParleyJson.mapper().readTree(status.out()).get("incidents");
        assertThat(incidents).hasSize(INCIDENTS);
        for (JsonNode incident : incidents) {
            assertThat(incident.get("casualties").get(Writers.SIDE_A).get("killed").asInt())
                    .isEqualTo(PER_WRITER / INCIDENTS);
            assertThat(incident.get("casualties").get(Writers.SIDE_B).get("killed").asInt())
                    .isEqualTo(PER_WRITER / INCIDENTS);
        }
    }
}
