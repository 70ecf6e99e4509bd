package dev.parley.application.readside;

import dev.parley.application.Parley;
import dev.parley.application.commandfile.CommandFileRunner;
import dev.parley.application.commandfile.Rejection;
import dev.parley.application.readmodel.CatchUpListener;
import dev.parley.application.readmodel.ReadModels;
import dev.parley.application.readmodel.ReadModelContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.parley.application.readside.ReadSide.assertIdentical;
import static dev.parley.application.readside.ReadSide.assertOneRowPerStoredEvent;
import static dev.parley.application.readside.ReadSide.count;
import static dev.parley.application.readside.ReadSide.storeUrl;
import static org.assertj.core.api.Assertions.assertThat;

/** A replay started through the Java API while commands are still being recorded loses and doubles nothing. */
class ReplayWhileRecordingTest {

    private static final int INCIDENTS = 200;
    private static final Duration CATCH_UP = Duration.ofMinutes(2);

    @TempDir
    Path directory;

    @Test
    void aReplayDuringRecordingEndsWithOneRowPerStoredEventAndMatchesAFreshReplay() throws Exception {
        try (Parley parley = Parley.open(storeUrl(directory))) {
            List<String> lines = Histories.manyIncidents(INCIDENTS);
            List<String> firstHalf = lines.subList(0, lines.size() / 2);
            List<String> secondHalf = lines.subList(lines.size() / 2, lines.size());
            CountDownLatch firstHalfRecorded = new CountDownLatch(1);
            CountDownLatch replayStarted = new CountDownLatch(1);
            CommandFileRunner recorder = new CommandFileRunner(parley.commands(), "recorder");
            CompletableFuture<CommandFileRunner.Outcome> recording = CompletableFuture.supplyAsync(() -> {
                CommandFileRunner.Outcome first = recorder.run(firstHalf, new CommandFileRunner.Listener() { });
                firstHalfRecorded.countDown();
                try {
                    assertThat(replayStarted.await(60, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                CommandFileRunner.Outcome second = recorder.run(secondHalf, new CommandFileRunner.Listener() { });
                List<Rejection> rejections = new ArrayList<>(first.rejections());
                rejections.addAll(second.rejections());
                return new CommandFileRunner.Outcome(first.accepted() + second.accepted(), rejections,
                                                    first.conflictsRetried() + second.conflictsRetried(), 0);
            });
            assertThat(firstHalfRecorded.await(60, TimeUnit.SECONDS)).isTrue();
            parley.awaitReadModels(CATCH_UP);

            CompletableFuture<ReadModels.Replay> replay = CompletableFuture.supplyAsync(() -> {
                try {
                    return parley.readModels().replay(CATCH_UP, CatchUpListener.SILENT);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            replayStarted.countDown();
            replay.get(2, TimeUnit.MINUTES);

            assertThat(recording.get(2, TimeUnit.MINUTES).rejections()).isEmpty();
            parley.awaitReadModels(CATCH_UP);
            assertThat(count(parley.store().dataSource(), "domain_event_entry"))
                    .isEqualTo(Histories.eventsOfManyIncidents(INCIDENTS));
            assertOneRowPerStoredEvent(parley);
            try (ReadModelContents afterAll = parley.readModels().capture()) {
                parley.readModels().replay(CATCH_UP, CatchUpListener.SILENT);
                try (ReadModelContents fresh = parley.readModels().capture()) {
                    assertIdentical(afterAll, fresh);
                }
            }
        }
    }
}
