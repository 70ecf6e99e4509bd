package dev.parley.application.readmodel;

import dev.parley.application.Parley;
import dev.parley.application.commandfile.CommandFileRunner;
import dev.parley.application.fork.Fork;
import dev.parley.application.testing.Queries;
import dev.parley.projections.audit.AuditEntry;
import dev.parley.projections.audit.AuditTrail;
import dev.parley.projections.audit.FindAuditTrailQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A read model declared in test code alone ({@link TallyReadModel}) and registered on the builder is migrated, run,
 * replayed, compared after the replay and answered inside a fork, like the three Parley ships with.
 */
class FourthReadModelTest {

    private static final Path SCENARIO = Path.of("..", "scenarios", "pak-afghan-2025.ndjson");
    private static final long HEAD = 13;
    private static final long FRAMEWORK_SUBMITTED = 11;
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    private Parley parley;

    @BeforeEach
    void recordTheShippedScenarioWithTheTally() throws Exception {
        parley = open();
        CommandFileRunner.Outcome outcome = new CommandFileRunner(parley.commands(), "recorder")
                .run(SCENARIO, new CommandFileRunner.Listener() {
                });
        assertThat(outcome.rejections()).isEmpty();
        parley.awaitReadModels(LIMIT);
    }

    private Parley open() {
        return Parley.builder()
                     .store("jdbc:h2:file:" + directory.resolve("parley").toAbsolutePath())
                     .readModel(TallyReadModel.DEFINITION)
                     .build();
    }

    @AfterEach
    void close() {
        parley.close();
    }

    private static TallyReadModel.Tally tally(org.axonframework.queryhandling.QueryGateway queries, Long upTo) {
        return Queries.ask(queries, new TallyReadModel.FindTallyQuery(upTo), TallyReadModel.Tally.class);
    }

    /** The tally the audit trail implies: events by type, up to {@code upTo}. */
    private static Map<String, Long> fromAudit(org.axonframework.queryhandling.QueryGateway queries, long upTo) {
        return Queries.ask(queries, new FindAuditTrailQuery(null, upTo), AuditTrail.class).entries().stream()
                      .collect(Collectors.groupingBy(AuditEntry::eventType, java.util.TreeMap::new,
                                                     Collectors.counting()));
    }

    @Test
    void theRegisteredReadModelRunsBesideTheBuiltInOnesAndCountsEveryStoredEvent() {
        assertThat(parley.readModels().names()).containsExactly("status", "timeline", "audit", "tally");

        TallyReadModel.Tally tally = tally(parley.queries(), null);

        assertThat(tally.total()).isEqualTo(HEAD);
        assertThat(tally.eventsByType()).isEqualTo(fromAudit(parley.queries(), HEAD))
                                        .containsEntry("StrikeRecorded", 2L);
    }

    @Test
    void replayRebuildsItAndTheComparisonFindsItUnchanged() throws Exception {
        TallyReadModel.Tally before = tally(parley.queries(), null);

        try (ReadModelContents captured = parley.readModels().capture()) {
            ReadModels.Replay replay = parley.readModels().replay(LIMIT, CatchUpListener.SILENT);
            try (ReadModelContents replayed = parley.readModels().capture()) {
                ReadModelContents.Comparison comparison = replayed.compareWith(captured, 10);

                assertThat(replay.events()).isEqualTo(HEAD);
                assertThat(comparison.identical()).as("differences: %s", comparison.differences()).isTrue();
                assertThat(replayed.rowCounts()).containsEntry(TallyReadModel.NAME, HEAD);
            }
        }
        assertThat(tally(parley.queries(), null)).isEqualTo(before);
    }

    @Test
    void aRowOfItThatTheEventsDoNotExplainIsReportedAfterReplay() throws Exception {
        try (Connection connection = parley.store().dataSource().getConnection();
             PreparedStatement tamper = connection.prepareStatement(
                     "UPDATE " + TallyReadModel.TABLE + " SET " + TallyReadModel.EVENT_TYPE + " = 'Forged' WHERE "
                             + TallyReadModel.POSITION + " = 3")) {
            assertThat(tamper.executeUpdate()).isOne();
        }

        try (ReadModelContents tampered = parley.readModels().capture()) {
            parley.readModels().replay(LIMIT, CatchUpListener.SILENT);
            try (ReadModelContents replayed = parley.readModels().capture()) {
                ReadModelContents.Comparison comparison = replayed.compareWith(tampered, 10);

                assertThat(comparison.total()).isOne();
                ReadModelContents.Difference difference = comparison.differences().get(0);
                assertThat(difference.readModel()).isEqualTo(TallyReadModel.NAME);
                assertThat(difference.key()).isEqualTo("[\"3\"]");
                assertThat(difference.change()).isEqualTo("changed");
                assertThat(difference.before()).contains("Forged");
                assertThat(difference.after()).contains("StrikeRecorded");
            }
        }
    }

    @Test
    void aForkAnswersItFromTheRecordUpToTheForkPointAndItsOwnEvents() throws Exception {
        String torkham = "{\"command\":\"ReportIncident\",\"incidentId\":\"torkham\",\"location\":\"Torkham\","
                + "\"attackers\":[\"AFG\"],\"defenders\":[\"PAK\"],\"description\":\"Shelling at Torkham\","
                + "\"occurredAt\":\"2025-10-28\",\"source\":\"ISPR\"}";
        try (Fork fork = parley.fork(FRAMEWORK_SUBMITTED)) {
            CommandFileRunner.Outcome outcome = new CommandFileRunner(fork.commands(), "fork-tester")
                    .run(List.of(torkham), new CommandFileRunner.Listener() {
                    });
            assertThat(outcome.rejections()).isEmpty();

            Map<String, Long> expected = new java.util.TreeMap<>(fromAudit(parley.queries(), FRAMEWORK_SUBMITTED));
            expected.merge("IncidentReported", 1L, Long::sum);
            assertThat(tally(fork.queries(), null).eventsByType()).isEqualTo(expected);
            assertThat(tally(fork.queries(), FRAMEWORK_SUBMITTED).eventsByType())
                    .isEqualTo(fromAudit(parley.queries(), FRAMEWORK_SUBMITTED));

            try (Fork ofFork = fork.fork()) {
                assertThat(tally(ofFork.queries(), null).eventsByType()).isEqualTo(expected);
            }
        }
        assertThat(tally(parley.queries(), null).total()).as("the record is untouched").isEqualTo(HEAD);
    }

    @Test
    void itsTableSurvivesReopeningAndAStoreOpenedWithoutItStillOpens() throws Exception {
        parley.close();
        try (Parley without = Parley.open("jdbc:h2:file:" + directory.resolve("parley").toAbsolutePath())) {
            assertThat(without.readModels().names()).doesNotContain(TallyReadModel.NAME);
            without.awaitReadModels(LIMIT);
        }
        parley = open();
        parley.awaitReadModels(LIMIT);
        assertThat(tally(parley.queries(), null).total()).isEqualTo(HEAD);
    }

    @Test
    void twoReadModelsOfTheSameNameAreRefused() {
        assertThatThrownBy(() -> Parley.builder().readModel(TallyReadModel.DEFINITION)
                                       .readModel(TallyReadModel.DEFINITION))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tally");
    }
}
