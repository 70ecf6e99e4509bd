package dev.parley.application.fork;

import dev.parley.application.Parley;
import dev.parley.incident.api.IncidentStatus;
import dev.parley.negotiation.api.NegotiationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.parley.application.fork.ForkApi.accept;
import static dev.parley.application.fork.ForkApi.audit;
import static dev.parley.application.fork.ForkApi.collapse;
import static dev.parley.application.fork.ForkApi.concludeRound;
import static dev.parley.application.fork.ForkApi.declareCeasefire;
import static dev.parley.application.fork.ForkApi.incident;
import static dev.parley.application.fork.ForkApi.negotiation;
import static dev.parley.application.fork.ForkApi.openRound;
import static dev.parley.application.fork.ForkApi.recordCasualties;
import static dev.parley.application.fork.ForkApi.reportIncident;
import static dev.parley.application.fork.ForkApi.respond;
import static dev.parley.application.fork.ForkApi.status;
import static dev.parley.application.fork.ForkApi.timeline;
import static dev.parley.application.fork.ForkCli.BORDER_POSTS;
import static dev.parley.application.fork.ForkCli.HEAD;
import static dev.parley.application.fork.ForkCli.TALKS;
import static dev.parley.application.fork.ForkCli.recordScenario;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forks are copy-on-write: creating one copies no event and writes nothing, and nothing decided in a fork reaches the
 * record's store. Checked on the store's own tables, read over JDBC.
 */
class CopyOnWriteTest {

    @TempDir
    Path directory;

    /** Commands in several forks, forks of forks and the process rule, with every fork's read models asked. */
    private static void workInSeveralForks(Parley parley) {
        try (Fork accepted = parley.fork(11); Fork ceasefire = parley.fork(6); Fork atHead = parley.fork(HEAD)) {
            accept(accepted.commands(), respond("AFG", "ACCEPTED", "2025-10-27"),
                   concludeRound("Framework accepted", "2025-10-28"));
            accept(ceasefire.commands(), reportIncident("kurram", "2025-10-15"),
                   declareCeasefire("2025-10-19", BORDER_POSTS, "kurram"),
                   recordCasualties(BORDER_POSTS, "PAK", 3, 4, "2025-10-13"));
            accept(atHead.commands(), openRound(3, "Riyadh", "2025-11-06"),
                   collapse("No progress in Riyadh", "2025-11-07"));
            try (Fork child = atHead.fork()) {
                accept(child.commands(), openRound(4, "Tehran", "2025-11-20"));
                assertThat(negotiation(child.queries(), TALKS).currentRound()).isEqualTo(4);
                assertThat(audit(child.queries())).hasSize((int) HEAD + 3);
            }
            assertThat(negotiation(accepted.queries(), TALKS).status()).isEqualTo(NegotiationStatus.ROUND_CONCLUDED);
            assertThat(incident(ceasefire.queries(), "kurram").status()).isEqualTo(IncidentStatus.CEASEFIRE);
            assertThat(incident(ceasefire.queries(), BORDER_POSTS).status()).isEqualTo(IncidentStatus.CEASEFIRE);
            assertThat(negotiation(atHead.queries(), TALKS).currentRound()).isEqualTo(3);
            for (Fork fork : List.of(accepted, ceasefire, atHead)) {
                assertThat(status(fork.queries()).negotiations()).hasSize(1);
                assertThat(timeline(fork.queries())).hasSize((int) (fork.forkPoint() + fork.ownEvents().size()));
                assertThat(audit(fork.queries())).hasSize((int) (fork.forkPoint() + fork.ownEvents().size()));
                assertThat(fork.diff(ForkDiff.Against.HEAD).aggregates()).isNotEmpty();
            }
        }
    }

