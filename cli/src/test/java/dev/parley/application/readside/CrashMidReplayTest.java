package dev.parley.application.readside;

import dev.parley.application.Parley;
import dev.parley.application.commandfile.CommandFileRunner;
import dev.parley.application.readmodel.CatchUpListener;
import dev.parley.application.readmodel.ReadModelContents;
import dev.parley.application.readmodel.ReadModels;
import dev.parley.application.readmodel.RebuildProgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.parley.application.readside.ReadSide.assertIdentical;
import static dev.parley.application.readside.ReadSide.assertOneRowPerStoredEvent;
import static dev.parley.application.readside.ReadSide.count;
import static dev.parley.application.readside.ReadSide.storeUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replay stopped midway, by closing Parley or by the database going down under it, then Parley opened again on
 * the same store: the read models end exactly as they were before the replay, with no duplicate and no gap.
 */
class CrashMidReplayTest {

    private static final int INCIDENTS = 400;
    private static final int EVENTS = Histories.eventsOfManyIncidents(INCIDENTS);
    private static final Duration CATCH_UP = Duration.ofMinutes(2);

    @TempDir
    Path directory;

    private String store;
    private ReadModelContents before;

    @BeforeEach
    void recordAFewThousandEventsAndCaptureTheReadModels() throws Exception {
        store = storeUrl(directory);
        try (Parley parley = Parley.open(store)) {
            CommandFileRunner.Outcome outcome = new CommandFileRunner(parley.commands(), "crash-test")
                    .run(Histories.manyIncidents(INCIDENTS), new CommandFileRunner.Listener() { });
            assertThat(outcome.rejections()).isEmpty();
            parley.awaitReadModels(CATCH_UP);
            assertThat(count(parley.store().dataSource(), "domain_event_entry")).isEqualTo(EVENTS);
            assertOneRowPerStoredEvent(parley);
            before = parley.readModels().capture();
        }
        assertThat(before.rowCounts()).containsEntry("audit", (long) EVENTS).containsEntry("timeline", (long) EVENTS);
    }

    @AfterEach
    void deleteTheCapture() {
        if (before != null) {
            before.close();
        }
    }

    /** A replay running on its own thread, held after its first batch of rebuilt events until let go. */
    private record RunningReplay(Thread thread, CompletableFuture<ReadModels.Replay> outcome, CountDownLatch letGo) {

        /** Lets the replay go on once {@code stopper} waits for it, so that it stops before swapping. */
        void letGoOnceWaitedForBy(Thread stopper) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (stopper.isAlive() && stopper.getState() != Thread.State.WAITING) {
                assertThat(System.nanoTime()).as("%s waits for the replay", stopper.getName()).isLessThan(deadline);
                Thread.onSpinWait();
            }
            letGo.countDown();
        }

