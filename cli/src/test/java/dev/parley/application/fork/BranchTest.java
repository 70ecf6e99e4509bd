package dev.parley.application.fork;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.application.Parley;
import dev.parley.application.commandfile.Rejection;
import dev.parley.negotiation.api.FrameworkResponse;
import dev.parley.negotiation.api.NegotiationStatus;
import dev.parley.projections.status.NegotiationView;
import dev.parley.shared.api.DomainRuleException;
import dev.parley.shared.api.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.parley.application.fork.ForkApi.accept;
import static dev.parley.application.fork.ForkApi.collapse;
import static dev.parley.application.fork.ForkApi.concludeRound;
import static dev.parley.application.fork.ForkApi.negotiation;
import static dev.parley.application.fork.ForkApi.openRound;
import static dev.parley.application.fork.ForkApi.respond;
import static dev.parley.application.fork.ForkApi.run;
import static dev.parley.application.fork.ForkApi.submitFramework;
import static dev.parley.application.fork.ForkCli.FRAMEWORK_SUBMITTED;
import static dev.parley.application.fork.ForkCli.HEAD;
import static dev.parley.application.fork.ForkCli.TALKS;
import static dev.parley.application.fork.ForkCli.aggregate;
import static dev.parley.application.fork.ForkCli.assertNoStackTrace;
import static dev.parley.application.fork.ForkCli.auditJson;
import static dev.parley.application.fork.ForkCli.difference;
import static dev.parley.application.fork.ForkCli.eventTypes;
import static dev.parley.application.fork.ForkCli.json;
import static dev.parley.application.fork.ForkCli.parleyExpecting;
import static dev.parley.application.fork.ForkCli.positions;
import static dev.parley.application.fork.ForkCli.recordScenario;
import static dev.parley.application.fork.ForkCli.statusJson;
import static dev.parley.application.fork.ForkCli.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Named branches: {@code fork --save NAME}, {@code forks}, and {@code fork --from NAME}, kept apart from the record. */
class BranchTest {

    /** In a fork at 11: AFG accepts PAK's framework and submits its own. */
    static final String AFG_ACCEPTS_AND_COUNTERS = """
            {"command":"RespondToFramework","negotiationId":"pak-afg-talks-2025","frameworkId":"pak-counterterrorism-framework","party":"AFG","response":"ACCEPTED","occurredAt":"2025-10-27","source":"What-if analyst"}
            {"command":"SubmitFramework","negotiationId":"pak-afg-talks-2025","frameworkId":"afg-border-framework","submittedBy":"AFG","title":"Border management","provisions":["joint patrols"],"occurredAt":"2025-10-28","source":"What-if analyst"}
            """;

    /**
     * Continues the branch: line 1 is valid only because the branch submitted afg-border-framework (else
     * UNKNOWN_FRAMEWORK), line 2 is rejected only because the branch already holds AFG's answer (ALREADY_RESPONDED),
     * line 3 concludes the round.
     */
    static final String PAK_ACCEPTS_THE_COUNTER = """
            {"command":"RespondToFramework","negotiationId":"pak-afg-talks-2025","frameworkId":"afg-border-framework","party":"PAK","response":"ACCEPTED","occurredAt":"2025-10-29","source":"What-if analyst"}
            {"command":"RespondToFramework","negotiationId":"pak-afg-talks-2025","frameworkId":"pak-counterterrorism-framework","party":"AFG","response":"REJECTED","occurredAt":"2025-10-29","source":"What-if analyst"}
            {"command":"ConcludeRound","negotiationId":"pak-afg-talks-2025","outcome":"Both frameworks accepted","occurredAt":"2025-10-30","source":"What-if analyst"}
            """;

    static final String CONCLUDE = """
            {"command":"ConcludeRound","negotiationId":"pak-afg-talks-2025","outcome":"Concluded","occurredAt":"2025-10-30","source":"What-if analyst"}
            """;

    @TempDir
    Path directory;

    private static JsonNode listBranches(String store) {
        return json(parleyExpecting(0, "forks", "--store", store, "--json").out());
    }

    private static JsonNode branch(JsonNode branches, String name) {
        for (JsonNode branch : branches) {
            if (branch.get("name").textValue().equals(name)) {
                return branch;
            }
        }
        throw new AssertionError("no branch " + name + " in " + branches);
    }