    @Test
    void commandsInSeveralForksLeaveEveryRecordTableExactlyAsItWasToTheLastColumn() {
        String store = recordScenario(directory);
        Map<String, List<String>> before = RecordTables.dump(store);
        assertThat(before.get("domain_event_entry")).hasSize((int) HEAD);
        assertThat(before.get("audit_entry")).hasSize((int) HEAD);

        // without streaming read models, nothing of the record's own runs that could write to it
        try (Parley parley = Parley.builder().store(store).readModels(false).build()) {
            workInSeveralForks(parley);
            assertThat(parley.forks().head()).isEqualTo(HEAD);
        }

        assertThat(RecordTables.dump(store)).isEqualTo(before);

        // the same kind of command on the record itself does show in the dump
        try (Parley parley = Parley.builder().store(store).readModels(false).build()) {
            accept(parley.commands(), openRound(3, "Riyadh", "2025-11-06"));
        }
        Map<String, List<String>> afterARealCommand = RecordTables.dump(store);
        assertThat(afterARealCommand.get("domain_event_entry")).hasSize((int) HEAD + 1);
        assertThat(afterARealCommand).isNotEqualTo(before);
    }

    @Test
    void withTheRecordsReadModelsRunningForksStillChangeNothingButTheProcessorsOwnClaims() throws Exception {
        String store = recordScenario(directory);
        Map<String, List<String>> before = RecordTables.dump(store, RecordTables.TOKEN_CLAIM_COLUMNS);

        try (Parley parley = Parley.open(store)) {
            parley.awaitReadModels(Duration.ofSeconds(30));
            workInSeveralForks(parley);
            parley.awaitReadModels(Duration.ofSeconds(30));
            assertThat(RecordTables.dump(store, RecordTables.TOKEN_CLAIM_COLUMNS)).as("while the record runs")
                                                                                  .isEqualTo(before);
        }

        assertThat(RecordTables.dump(store, RecordTables.TOKEN_CLAIM_COLUMNS)).isEqualTo(before);
    }

    @Test
    void creatingForksInsertsNoRowInAnyTableOfTheStore() throws Exception {
        String store = recordScenario(directory);

        try (Parley parley = Parley.open(store)) {
            parley.awaitReadModels(Duration.ofSeconds(30));
            Map<String, Long> before = RecordTables.rowCounts(store);
            assertThat(before).containsEntry("domain_event_entry", HEAD).containsKeys("branch", "branch_event");
            Map<String, List<String>> contentBefore = RecordTables.dump(store, RecordTables.TOKEN_CLAIM_COLUMNS);

            Forks forks = parley.forks();
            try (Fork first = forks.at(1); Fork middle = forks.at(7); Fork head = forks.at(HEAD);
                 Fork byNow = forks.recordedBy(Instant.now()); Fork ofAFork = middle.fork();
                 Fork ofAForkOfAFork = ofAFork.fork()) {
                assertThat(RecordTables.rowCounts(store)).isEqualTo(before);
                for (Fork fork : List.of(first, middle, head, byNow, ofAFork, ofAForkOfAFork)) {
                    assertThat(fork.ownEvents()).isEmpty();
                    assertThat(fork.diff(ForkDiff.Against.HEAD).aggregates()).isEmpty();
                }
                assertThat(byNow.forkPoint()).isEqualTo(HEAD);
                assertThat(ofAForkOfAFork.forkPoint()).isEqualTo(7);
                assertThat(negotiation(middle.queries(), TALKS).ceasefireInForce()).isTrue();
                assertThat(incident(head.queries(), BORDER_POSTS).status()).isEqualTo(IncidentStatus.CEASEFIRE);
                assertThat(RecordTables.rowCounts(store)).as("after reading the forks").isEqualTo(before);
            }
            assertThat(RecordTables.rowCounts(store)).isEqualTo(before);
            assertThat(RecordTables.dump(store, RecordTables.TOKEN_CLAIM_COLUMNS)).isEqualTo(contentBefore);
        }
    }

    @Test
    void aForkSeesTheRecordUpToItsPointWithoutHoldingACopyOfIt() {
        String store = recordScenario(directory);

        try (Parley parley = Parley.builder().store(store).readModels(false).build();
             Fork fork = parley.fork(7)) {
            assertThat(fork.ownEvents()).as("the record's events stay in the record").isEmpty();
            assertThat(fork.forkPoint()).isEqualTo(7);
            assertThat(audit(fork.queries())).extracting(entry -> entry.position())
                                             .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
            accept(fork.commands(), concludeRound("Concluded in the fork", "2025-10-19"));
            assertThat(fork.ownEvents()).singleElement().satisfies(event -> {
                assertThat(event.position()).isEqualTo(8);
                assertThat(event.message().getAggregateIdentifier()).isEqualTo(TALKS);
            });
        }
    }
}
