package dev.parley.application.readside;

import dev.parley.application.Parley;
import dev.parley.application.commandfile.CommandFileRunner;
import dev.parley.application.readmodel.CatchUpListener;
import dev.parley.application.readmodel.ReadModelContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
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
            CompletableFuture<CommandFileRunner.Outcome> recording = CompletableFuture.supplyAsync(
                    () -> new CommandFileRunner(parley.commands(), "recorder")
                            .run(Histories.manyIncidents(INCIDENTS), new CommandFileRunner.Listener() { }));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (count(parley.store().dataSource(), "audit_entry") < 100) {
                assertThat(System.nanoTime()).as("the read models never started").isLessThan(deadline);
                Thread.sleep(2);
            }
            assertThat(recording).as("still recording when the replay starts").isNotDone();

            parley.readModels().replay(CATCH_UP, CatchUpListener.SILENT);

            assertThat(recording.get(2, TimeUnit.MINUTES).rejections()).isEmpty();
            parley.awaitReadModels(CATCH_UP);
            assertThat(count(parley.store().dataSource(), "domain_event_entry"))
                    .isEqualTo(Histories.eventsOfManyIncidents(INCIDENTS));
            assertOneRowPerStoredEvent(parley);
            try (ReadModelContents afterAll = ReadModelContents.capture(parley.store().dataSource())) {
                parley.readModels().replay(CATCH_UP, CatchUpListener.SILENT);
                try (ReadModelContents fresh = ReadModelContents.capture(parley.store().dataSource())) {
                    assertIdentical(afterAll, fresh);
                }
            }
        }
    }
}