    @Test
    void aSavedBranchIsListedByAFreshInvocationAndContinuesDecidingAgainstItsSavedEvents() {
        String store = recordScenario(directory);
        Map<String, List<String>> record = RecordTables.dump(store, RecordTables.TOKEN_CLAIM_COLUMNS);
        String audit = auditJson(store);
        String status = statusJson(store);
        Path saved = write(directory, "saved.ndjson", AFG_ACCEPTS_AND_COUNTERS);
        Path continuation = write(directory, "continuation.ndjson", PAK_ACCEPTS_THE_COUNTER);

        Instant beforeSaving = Instant.now().minusSeconds(1);
        ForkCli.Result save = parleyExpecting(0, "fork", "--store", store, "--at", "11", "--then", saved.toString(),
                                              "--save", "afg-counters");
        assertThat(save.err()).contains("saved as branch afg-counters.").contains("The record is unchanged.");

        // every invocation opens a new Parley on the store, as after a restart
        JsonNode branches = listBranches(store);
        assertThat(branches).hasSize(1);
        JsonNode listed = branch(branches, "afg-counters");
        assertThat(listed.get("forkPoint").longValue()).isEqualTo(FRAMEWORK_SUBMITTED);
        assertThat(listed.get("events").intValue()).isEqualTo(2);
        assertThat(Instant.parse(listed.get("savedAt").textValue())).isAfter(beforeSaving);
        assertThat(parleyExpecting(0, "forks", "--store", store).out())
                .startsWith("afg-counters: forked after position 11, 2 events of its own, saved ");

        ForkCli.Result continued = parleyExpecting(2, "fork", "--store", store, "--from", "afg-counters", "--then",
                                                   continuation.toString(), "--json");
        assertThat(continued.jsonRejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.get("line").intValue()).isEqualTo(2);
            assertThat(rejection.get("command").textValue()).isEqualTo("RespondToFramework");
            assertThat(rejection.get("code").textValue()).isEqualTo("ALREADY_RESPONDED");
        });
        JsonNode diff = continued.diff();
        assertThat(diff.get("forkPoint").longValue()).isEqualTo(FRAMEWORK_SUBMITTED);
        JsonNode talks = aggregate(diff, TALKS);
        assertThat(eventTypes(talks.get("forkEvents")))
                .containsExactly("FrameworkAccepted", "FrameworkSubmitted", "FrameworkAccepted", "RoundConcluded");
        assertThat(positions(talks.get("forkEvents"))).containsExactly(12L, 13L, 14L, 15L);
        assertThat(difference(talks, "status").get("fork").textValue()).isEqualTo("ROUND_CONCLUDED");
        assertThat(difference(talks, "frameworks[1]").get("fork").get("responses").get("PAK").textValue())
                .isEqualTo("ACCEPTED");

        // the same file straight on the record at 11, without the branch, is decided the other way round
        ForkCli.Result withoutTheBranch = parleyExpecting(2, "fork", "--store", store, "--at", "11", "--then",
                                                          continuation.toString(), "--json");
        assertThat(withoutTheBranch.jsonRejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.get("line").intValue()).isEqualTo(1);
            assertThat(rejection.get("code").textValue()).isEqualTo("UNKNOWN_FRAMEWORK");
        });

        // the continuation was saved back to the branch
        assertThat(branch(listBranches(store), "afg-counters").get("events").intValue()).isEqualTo(4);
        ForkCli.Result again = parleyExpecting(2, "fork", "--store", store, "--from", "afg-counters", "--then",
                                               write(directory, "conclude.ndjson", CONCLUDE).toString());
        assertThat(again.rejectionLines()).singleElement()
                                          .satisfies(line -> assertThat(line)
                                                  .startsWith("line 1: ConcludeRound: NO_OPEN_ROUND: "));

        assertThat(RecordTables.branchRows(store)).isNotEmpty();
        assertThat(RecordTables.dump(store, RecordTables.TOKEN_CLAIM_COLUMNS)).isEqualTo(record);
        assertThat(auditJson(store)).isEqualTo(audit);
        assertThat(statusJson(store)).isEqualTo(status);
    }

    @Test
    void continuingABranchWithSaveUnderAnotherNameLeavesTheOriginalBranchAsItWas() {
        String store = recordScenario(directory);
        parleyExpecting(0, "fork", "--store", store, "--at", "11", "--then",
                        write(directory, "saved.ndjson", AFG_ACCEPTS_AND_COUNTERS).toString(), "--save", "original");

        parleyExpecting(2, "fork", "--store", store, "--from", "original", "--then",
                        write(directory, "continuation.ndjson", PAK_ACCEPTS_THE_COUNTER).toString(),
                        "--save", "copy");

        JsonNode branches = listBranches(store);
        assertThat(branches).extracting(branch -> branch.get("name").textValue()).containsExactly("copy",
                                                                                                 "original");
        assertThat(branch(branches, "original").get("events").intValue()).isEqualTo(2);
        assertThat(branch(branches, "copy").get("events").intValue()).isEqualTo(4);
        assertThat(branch(branches, "copy").get("forkPoint").longValue()).isEqualTo(FRAMEWORK_SUBMITTED);
    }

    @Test
    void savingUnderAnExistingNameIsRefusedAndOnlyReplaceReplacesThatBranch() {
        String store = recordScenario(directory);
        parleyExpecting(0, "fork", "--store", store, "--at", "11", "--then",
                        write(directory, "saved.ndjson", AFG_ACCEPTS_AND_COUNTERS).toString(), "--save", "what-if");
        List<List<Object>> savedRows = RecordTables.branchRows(store);

        ForkCli.Result refused = parleyExpecting(1, "fork", "--store", store, "--at", "6", "--then",
                                                 write(directory, "conclude.ndjson", CONCLUDE).toString(),
                                                 "--save", "what-if");

        assertThat(refused.err()).isEqualTo("parley: a branch named what-if is already saved; add --replace to "
                                                     + "replace it, or save under another name.\n");
        assertThat(refused.out()).as("nothing was run").isEmpty();
        assertThat(RecordTables.branchRows(store)).as("the saved branch, as it was").isEqualTo(savedRows);
        assertThat(listBranches(store)).singleElement().satisfies(branch -> {
            assertThat(branch.get("forkPoint").longValue()).isEqualTo(FRAMEWORK_SUBMITTED);
            assertThat(branch.get("events").intValue()).isEqualTo(2);
        });

        parleyExpecting(0, "fork", "--store", store, "--at", "6", "--then",
                        write(directory, "conclude.ndjson", CONCLUDE).toString(), "--save", "what-if", "--replace");

        JsonNode branches = listBranches(store);
        assertThat(branches).singleElement().satisfies(branch -> {
            assertThat(branch.get("forkPoint").longValue()).isEqualTo(6);
            assertThat(branch.get("events").intValue()).isEqualTo(1);
        });
        // round 1 is concluded in the branch now: a second conclusion is refused
        ForkCli.Result continued = parleyExpecting(2, "fork", "--store", store, "--from", "what-if", "--then",
                                                   write(directory, "again.ndjson", CONCLUDE).toString());
        assertThat(continued.rejectionLines()).singleElement()
                                              .satisfies(line -> assertThat(line)
                                                      .startsWith("line 1: ConcludeRound: NO_OPEN_ROUND: "));
        assertThat(RecordTables.branchRows(store)).as("one branch row and its one event").hasSize(2);
    }

    @Test
    void branchNamesFollowTheRulesForIdsAndABadOneSavesAndRunsNothing() {
        String store = recordScenario(directory);
        Path file = write(directory, "conclude.ndjson", CONCLUDE);
        for (String name : List.of("", "   ", "\u200b\u00a0\u2060", "bell\u0007name", "line\nbreak", "x".repeat(201),
                                   "lone\ud800surrogate")) {
            ForkCli.Result refused = parleyExpecting(1, "fork", "--store", store, "--at", "6", "--then",
                                                     file.toString(), "--save", name);

            assertThat(refused.err()).as("name %s", name).startsWith("parley: cannot save as branch '")
                                     .hasLineCount(1).doesNotContain("\u0007", "\n" + "break");
            assertThat(refused.out()).isEmpty();
            assertNoStackTrace(refused.err());
        }
        assertThat(listBranches(store)).isEmpty();

        String longest = "b".repeat(200);
        parleyExpecting(0, "fork", "--store", store, "--at", "6", "--then", file.toString(), "--save", longest);
        assertThat(listBranches(store)).singleElement()
                                       .satisfies(branch -> assertThat(branch.get("name").textValue())
                                               .isEqualTo(longest));
    }

    @Test
    void replaceWithoutSaveIsAMistakeOnTheCommandLine() {
        String store = recordScenario(directory);

        ForkCli.Result refused = parleyExpecting(1, "fork", "--store", store, "--at", "6", "--then",
                                                 write(directory, "conclude.ndjson", CONCLUDE).toString(),
                                                 "--replace");

        assertThat(refused.err()).startsWith("parley: --replace only goes with --save NAME");
    }

    @Test
    void theJavaApiRefusesToSaveOverAnotherBranchButContinuesItsOwn() {
        String store = recordScenario(directory);
        try (Parley parley = Parley.builder().store(store).readModels(false).build()) {
            try (Fork fork = parley.fork(FRAMEWORK_SUBMITTED)) {
                accept(fork.commands(), respond("AFG", "ACCEPTED", "2025-10-27"));
                fork.save("kept");
            }
            try (Fork other = parley.fork(6)) {
                accept(other.commands(), concludeRound("Concluded", "2025-10-30"));
                assertThatThrownBy(() -> other.save("kept"))
                        .isInstanceOf(BranchStore.BranchExistsException.class)
                        .hasMessage("a branch named kept already exists");
                assertThat(parley.forks().branches().load("kept").orElseThrow().forkPoint())
                        .isEqualTo(FRAMEWORK_SUBMITTED);
                assertThatThrownBy(() -> other.save(" \u200b "))
                        .isInstanceOfSatisfying(DomainRuleException.class,
                                                invalid -> assertThat(invalid.code())
                                                        .isEqualTo(ErrorCode.INVALID_COMMAND));

                other.saveReplacing("kept");
                assertThat(parley.forks().branches().load("kept").orElseThrow().forkPoint()).isEqualTo(6);
            }
            try (Fork continued = parley.forks().branch("kept")) {
                accept(continued.commands(), openRound(2, "Istanbul", "2025-10-31"));
                continued.save("kept");
                try (Fork child = continued.fork()) {
                    child.save("kept");
                }
            }
            assertThat(parley.forks().branches().load("kept").orElseThrow().events()).hasSize(2);
        }
    }

    @Test
    void aBranchKeepsItsForkPointWhenTheRecordGrowsAfterItWasSaved() {
        String store = recordScenario(directory);
        parleyExpecting(0, "fork", "--store", store, "--at", "11", "--then",
                        write(directory, "saved.ndjson", AFG_ACCEPTS_AND_COUNTERS).toString(), "--save", "early");
        parleyExpecting(0, "run", "--store", store, write(directory, "round3.ndjson", openRound(3, "Riyadh",
                                                                                                "2025-11-06") + "\n")
                .toString());

        ForkCli.Result continued = parleyExpecting(2, "fork", "--store", store, "--from", "early", "--then",
                                                   write(directory, "continuation.ndjson", PAK_ACCEPTS_THE_COUNTER)
                                                           .toString(), "--json");

        JsonNode talks = aggregate(continued.diff(), TALKS);
        assertThat(continued.diff().get("forkPoint").longValue()).isEqualTo(FRAMEWORK_SUBMITTED);
        assertThat(positions(talks.get("forkEvents"))).containsExactly(12L, 13L, 14L, 15L);
        assertThat(eventTypes(talks.get("baseEventsAfterForkPoint")))
                .containsExactly("TalksCollapsed", "MediationOffered", "RoundOpened");
        assertThat(json(statusJson(store)).get("negotiations").get(0).get("currentRound").intValue()).isEqualTo(3);
    }

    @Test
    void continuingAnUnknownBranchExitsOneWithAClearMessage() {
        String store = recordScenario(directory);

        ForkCli.Result fork = parleyExpecting(1, "fork", "--store", store, "--from", "never-saved", "--then",
                                              write(directory, "conclude.ndjson", CONCLUDE).toString());

        assertThat(fork.err()).contains("no branch named never-saved");
        assertNoStackTrace(fork.err());
        assertNoStackTrace(fork.console());
        assertThat(listBranches(store)).isEmpty();
        assertThat(parleyExpecting(0, "forks", "--store", store).out()).isEqualTo("No saved branches.\n");
    }

    @Test
    void savingABranchWritesTheBranchTablesAndNothingElse() {
        String store = recordScenario(directory);
        Map<String, List<String>> record = RecordTables.dump(store);
        Map<String, Long> counts = RecordTables.rowCounts(store);

        List<PositionedEvent> own;
        try (Parley parley = Parley.builder().store(store).readModels(false).build();
             Fork fork = parley.fork(FRAMEWORK_SUBMITTED)) {
            accept(fork.commands(), respond("AFG", "ACCEPTED", "2025-10-27"),
                   concludeRound("Framework accepted", "2025-10-28"));
            own = fork.ownEvents();
            fork.save("accepted");

            BranchStore.Branch loaded = parley.forks().branches().load("accepted").orElseThrow();
            assertThat(loaded.forkPoint()).isEqualTo(FRAMEWORK_SUBMITTED);
            assertThat(loaded.events()).extracting(PositionedEvent::position).containsExactly(12L, 13L);
            assertThat(loaded.events()).extracting(event -> event.message().getIdentifier())
                                       .containsExactlyElementsOf(own.stream()
                                                                     .map(event -> event.message().getIdentifier())
                                                                     .toList());
            assertThat(loaded.events().stream().<Object>map(event -> event.message().getPayload()).toList())
                    .isEqualTo(own.stream().<Object>map(event -> event.message().getPayload()).toList());
        }

        assertThat(RecordTables.dump(store)).isEqualTo(record);
        Map<String, Long> after = RecordTables.rowCounts(store);
        assertThat(after).containsEntry("branch", counts.get("branch") + 1)
                         .containsEntry("branch_event", counts.get("branch_event") + 2);
        after.forEach((table, rows) -> {
            if (!RecordTables.BRANCH_TABLES.contains(table)) {
                assertThat(rows).as("rows of %s", table).isEqualTo(counts.get(table));
            }
        });
    }

    @Test
    void aForkOfAForkIsSavedAsOneBranchOfTheRecordAndContinuesAfterARestart() {
        String store = recordScenario(directory);
        Map<String, List<String>> record = RecordTables.dump(store);

        try (Parley parley = Parley.builder().store(store).readModels(false).build();
             Fork parent = parley.fork(FRAMEWORK_SUBMITTED)) {
            accept(parent.commands(), respond("AFG", "ACCEPTED", "2025-10-27"));
            try (Fork child = parent.fork()) {
                accept(parent.commands(), concludeRound("Only in the parent", "2025-10-28"));
                accept(child.commands(), collapse("Collapsed in the child", "2025-10-29"));
                child.save("child");
            }
        }

        try (Parley restarted = Parley.builder().store(store).readModels(false).build()) {
            BranchStore.Branch saved = restarted.forks().branches().load("child").orElseThrow();
            assertThat(saved.forkPoint()).as("a branch of the record").isEqualTo(FRAMEWORK_SUBMITTED);
            assertThat(saved.events()).extracting(event -> event.message().getPayloadType().getSimpleName())
                                      .containsExactly("FrameworkAcceptedEvent", "TalksCollapsedEvent");
            assertThat(saved.events()).extracting(PositionedEvent::position).containsExactly(12L, 13L);

            try (Fork continued = restarted.forks().branch("child")) {
                assertThat(continued.forkPoint()).isEqualTo(FRAMEWORK_SUBMITTED);
                NegotiationView talks = negotiation(continued.queries(), TALKS);
                assertThat(talks.status()).isEqualTo(NegotiationStatus.COLLAPSED);
                assertThat(talks.frameworks().get(0).responses()).isEqualTo(Map.of("AFG",
                                                                                   FrameworkResponse.ACCEPTED));
                // round 2 is open at the fork point: only the saved collapse lets round 3 open
                accept(continued.commands(), openRound(3, "Riyadh", "2025-11-06"));
                assertThat(run(continued.commands(), submitFramework("afg-border-framework", "AFG", "2025-11-06"),
                               respond("AFG", "REJECTED", "2025-11-07")).rejections())
                        .as("AFG answered PAK's framework in the saved events")
                        .extracting(Rejection::code).containsExactly(ErrorCode.ALREADY_RESPONDED);
                assertThat(continued.ownEvents()).extracting(PositionedEvent::position)
                                                 .containsExactly(12L, 13L, 14L, 15L);
            }
            try (Fork atTheRecordsPoint = restarted.fork(FRAMEWORK_SUBMITTED)) {
                assertThat(run(atTheRecordsPoint.commands(), openRound(3, "Riyadh", "2025-11-06")).rejections())
                        .extracting(Rejection::code).containsExactly(ErrorCode.ROUND_ALREADY_OPEN);
            }
            assertThat(restarted.forks().head()).isEqualTo(HEAD);
        }
        assertThat(RecordTables.dump(store)).isEqualTo(record);
    }
}
