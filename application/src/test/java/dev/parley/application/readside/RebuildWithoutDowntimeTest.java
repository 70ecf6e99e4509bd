package dev.parley.application.readside;

import dev.parley.application.Parley;
import dev.parley.application.commandfile.CommandFileRunner;
import dev.parley.application.readmodel.CatchUpListener;
import dev.parley.application.readmodel.ReadModelContents;
import dev.parley.application.readmodel.ReadModels;
import dev.parley.application.readmodel.RebuildProgress;
import dev.parley.application.testing.PostgresServer;
import dev.parley.projections.status.FindStatusQuery;
import dev.parley.projections.status.StatusReport;
import dev.parley.projections.timeline.FindTimelineQuery;
import dev.parley.projections.timeline.Timeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replay rebuilds the read models beside the live ones: queries asked all the while it runs, on H2 and on
 * PostgreSQL, get the whole status and the whole timeline every time, never an empty or partial answer.
 */
class RebuildWithoutDowntimeTest {

    private static final int INCIDENTS = 300;
    private static final int EVENTS = Histories.eventsOfManyIncidents(INCIDENTS);
    private static final Duration CATCH_UP = Duration.ofMinutes(2);
    /** Queries answered while the rebuild is held midway, beyond those asked throughout. */
    private static final int QUERIES_MIDWAY = 5;

    @RegisterExtension
    static final PostgresServer postgres = new PostgresServer();

    @TempDir
    Path directory;

    @Test
    void queriesDuringARebuildOnH2AlwaysGetTheWholeReadModels() throws Exception {
        queriesDuringARebuildAlwaysGetTheWholeReadModels("jdbc:h2:file:" + directory.resolve("parley").toAbsolutePath());
    }

    @Test
    void queriesDuringARebuildOnPostgresAlwaysGetTheWholeReadModels() throws Exception {
        queriesDuringARebuildAlwaysGetTheWholeReadModels(postgres.freshDatabase("rebuild"));
    }

    private void queriesDuringARebuildAlwaysGetTheWholeReadModels(String store) throws Exception {
        try (Parley parley = Parley.builder().store(store).keys(directory.resolve("keys")).build()) {
            CommandFileRunner.Outcome outcome = new CommandFileRunner(parley.commands(), "rebuild-test")
                    .run(Histories.manyIncidents(INCIDENTS), new CommandFileRunner.Listener() { });
            assertThat(outcome.rejections()).isEmpty();
            parley.awaitReadModels(CATCH_UP);
            StatusReport wholeStatus = parley.queries().query(FindStatusQuery.all(), StatusReport.class).get();
            Timeline wholeTimeline = parley.queries().query(FindTimelineQuery.all(), Timeline.class).get();
            assertThat(wholeStatus.incidents()).hasSize(INCIDENTS);
            assertThat(wholeTimeline.entries()).hasSize(EVENTS);

            AtomicBoolean rebuilding = new AtomicBoolean(true);
            AtomicLong answered = new AtomicLong();
            List<String> wrongAnswers = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> asking = CompletableFuture.runAsync(() -> {
                while (rebuilding.get()) {
                    try {
                        StatusReport status = parley.queries().query(FindStatusQuery.all(), StatusReport.class).get();
                        Timeline timeline = parley.queries().query(FindTimelineQuery.all(), Timeline.class).get();
                        if (!status.equals(wholeStatus)) {
                            wrongAnswers.add("status with " + status.incidents().size() + " incidents");
                        }
                        if (!timeline.equals(wholeTimeline)) {
                            wrongAnswers.add("timeline of " + timeline.entries().size() + " entries");
                        }
                    } catch (Exception e) {
                        wrongAnswers.add("a failed query: " + e);
                    }
                    answered.incrementAndGet();
                }
            });
            CountDownLatch heldMidway = new CountDownLatch(1);
            CatchUpListener holdMidwayForQueries = new CatchUpListener() {
                @Override
                public void at(long position, long head) {
                }

                @Override
                public void rebuilt(RebuildProgress progress) {
                    if (progress.position() < progress.head() && heldMidway.getCount() > 0) {
                        long before = answered.get();
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                        while (answered.get() < before + QUERIES_MIDWAY && System.nanoTime() < deadline) {
                            Thread.onSpinWait();
                        }
                        heldMidway.countDown();
                    }
                }
            };

            ReadModels.Replay replay;
            try (ReadModelContents captured = parley.readModels().capture()) {
                try {
                    replay = parley.readModels().replay(CATCH_UP, holdMidwayForQueries);
                } finally {
                    rebuilding.set(false);
                    asking.get(60, TimeUnit.SECONDS);
                }
                try (ReadModelContents rebuilt = parley.readModels().capture()) {
                    assertThat(rebuilt.compareWith(captured, 10).identical()).isTrue();
                }
            }

            assertThat(heldMidway.getCount()).as("the rebuild was seen midway").isZero();
            assertThat(answered.get()).as("queries answered during the rebuild").isGreaterThan(QUERIES_MIDWAY);
            assertThat(wrongAnswers).as("answers other than the whole read models").isEmpty();
            assertThat(replay.events()).isEqualTo(EVENTS);
            assertThat(parley.queries().query(FindStatusQuery.all(), StatusReport.class).get()).isEqualTo(wholeStatus);
        }
    }
}
