package dev.parley.application.concurrency;

import dev.parley.application.testing.ParleyProcess;
import dev.parley.application.testing.ParleyRun;
import dev.parley.application.testing.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code verify} and {@code checkpoint} on PostgreSQL while another process keeps appending: each reads one
 * consistent snapshot of the store, so every one says intact; none reports tampering that did not happen.
 */
class ReadsWhileAnotherProcessWritesIT {

    private static final int INCIDENTS = 10;
    private static final int COMMANDS = 200_000;
    private static final int TRIES = 10;

    @RegisterExtension
    static final PostgresServer postgres = new PostgresServer();

    @TempDir
    Path directory;

    @Test
    void verifyAndCheckpointSayIntactWhileAWriterProcessAppends() throws Exception {
        String url = postgres.freshDatabase("reads");
        Path reports = Writers.reports(directory, INCIDENTS);
        assertThat(ParleyProcess.start(directory, "reports", Map.of(), "run", "--store", url, reports.toString())
                                .waitFor(600)).isZero();
        Path casualties = Writers.casualties(directory, "writer", Writers.SIDE_A, COMMANDS, INCIDENTS);
        ParleyProcess writer = ParleyProcess.start(directory, "writer", Map.of(), "run", "--store", url,
                                                   casualties.toString());
        try {
            await().atMost(java.time.Duration.ofMinutes(2)).until(() -> events(url) > INCIDENTS + 200);
            List<String> outcomes = new ArrayList<>();
            long before = events(url);
            for (int attempt = 0; attempt < TRIES; attempt++) {
                ParleyRun.Output verify = ParleyRun.run("verify", "--store", url);
                outcomes.add("verify: exit " + verify.exitCode() + " " + verify.out().strip() + verify.err().strip());
                ParleyRun.Output checkpoint = ParleyRun.run("checkpoint", "--store", url, "--keys",
                                                            directory.resolve("keys").toString(), "--out",
                                                            directory.resolve("checkpoint.json").toString());
                outcomes.add("checkpoint: exit " + checkpoint.exitCode() + " " + checkpoint.err().strip());
            }
            long after = events(url);

            assertThat(writer.isAlive()).as("the writer was still writing after the checks").isTrue();
            assertThat(after).as("events were appended while the checks ran").isGreaterThan(before);
            assertThat(outcomes).as("every verify and checkpoint").allSatisfy(
                    outcome -> assertThat(outcome).contains("exit 0").doesNotContain("TAMPERED"));
        } finally {
            writer.kill();
        }
        ParleyRun.Output later = ParleyRun.run("verify", "--store", url, "--keys", directory.resolve("keys").toString(),
                                               "--checkpoint", directory.resolve("checkpoint.json").toString());
        assertThat(later.exitCode()).as("the last checkpoint signed mid-write still holds: %s", later.out()).isZero();
        assertThat(later.out()).contains("an append-only extension of the checkpoint");
    }

    private static long events(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM domain_event_entry")) {
            row.next();
            return row.getLong(1);
        }
    }
}
