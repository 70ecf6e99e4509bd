package dev.parley.application.readside;

import dev.parley.application.Parley;
import dev.parley.application.commandfile.CommandFileRunner;
import dev.parley.application.readmodel.CatchUpListener;
import dev.parley.application.readmodel.ReadModelContents;
import dev.parley.application.readmodel.ReadModels;
import dev.parley.projections.status.FindStatusAsOfQuery;
import dev.parley.projections.status.FindStatusAtSequenceQuery;
import dev.parley.projections.status.FindStatusQuery;
import dev.parley.projections.status.IncidentView;
import dev.parley.projections.status.NegotiationView;
import dev.parley.projections.status.StatusReport;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Comparator;
import java.util.stream.Stream;

import static dev.parley.application.readside.ReadSide.assertIdentical;
import static dev.parley.application.readside.ReadSide.assertOneRowPerStoredEvent;
import static dev.parley.application.readside.ReadSide.count;
import static dev.parley.application.readside.ReadSide.longs;
import static dev.parley.application.readside.ReadSide.storeUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: for any command file, the read models built live while it runs equal the read models rebuilt by a
 * replay from the event store, and the live status equals the status folded from each aggregate's own stream.
 *
 * <p>jqwik draws the seed of each generated command file; each try opens its own H2 store, so tries are few and
 * shrinking is off (a failing seed is reported and can be replayed with jqwik's {@code seed} setting).
 */
class LiveEqualsReplayedPropertyTest {

    private static final Duration CATCH_UP = Duration.ofSeconds(60);
    private static final int TRIES = 15;
    private static final int FEW_TRIES = 5;
    private static final Instant OCTOBER = Instant.parse("2025-10-01T00:00:00Z");
    /** Later than any time the generated files use. */
    private static final Instant AFTER_EVERYTHING = Instant.parse("2026-01-01T00:00:00Z");

    private Path directory;

    @BeforeTry
    void freshStore() throws IOException {
        directory = Files.createTempDirectory("parley-property-");
    }

    @AfterTry
    void removeStore() throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void theReadModelsBuiltLiveEqualThoseRebuiltByAReplay(@ForAll long seed) throws Exception {
        List<String> file = RandomCommandFiles.generate(seed);
        try (Parley parley = Parley.open(storeUrl(directory))) {
            CommandFileRunner.Outcome outcome = new CommandFileRunner(parley.commands(), "property")
                    .run(file, new CommandFileRunner.Listener() { });
            assertThat(outcome.accepted()).as("seed %d: the file's first lines are accepted", seed)
                                          .isGreaterThanOrEqualTo(2);
            parley.awaitReadModels(CATCH_UP);
            long stored = count(parley.store().dataSource(), "domain_event_entry");
            assertThat(stored).isGreaterThanOrEqualTo(outcome.accepted());
            assertOneRowPerStoredEvent(parley);
            StatusReport liveStatus = parley.queries().query(FindStatusQuery.all(), StatusReport.class).get();
            assertThat(liveStatus).as("seed %d: live status equals the fold of the event streams", seed)
                                  .isEqualTo(folded(parley));
            assertThat(parley.queries().query(new FindStatusAsOfQuery(null, AFTER_EVERYTHING, Instant.now()),
                                              StatusReport.class).get())
                    .as("seed %d: time travel to bounds beyond everything is the live status", seed)
                    .isEqualTo(liveStatus);

            try (ReadModelContents live = parley.readModels().capture()) {
                ReadModels.Replay replay = parley.readModels().replay(CATCH_UP, CatchUpListener.SILENT);
                assertThat(replay.events()).as("seed %d: events replayed", seed).isEqualTo(stored);
                try (ReadModelContents replayed = parley.readModels().capture()) {
                    assertIdentical(live, replayed);
                }
            }
            assertOneRowPerStoredEvent(parley);
            assertThat(parley.queries().query(FindStatusQuery.all(), StatusReport.class).get())
                    .isEqualTo(liveStatus);
        }
    }

    @Property(tries = FEW_TRIES, shrinking = ShrinkingMode.OFF)
    void theStatusAsItStoodOnAnyDayIsAnsweredAndGrowsOnlyFromAggregatesThatHadBegun(@ForAll long seed) throws Exception {
        try (Parley parley = Parley.open(storeUrl(directory))) {
            new CommandFileRunner(parley.commands(), "property")
                    .run(RandomCommandFiles.generate(seed), new CommandFileRunner.Listener() { });
            parley.awaitReadModels(CATCH_UP);
            StatusReport live = parley.queries().query(FindStatusQuery.all(), StatusReport.class).get();
            for (int day = 0; day <= 31; day++) {
                Instant at = OCTOBER.plus(Duration.ofDays(day));
                StatusReport then = parley.queries().query(new FindStatusAsOfQuery(null, at, null),
                                                           StatusReport.class).get();
                assertThat(then.incidents().size()).as("seed %d, %s", seed, at)
                                                   .isLessThanOrEqualTo(live.incidents().size());
                assertThat(then.negotiations().size()).as("seed %d, %s", seed, at)
                                                      .isLessThanOrEqualTo(live.negotiations().size());
            }
        }
    }

    /** The status of every aggregate folded from its own stream, by both Java time-travel queries without bounds. */
    private static StatusReport folded(Parley parley) throws Exception {
        StatusReport unbounded = parley.queries().query(new FindStatusAsOfQuery(null, null, null),
                                                        StatusReport.class).get();
        for (NegotiationView negotiation : unbounded.negotiations()) {
            assertThat(atLastSequence(parley, negotiation.id()).negotiations()).containsExactly(negotiation);
        }
        for (IncidentView incident : unbounded.incidents()) {
            assertThat(atLastSequence(parley, incident.id()).incidents()).containsExactly(incident);
        }
        return unbounded;
    }

    private static StatusReport atLastSequence(Parley parley, String id) throws Exception {
        List<Long> last = longs(parley.store().dataSource(),
                                "SELECT MAX(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = '"
                                        + id.replace("'", "''") + "'");
        return parley.queries().query(new FindStatusAtSequenceQuery(id, last.get(0)), StatusReport.class).get();
    }
}
