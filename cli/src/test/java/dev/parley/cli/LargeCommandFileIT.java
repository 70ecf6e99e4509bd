package dev.parley.cli;

import dev.parley.application.testing.ParleyProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.parley.cli.Cli.status;
import static dev.parley.cli.Cli.storeUrl;
import static org.assertj.core.api.Assertions.assertThat;

/** A command file far larger than the heap runs in flat memory: it is streamed, never held whole. */
class LargeCommandFileIT {

    private static final int COMMENTS = 120_000;
    private static final int MALFORMED = 1_000;
    private static final int CASUALTY_LINES = 50;

    @TempDir
    Path directory;

    @Test
    void aFileOfMoreThanAHundredMegabytesRunsInANinetySixMegabyteHeap() throws Exception {
        Path file = directory.resolve("large.ndjson");
        String comment = "# " + "x".repeat(1_000) + "\n";
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"command\":\"ReportIncident\",\"incidentId\":\"inc-1\",\"location\":\"Border posts\","
                              + "\"attackers\":[\"AFG\"],\"defenders\":[\"PAK\"],\"description\":\"attack\","
                              + "\"occurredAt\":\"2025-10-12\",\"source\":\"ISPR\"}\n");
            for (int line = 0; line < COMMENTS; line++) {
                out.write(comment);
                if (line % (COMMENTS / MALFORMED) == 0) {
                    out.write("not json\n");
                }
                if (line % (COMMENTS / CASUALTY_LINES) == 0) {
                    out.write("{\"command\":\"RecordCasualties\",\"incidentId\":\"inc-1\",\"side\":\"PAK\","
                                      + "\"killed\":1,\"occurredAt\":\"2025-10-12\",\"source\":\"ISPR\"}\n");
                }
            }
        }
        assertThat(Files.size(file)).isGreaterThan(110L * 1024 * 1024);

        ParleyProcess run = ParleyProcess.startFromClassPath(directory, "run", List.of("-Xmx96m"), "run",
                                                             "--store", storeUrl(directory), file.toString());
        int exitCode = run.waitFor(600);

        assertThat(run.err()).doesNotContain("OutOfMemoryError");
        assertThat(exitCode).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines().filter(line -> line.startsWith("line ")).count()).isEqualTo(MALFORMED);
        assertThat(run.err()).contains("Ran " + file + ": " + (CASUALTY_LINES + 1) + " of "
                                               + (CASUALTY_LINES + 1 + MALFORMED) + " commands accepted, " + MALFORMED
                                               + " rejected.");
        assertThat(status(storeUrl(directory)).get("incidents").get(0).get("casualties").get("PAK").get("killed")
                                               .intValue()).isEqualTo(CASUALTY_LINES);
    }
}
