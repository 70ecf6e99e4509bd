package dev.parley.cli;

import dev.parley.application.testing.ParleyProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Long-running commands on the default kind of store (an H2 file) stop cleanly when the operator stops them
 * (SIGTERM, as Ctrl-C or a service manager does): H2 does not close the database under Parley's threads, so nothing
 * is logged but the command's own goodbye.
 */
class QuietShutdownTest {

    @TempDir
    Path directory;

    private String store() {
        Path scenario = Path.of("..", "scenarios", "pak-afghan-2025.ndjson").toAbsolutePath();
        String url = "jdbc:h2:file:" + directory.resolve("parley");
        assertThat(Cli.parley("run", "--store", url, scenario.toString()).exitCode()).isZero();
        return url;
    }

    private static void assertQuiet(ParleyProcess process) {
        String printed = process.out() + process.err();
        assertThat(printed).doesNotContain("already closed").doesNotContain("Exception").doesNotContain("\tat ")
                           .doesNotContain("WARN").doesNotContain("ERROR");
    }

    @Test
    void aNodeStopsWithoutAStackTrace() throws Exception {
        String url = store();
        ParleyProcess node = ParleyProcess.startFromClassPath(directory, "node", List.of(), "node", "--store", url);
        await().atMost(Duration.ofMinutes(1)).until(() -> node.err().contains("caught up") || !node.isAlive());
        assertThat(node.isAlive()).as(node.err()).isTrue();

        assertThat(node.stop(60)).as(node.err()).isIn(0, 143);

        assertThat(node.err()).contains("stopping");
        assertQuiet(node);
    }

    @Test
    void theConsoleStopsWithoutAStackTrace() throws Exception {
        String url = store();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ParleyProcess serve = ParleyProcess.startFromClassPath(directory, "serve", List.of(), "serve", "--store", url,
                                                               "--port", String.valueOf(port));
        await().atMost(Duration.ofMinutes(2)).until(() -> (serve.err() + serve.out()).contains("127.0.0.1:" + port)
                || !serve.isAlive());
        assertThat(serve.isAlive()).as(serve.err()).isTrue();

        assertThat(serve.stop(60)).as(serve.err()).isIn(0, 143);

        assertQuiet(serve);
    }
}
