package dev.parley.starter;

import dev.parley.starter.sample.SampleApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An application on the README's H2 URL ({@code ;DB_CLOSE_ON_EXIT=FALSE}) stops as an operator stops it (SIGTERM to
 * its JVM): Spring stops Axon's processors and then closes the pool and the database, and nothing in the log is a
 * stack trace or H2's "Database is already closed".
 */
class QuietShutdownInApplicationTest {

    @TempDir
    Path directory;

    @Test
    void anApplicationStoppedBySigtermLogsNoStackTrace() throws Exception {
        Path log = directory.resolve("application.log");
        String url = "jdbc:h2:file:" + directory.resolve("app") + ";DB_CLOSE_ON_EXIT=FALSE";
        Process application = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SampleApplication.class.getName(),
                "--spring.datasource.url=" + url, "--spring.datasource.username=sa",
                "--parley.keys=" + directory.resolve("keys"), "--axon.axonserver.enabled=false",
                "--spring.main.web-application-type=none", "--spring.main.keep-alive=true")
                .directory(directory.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            await().atMost(Duration.ofMinutes(2)).until(() -> read(log).contains("Started SampleApplication")
                    || !application.isAlive());
            assertThat(application.isAlive()).as(read(log)).isTrue();
            // Let the read models' processors claim their segments and poll, as a running application's do.
            Thread.sleep(2_000);

            application.destroy();
            assertThat(application.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            application.destroyForcibly();
        }

        String printed = read(log);
        assertThat(printed).contains("Started SampleApplication");
        for (String stackTrace : List.of("already closed", "Exception", "\tat ", "Caused by")) {
            assertThat(printed).as("the log on stopping").doesNotContain(stackTrace);
        }
    }

    private static String read(Path log) throws java.io.IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
}
