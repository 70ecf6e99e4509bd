package dev.parley.application.commandfile;

import dev.parley.application.Parley;
import dev.parley.application.testing.Queries;
import dev.parley.projections.status.FindStatusQuery;
import dev.parley.projections.status.StatusReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Two runs of the same file at once store each line once: whichever stores a line first, the other skips it. */
class SameFileTwiceAtOnceTest {

    private static final int CASUALTY_LINES = 150;

    @TempDir
    Path directory;

    @Test
    void eachLineIsStoredByExactlyOneOfTwoSimultaneousRuns() throws Exception {
        Path file = directory.resolve("casualties.ndjson");
        StringBuilder commands = new StringBuilder(
                "{\"command\":\"ReportIncident\",\"incidentId\":\"inc-1\",\"location\":\"Border posts\","
                        + "\"attackers\":[\"AFG\"],\"defenders\":[\"PAK\"],\"description\":\"attack\","
                        + "\"occurredAt\":\"2025-10-12\",\"source\":\"ISPR\"}\n");
        for (int line = 0; line < CASUALTY_LINES; line++) {
            commands.append("{\"command\":\"RecordCasualties\",\"incidentId\":\"inc-1\",\"side\":\"PAK\",")
                    .append("\"killed\":1,\"occurredAt\":\"2025-10-12\",\"source\":\"ISPR\"}\n");
        }
        Files.writeString(file, commands);

        List<CommandFileRunner.Outcome> outcomes;
        try (Parley parley = Parley.open("jdbc:h2:file:" + directory.resolve("parley"))) {
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<CommandFileRunner.Outcome>> runs = threads.invokeAll(List.of(
                        () -> run(parley, file), () -> run(parley, file)));
                outcomes = List.of(runs.get(0).get(), runs.get(1).get());
            } finally {
                threads.shutdownNow();
            }
            parley.awaitReadModels(Duration.ofMinutes(2));
            StatusReport status = Queries.ask(parley.queries(), FindStatusQuery.all(), StatusReport.class);
            assertThat(status.incidents().get(0).casualties().get("PAK").killed()).isEqualTo(CASUALTY_LINES);
        }
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.allAccepted()).isTrue());
        assertThat(outcomes.get(0).accepted() + outcomes.get(1).accepted()).isEqualTo(CASUALTY_LINES + 1);
        assertThat(outcomes.get(0).skipped() + outcomes.get(1).skipped()).isEqualTo(CASUALTY_LINES + 1);
    }

    private static CommandFileRunner.Outcome run(Parley parley, Path file) {
        return new CommandFileRunner(parley.commands(), "tester").resuming(parley.appliedLines())
                                                                 .run(file, new CommandFileRunner.Listener() { });
    }
}
