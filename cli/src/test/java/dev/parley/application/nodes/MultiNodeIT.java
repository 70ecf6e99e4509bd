package dev.parley.application.nodes;

import dev.parley.projections.ParleyReadModels;
import dev.parley.application.testing.PostgresServer;
import dev.parley.application.Parley;
import dev.parley.application.commandfile.CommandFileRunner;
import dev.parley.application.readmodel.CatchUpListener;
import dev.parley.application.readmodel.ReadModelContents;
import dev.parley.application.readmodel.TokenPositions;
import dev.parley.application.testing.ParleyProcess;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two {@code parley node} processes on one PostgreSQL share the read models' segments; one is killed with SIGKILL
 * while they are busy, the other takes its segments over, and the read models end as a single-node replay has them.
 */
class MultiNodeIT {

    private static final int INCIDENTS = 2_000;
    private static final int CASUALTY_REPORTS_PER_WRITER = 16_000;
    private static final int CLAIM_TIMEOUT_SECONDS = 3;

    @RegisterExtension
    static final PostgresServer postgres = new PostgresServer();

    @TempDir
    Path directory;

    @Test
    void theSurvivorOfASigkillTakesOverAndTheReadModelsEndAsASingleNodeReplay() throws Exception {
        String url = postgres.freshDatabase("nodes");
        long head = writeHistory(url);

        List<String> node = List.of("node", "--store", url, "--claim-timeout", "" + CLAIM_TIMEOUT_SECONDS,
                                    "--segments", "2");
        ParleyProcess first = ParleyProcess.start(directory, "first", Map.of(), node.toArray(String[]::new));
        ParleyProcess second = ParleyProcess.start(directory, "second", Map.of(), node.toArray(String[]::new));
        try (Parley observer = Parley.builder().store(url).readModels(false).build()) {
            TokenPositions tokens = new TokenPositions(observer.store().dataSource(), JacksonSerializer.builder()
                    .build());
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(
                    () -> owners(tokens).containsAll(List.of(owner(first), owner(second))));
            long slowestAtKill = slowest(tokens);
            first.kill();
            assertThat(slowestAtKill).as("the kill came while the nodes were still processing").isLessThan(head);

            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(
                    () -> owners(tokens).equals(List.of(owner(second))) && slowest(tokens) >= head);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> second.err().contains("caught up at " + head));
        assertThat(second.stop(60)).as("ended by SIGTERM (128 + 15) after its shutdown hook; stderr: %s",
                                       second.err()).isEqualTo(143);
        assertThat(second.err()).contains("stopping: its segments are released");

        try (Parley single = Parley.open(url)) {
            single.awaitReadModels(Duration.ofMinutes(2));
            try (ReadModelContents shared = single.readModels().capture()) {
                single.readModels().replay(Duration.ofMinutes(5), CatchUpListener.SILENT);
                try (ReadModelContents replayed = single.readModels().capture()) {
                    ReadModelContents.Comparison comparison = replayed.compareWith(shared, 10);
                    assertThat(comparison.differences()).isEmpty();
                    assertThat(comparison.total()).as("differing rows").isZero();
                    long events = INCIDENTS + 2L * CASUALTY_REPORTS_PER_WRITER;
                    assertThat(replayed.rowCounts()).as("rows compared")
                                                    .containsEntry("timeline", events).containsEntry("audit", events);
                }
            }
        }
    }

    /** Reports incidents and then casualties from two writers at once; returns the last position. */
    private long writeHistory(String url) throws Exception {
        List<String> reports = new ArrayList<>();
        for (int index = 0; index < INCIDENTS; index++) {
            reports.add("{\"command\":\"ReportIncident\",\"incidentId\":\"post-" + index + "\",\"location\":\"post "
                                + index + "\",\"attackers\":[\"AFG\"],\"defenders\":[\"PAK\"],\"description\":"
                                + "\"exchange of fire\",\"occurredAt\":\"2025-10-12\",\"source\":\"test\"}");
        }
        try (Parley writer = Parley.builder().store(url).readModels(false).build()) {
            CommandFileRunner.Listener quiet = new CommandFileRunner.Listener() { };
            assertThat(new CommandFileRunner(writer.commands(), "test").run(reports, quiet).allAccepted()).isTrue();
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<CommandFileRunner.Outcome>> writers = new ArrayList<>();
                for (String side : List.of("PAK", "AFG")) {
                    List<String> casualties = new ArrayList<>();
                    for (int index = 0; index < CASUALTY_REPORTS_PER_WRITER; index++) {
                        casualties.add("{\"command\":\"RecordCasualties\",\"incidentId\":\"post-" + (index % INCIDENTS)
                                               + "\",\"side\":\"" + side + "\",\"killed\":" + (index % 3)
                                               + ",\"occurredAt\":\"2025-10-13\",\"source\":\"test\"}");
                    }
                    writers.add(threads.submit(() -> new CommandFileRunner(writer.commands(), side)
                            .run(casualties, quiet)));
                }
                for (Future<CommandFileRunner.Outcome> outcome : writers) {
                    assertThat(outcome.get(10, TimeUnit.MINUTES).allAccepted()).isTrue();
                }
            } finally {
                threads.shutdownNow();
            }
            return writer.eventStore().createHeadToken().position().orElseThrow();
        }
    }

    private static String owner(ParleyProcess process) {
        return process.pid() + "@";
    }

    /** The distinct owners of all segments as pid prefixes, sorted; an unclaimed segment shows as "". */
    private static List<String> owners(TokenPositions tokens) {
        return ParleyReadModels.ALL.stream()
                                 .flatMap(readModel -> tokens.of(readModel.name()).stream())
                                 .map(segment -> segment.owner() == null ? ""
                                         : segment.owner().substring(0, segment.owner().indexOf('@') + 1))
                                 .distinct().sorted().collect(Collectors.toList());
    }

    private static long slowest(TokenPositions tokens) {
        return ParleyReadModels.ALL.stream().flatMap(readModel -> tokens.of(readModel.name()).stream())
                                 .mapToLong(TokenPositions.Segment::position).min().orElse(-1);
    }
}