        /** Stops the replay as a caller would, by interrupting the thread waiting for it. */
        void stop() throws InterruptedException {
            thread.interrupt();
            letGoOnceWaitedForBy(thread);
            thread.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(thread.isAlive()).as("the replay thread stopped").isFalse();
        }
    }

    /**
     * Starts a replay on another thread and returns once it has rebuilt part of the read models beside the live
     * ones: it is then held until let go, and the live read models are checked to be whole meanwhile.
     */
    private static RunningReplay replayUntilMidway(Parley parley) throws Exception {
        CompletableFuture<ReadModels.Replay> replay = new CompletableFuture<>();
        CountDownLatch midway = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        CatchUpListener holdMidway = new CatchUpListener() {
            @Override
            public void at(long position, long head) {
            }

            @Override
            public void rebuilt(RebuildProgress progress) {
                if (progress.position() < progress.head() && midway.getCount() > 0) {
                    midway.countDown();
                    try {
                        letGo.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        Thread replaying = new Thread(() -> {
            try {
                replay.complete(parley.readModels().replay(CATCH_UP, holdMidway));
            } catch (Throwable stopped) {
                replay.completeExceptionally(stopped);
            }
        }, "replay");
        replaying.setDaemon(true);
        replaying.start();
        assertThat(midway.await(60, TimeUnit.SECONDS)).as("the replay got midway").isTrue();
        DataSource dataSource = parley.store().dataSource();
        assertThat(count(dataSource, ReadModels.REBUILD_SCHEMA + ".audit_entry"))
                .as("audit entries rebuilt so far").isBetween(1L, EVENTS - 1L);
        assertThat(count(dataSource, "audit_entry")).as("live audit entries, untouched").isEqualTo(EVENTS);
        assertThat(count(dataSource, "timeline_entry")).as("live timeline entries, untouched").isEqualTo(EVENTS);
        return new RunningReplay(replaying, replay, letGo);
    }

    private ReadModelContents reopenAndCatchUp() throws Exception {
        try (Parley reopened = Parley.open(store)) {
            reopened.awaitReadModels(CATCH_UP);
            assertOneRowPerStoredEvent(reopened);
            return reopened.readModels().capture();
        }
    }

    @Test
    void closingParleyMidReplayThenReopeningLeavesTheReadModelsAsTheyWereWithNoDuplicateAndNoGap() throws Exception {
        Parley parley = Parley.open(store);
        parley.awaitReadModels(CATCH_UP);
        RunningReplay replay = replayUntilMidway(parley);
        Thread closing = new Thread(parley::close, "closing");
        closing.start();
        replay.letGoOnceWaitedForBy(closing);
        closing.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(closing.isAlive()).as("Parley closed").isFalse();
        replay.stop();
        assertThat(replay.outcome()).as("the replay stopped before swapping").isCompletedExceptionally();

        try (ReadModelContents after = reopenAndCatchUp()) {
            assertIdentical(before, after);
            assertThat(after.rowCounts()).isEqualTo(before.rowCounts());
        }
    }

    @Test
    void theDatabaseGoingDownMidReplayThenReopeningLeavesTheReadModelsAsTheyWere() throws Exception {
        Parley parley = Parley.open(store);
        try {
            parley.awaitReadModels(CATCH_UP);
            RunningReplay replay = replayUntilMidway(parley);
            // like a power cut: H2 closes at once, uncommitted batches are lost
            try (Connection connection = parley.store().dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN IMMEDIATELY");
            } catch (java.sql.SQLException expected) {
                // the connection dies with the database
            }
            replay.letGo().countDown();
            replay.thread().join(TimeUnit.SECONDS.toMillis(60));
            assertThat(replay.thread().isAlive()).as("the replay thread stopped").isFalse();
            assertThat(replay.outcome()).as("the replay failed with the database").isCompletedExceptionally();
        } finally {
            try {
                parley.close();
            } catch (RuntimeException closingABrokenStore) {
                // closing may complain about the dead database; the store on disk is what counts
            }
        }

        try (ReadModelContents after = reopenAndCatchUp()) {
            assertIdentical(before, after);
            assertThat(after.rowCounts()).isEqualTo(before.rowCounts());
        }
    }

    @Test
    void aFullReplayAfterAnInterruptedOneIsIdenticalToTheReadModelsBeforeBoth() throws Exception {
        try (Parley parley = Parley.open(store)) {
            parley.awaitReadModels(CATCH_UP);
            replayUntilMidway(parley).stop();
        }
        try (Parley reopened = Parley.open(store)) {
            reopened.awaitReadModels(CATCH_UP);
            ReadModels.Replay replay = reopened.readModels().replay(CATCH_UP, CatchUpListener.SILENT);
            assertThat(replay.events()).isEqualTo(EVENTS);
            assertOneRowPerStoredEvent(reopened);
            try (ReadModelContents after = reopened.readModels().capture()) {
                assertIdentical(before, after);
            }
        }
    }

    @Test
    void replayingTwiceThroughTheJavaApiCountsEveryEventEachTimeAndChangesNothing() throws Exception {
        try (Parley parley = Parley.open(store)) {
            parley.awaitReadModels(CATCH_UP);
            ReadModels.Replay first = parley.readModels().replay(CATCH_UP, CatchUpListener.SILENT);
            ReadModels.Replay second = parley.readModels().replay(CATCH_UP, CatchUpListener.SILENT);
            assertThat(first.events()).isEqualTo(EVENTS);
            assertThat(second.events()).isEqualTo(EVENTS);
            assertThat(second.eventsPerSecond()).isPositive();
            assertOneRowPerStoredEvent(parley);
            try (ReadModelContents after = parley.readModels().capture()) {
                assertIdentical(before, after);
                Map<String, Long> rows = after.rowCounts();
                assertThat(rows).isEqualTo(before.rowCounts());
            }
        }
    }
}
