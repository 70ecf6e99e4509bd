package dev.parley.application.fork;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.application.testing.SteppingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.parley.application.fork.ForkCli.BORDER_POSTS;
import static dev.parley.application.fork.ForkCli.FRAMEWORK_SUBMITTED;
import static dev.parley.application.fork.ForkCli.HEAD;
import static dev.parley.application.fork.ForkCli.PROPAGATED_CEASEFIRE;
import static dev.parley.application.fork.ForkCli.TALKS;
import static dev.parley.application.fork.ForkCli.aggregate;
import static dev.parley.application.fork.ForkCli.assertNoStackTrace;
import static dev.parley.application.fork.ForkCli.auditJson;
import static dev.parley.application.fork.ForkCli.difference;
import static dev.parley.application.fork.ForkCli.eventTypes;
import static dev.parley.application.fork.ForkCli.json;
import static dev.parley.application.fork.ForkCli.lines;
import static dev.parley.application.fork.ForkCli.parley;
import static dev.parley.application.fork.ForkCli.parleyExpecting;
import static dev.parley.application.fork.ForkCli.positions;
import static dev.parley.application.fork.ForkCli.recordScenario;
import static dev.parley.application.fork.ForkCli.scenarioCommands;
import static dev.parley.application.fork.ForkCli.statusJson;
import static dev.parley.application.fork.ForkCli.storeUrl;
import static dev.parley.application.fork.ForkCli.write;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code parley fork --at <position|time> --then FILE}, on the shipped scenario, as a user runs it. */
class ForkCommandTest {

    /** The clock of recording times, for the tests that choose them. */
    private SteppingClock clock;

    @AfterEach
    void systemClockAgain() {
        if (clock != null) {
            clock.close();
        }
    }

    /** At position 11 round 2 is open and PAK's framework awaits AFG's answer. */
    static final String AFG_ACCEPTS_AND_ROUND_CONCLUDES = """
            {"command":"RespondToFramework","negotiationId":"pak-afg-talks-2025","frameworkId":"pak-counterterrorism-framework","party":"AFG","response":"ACCEPTED","occurredAt":"2025-10-27","source":"What-if analyst"}
            {"command":"ConcludeRound","negotiationId":"pak-afg-talks-2025","outcome":"The Taliban delegation accepts the counterterrorism framework","occurredAt":"2025-10-28","source":"What-if analyst"}
            """;

    /** At position 6 round 1 is open, no ceasefire yet; a second incident is reported, then both are covered. */
    static final String EARLIER_CEASEFIRE_COVERING_A_NEW_INCIDENT = """
            {"command":"ReportIncident","incidentId":"kurram-2025-10-15","location":"Kurram","attackers":["PAK"],"defenders":["AFG"],"description":"Air strikes in Kurram","occurredAt":"2025-10-15","source":"Tolo News"}
            {"command":"DeclareCeasefire","negotiationId":"pak-afg-talks-2025","effectiveFrom":"2025-10-19T12:00:00Z","terms":"What if the ceasefire had covered Kurram too","coversIncidents":["pak-afg-border-posts-2025-10-12","kurram-2025-10-15"],"occurredAt":"2025-10-19","source":"What-if analyst"}
            """;

    /**
     * Run in a fork at position 8 (round 1 open, both ceasefires in force). Physical line numbers: 1 comment,
     * 2 blank, 3 struck after the ceasefire (CEASEFIRE_IN_FORCE), 4 concludes round 1, 5 concludes it again
     * (NO_OPEN_ROUND, only because of line 4), 6 opens round 2, 7 misspells occurredAt (INVALID_COMMAND),
     * 8 submits a framework in the round opened on line 6.
     */
    static final String MIXED_WITH_REJECTIONS = """
            # what if the talks had gone on after the ceasefire of 19 October
                        
            {"command":"RecordStrike","incidentId":"pak-afg-border-posts-2025-10-12","by":"PAK","targets":["Khost"],"description":"A strike after the ceasefire","occurredAt":"2025-10-20","source":"ISPR"}
            {"command":"ConcludeRound","negotiationId":"pak-afg-talks-2025","outcome":"Ceasefire agreed","occurredAt":"2025-10-19","source":"Radio Pakistan"}
            {"command":"ConcludeRound","negotiationId":"pak-afg-talks-2025","outcome":"Concluded twice","occurredAt":"2025-10-19","source":"Radio Pakistan"}
            {"command":"OpenRound","negotiationId":"pak-afg-talks-2025","round":2,"mediators":["TUR"],"venue":"Istanbul","occurredAt":"2025-10-25","source":"Geo News"}
            {"command":"SubmitFramework","negotiationId":"pak-afg-talks-2025","frameworkId":"typo","submittedBy":"PAK","title":"Typo","provisions":[],"occuredAt":"2025-10-25","source":"Geo News"}
            {"command":"SubmitFramework","negotiationId":"pak-afg-talks-2025","frameworkId":"border-framework","submittedBy":"AFG","title":"Border management","provisions":["joint patrols"],"occurredAt":"2025-10-26","source":"Tolo News"}
            """;

    @TempDir
    Path directory;

    @Test
    void aForkBeforeTheCollapseWhereAfghanistanAcceptsTheFrameworkConcludesTheRoundAndLeavesTheRecordAsItWas() {
        String store = recordScenario(directory);
        String auditBefore = auditJson(store);
        String statusBefore = statusJson(store);
        Path file = write(directory, "accept.ndjson", AFG_ACCEPTS_AND_ROUND_CONCLUDES);

        ForkCli.Result fork = parleyExpecting(0, "fork", "--store", store, "--at", "11", "--then", file.toString(),
                                              "--json");

        assertThat(fork.outLines()).as("no rejection, only the diff, on stdout").hasSize(1);
        JsonNode diff = fork.diff();
        assertThat(diff.get("forkPoint").longValue()).isEqualTo(FRAMEWORK_SUBMITTED);
        assertThat(diff.get("against").textValue()).isEqualTo("HEAD");
        assertThat(diff.get("aggregates")).as("only the talks were touched").hasSize(1);
        JsonNode talks = aggregate(diff, TALKS);
        assertThat(talks.get("aggregateType").textValue()).isEqualTo("Negotiation");
        JsonNode status = difference(talks, "status");
        assertThat(status).as("status difference in %s", talks).isNotNull();
        assertThat(status.get("base").textValue()).isEqualTo("COLLAPSED");
        assertThat(status.get("fork").textValue()).isEqualTo("ROUND_CONCLUDED");
        JsonNode closedAs = difference(talks, "rounds[1].closedAs");
        assertThat(closedAs).as("closedAs difference in %s", talks).isNotNull();
        assertThat(closedAs.get("base").textValue()).isEqualTo("COLLAPSED");
        assertThat(closedAs.get("fork").textValue()).isEqualTo("CONCLUDED");
        JsonNode response = difference(talks, "frameworks[0].responses.AFG");
        assertThat(response).as("AFG's response in %s", talks).isNotNull();
        assertThat(response.get("base").isNull()).isTrue();
        assertThat(response.get("fork").textValue()).isEqualTo("ACCEPTED");
        assertThat(difference(talks, "parties")).as("unchanged fields are not listed").isNull();
        assertThat(difference(talks, "ceasefireInForce")).isNull();

        assertThat(eventTypes(talks.get("forkEvents"))).containsExactly("FrameworkAccepted", "RoundConcluded");
        assertThat(positions(talks.get("forkEvents"))).containsExactly(12L, 13L);
        assertThat(talks.get("forkEvents").get(0).get("occurredAt").textValue()).isEqualTo("2025-10-27T00:00:00Z");
        assertThat(eventTypes(talks.get("baseEventsAfterForkPoint"))).containsExactly("TalksCollapsed",
                                                                                      "MediationOffered");
        assertThat(positions(talks.get("baseEventsAfterForkPoint"))).containsExactly(12L, 13L);
        assertThat(fork.err()).contains("2 of 2 commands accepted").contains("The record is unchanged.");

        assertThat(auditJson(store)).as("the record's audit trail").isEqualTo(auditBefore);
        assertThat(statusJson(store)).as("the record's status").isEqualTo(statusBefore);
    }

    @Test
    void theTextDiffNamesTheChangedStatusTheForkOnlyEventsAndTheRecordsLaterEvents() {
        String store = recordScenario(directory);
        Path file = write(directory, "accept.ndjson", AFG_ACCEPTS_AND_ROUND_CONCLUDES);

        ForkCli.Result fork = parleyExpecting(0, "fork", "--store", store, "--at", "11", "--then", file.toString());

        assertThat(fork.out()).startsWith("What-if fork after position 11 of the record, compared with the record "
                                                  + "as it is now:")
                              .contains("Negotiation " + TALKS)
                              .contains("  status: \"COLLAPSED\" in the record, \"ROUND_CONCLUDED\" in the fork")
                              .contains("  only in the fork:\n    #12 ")
                              .contains("AFG accepted framework pak-counterterrorism-framework")
                              .contains("  in the record after the fork point:\n    #12 ");
        assertThat(fork.out().indexOf("only in the fork")).isLessThan(fork.out().indexOf("in the record after"));
    }

    @Test
    void comparedWithTheForkPointTheDiffShowsTheStatusTheRecordHadThere() {
        String store = recordScenario(directory);
        Path file = write(directory, "accept.ndjson", AFG_ACCEPTS_AND_ROUND_CONCLUDES);

        JsonNode diff = parleyExpecting(0, "fork", "--store", store, "--at", "11", "--then", file.toString(),
                                        "--json", "--against", "fork-point").diff();

        assertThat(diff.get("against").textValue()).isEqualTo("FORK_POINT");
        JsonNode talks = aggregate(diff, TALKS);
        JsonNode status = difference(talks, "status");
        assertThat(status.get("base").textValue()).isEqualTo("ROUND_OPEN");
        assertThat(status.get("fork").textValue()).isEqualTo("ROUND_CONCLUDED");
        assertThat(difference(talks, "mediationOffers[0]")).as("Iran's offer came after the fork point").isNull();
        assertThat(eventTypes(talks.get("baseEventsAfterForkPoint"))).containsExactly("TalksCollapsed",
                                                                                      "MediationOffered");
    }

    @Test
    void aCeasefireDeclaredInAForkPutsTheExistingAndANewIncidentUnderCeasefireInsideTheForkOnly() {
        String store = recordScenario(directory);
        String auditBefore = auditJson(store);
        String statusBefore = statusJson(store);
        Path file = write(directory, "ceasefire.ndjson", EARLIER_CEASEFIRE_COVERING_A_NEW_INCIDENT);

        ForkCli.Result fork = parleyExpecting(0, "fork", "--store", store, "--at", "6", "--then", file.toString(),
                                              "--json", "--against", "fork-point");

        JsonNode diff = fork.diff();
        assertThat(diff.get("forkPoint").longValue()).isEqualTo(6);
        JsonNode existing = aggregate(diff, BORDER_POSTS);
        assertThat(existing.get("aggregateType").textValue()).isEqualTo("BorderIncident");
        JsonNode existingStatus = difference(existing, "status");
        assertThat(existingStatus).as("status difference in %s", existing).isNotNull();
        assertThat(existingStatus.get("base").textValue()).isEqualTo("ACTIVE");
        assertThat(existingStatus.get("fork").textValue()).isEqualTo("CEASEFIRE");
        assertThat(difference(existing, "ceasefireEffectiveFrom").get("fork").textValue())
                .isEqualTo("2025-10-19T12:00:00Z");
        assertThat(eventTypes(existing.get("forkEvents"))).containsExactly("CeasefireDeclared");

        JsonNode created = aggregate(diff, "kurram-2025-10-15");
        JsonNode whole = difference(created, "");
        assertThat(whole).as("the new incident exists in the fork only: %s", created).isNotNull();
        assertThat(whole.get("base").isNull()).isTrue();
        assertThat(whole.get("fork").get("status").textValue()).isEqualTo("CEASEFIRE");
        assertThat(whole.get("fork").get("ceasefireEffectiveFrom").textValue()).isEqualTo("2025-10-19T12:00:00Z");
        assertThat(eventTypes(created.get("forkEvents"))).containsExactly("IncidentReported", "CeasefireDeclared");
        assertThat(created.get("baseEventsAfterForkPoint")).isEmpty();

        JsonNode talks = aggregate(diff, TALKS);
        assertThat(difference(talks, "ceasefireInForce").get("fork").booleanValue()).isTrue();
        assertThat(eventTypes(talks.get("forkEvents"))).containsExactly("CeasefireDeclared");

        assertThat(auditJson(store)).as("the record's audit trail").isEqualTo(auditBefore);
        assertThat(statusJson(store)).as("the record's status").isEqualTo(statusBefore).doesNotContain("kurram");
    }

    @Test
    void rejectionsInAForkAreReportedLikeParleyRunWithTheFilesPhysicalLineNumbersAndExitTwo() {
        String store = recordScenario(directory);
        String statusBefore = statusJson(store);
        Path file = write(directory, "mixed.ndjson", MIXED_WITH_REJECTIONS);

        ForkCli.Result fork = parleyExpecting(2, "fork", "--store", store, "--at",
                                              Long.toString(PROPAGATED_CEASEFIRE), "--then", file.toString());

        assertThat(fork.rejectionLines()).hasSize(3);
        assertThat(fork.rejectionLines().get(0)).startsWith("line 3: RecordStrike: CEASEFIRE_IN_FORCE: ");
        assertThat(fork.rejectionLines().get(1)).startsWith("line 5: ConcludeRound: NO_OPEN_ROUND: ");
        assertThat(fork.rejectionLines().get(2)).startsWith("line 7: SubmitFramework: INVALID_COMMAND: ");
        assertThat(fork.err()).contains("3 of 6 commands accepted, 3 rejected");
        assertThat(fork.out()).contains("What-if fork after position 8");

        // the same file run for real on a record that holds exactly what the fork saw: the same rejections
        Path recordDirectory = directory.resolve("record-at-8");
        String recordAt8 = storeUrl(recordDirectory);
        Path upToTheCeasefire = write(directory, "up-to-8.ndjson", lines(scenarioCommands(7)));
        parleyExpecting(0, "run", "--store", recordAt8, upToTheCeasefire.toString());
        assertThat(parleyExpecting(0, "audit", "--store", recordAt8, "--json").out())
                .as("the truncated record ends at position 8")
                .isNotEmpty();
        ForkCli.Result run = parleyExpecting(2, "run", "--store", recordAt8, file.toString());
        assertThat(fork.rejectionLines()).isEqualTo(run.rejectionLines());

        assertThat(statusJson(store)).as("the record's status").isEqualTo(statusBefore);
    }

    @Test
    void inAForkACeasefireCoveringAnUnknownIncidentIsRejectedAndAnIncidentAlreadyUnderCeasefireKeepsItsOwn() {
        String store = recordScenario(directory);
        Path file = write(directory, "process-rule.ndjson", """
                {"command":"DeclareCeasefire","negotiationId":"pak-afg-talks-2025","effectiveFrom":"2025-10-19","terms":"Covers an incident nobody reported","coversIncidents":["pak-afg-border-posts-2025-10-12","never-reported"],"occurredAt":"2025-10-19","source":"What-if analyst"}
                {"command":"DeclareCeasefire","incidentId":"pak-afg-border-posts-2025-10-12","effectiveFrom":"2025-10-18","occurredAt":"2025-10-18","source":"ISPR"}
                {"command":"DeclareCeasefire","negotiationId":"pak-afg-talks-2025","effectiveFrom":"2025-10-19","terms":"Ceasefire during the talks","coversIncidents":["pak-afg-border-posts-2025-10-12"],"occurredAt":"2025-10-19","source":"What-if analyst"}
                """);

        ForkCli.Result fork = parleyExpecting(2, "fork", "--store", store, "--at", "6", "--then", file.toString(),
                                              "--json", "--against", "fork-point");

        assertThat(fork.jsonRejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.get("line").intValue()).isEqualTo(1);
            assertThat(rejection.get("code").textValue()).isEqualTo("UNKNOWN_INCIDENT");
        });
        JsonNode diff = fork.diff();
        assertThat(diff.get("aggregates")).hasSize(2);
        JsonNode incident = aggregate(diff, BORDER_POSTS);
        assertThat(eventTypes(incident.get("forkEvents"))).as("its own ceasefire, none propagated")
                                                          .containsExactly("CeasefireDeclared");
        assertThat(difference(incident, "ceasefireEffectiveFrom").get("fork").textValue())
                .isEqualTo("2025-10-18T00:00:00Z");
        assertThat(difference(incident, "status").get("fork").textValue()).isEqualTo("CEASEFIRE");
        JsonNode talks = aggregate(diff, TALKS);
        assertThat(eventTypes(talks.get("forkEvents"))).as("the rejected line appended nothing")
                                                       .containsExactly("CeasefireDeclared");
        assertThat(positions(talks.get("forkEvents"))).containsExactly(8L);

        // the same file on a record holding exactly positions 1 to 6 is decided the same way
        String recordAt6 = storeUrl(directory.resolve("record-at-6"));
        parleyExpecting(0, "run", "--store", recordAt6,
                        write(directory, "up-to-6.ndjson", lines(scenarioCommands(6))).toString());
        ForkCli.Result run = parleyExpecting(2, "run", "--store", recordAt6, "--json", file.toString());
        assertThat(run.outLines()).containsExactlyElementsOf(fork.outLines().subList(0, 1));
        JsonNode recorded = json(statusJson(recordAt6)).get("incidents").get(0);
        assertThat(recorded.get("ceasefireEffectiveFrom").textValue()).isEqualTo("2025-10-18T00:00:00Z");
    }

    @Test
    void withJsonTheRejectionsOfAForkAreJsonObjectsOnStdoutBeforeTheDiff() {
        String store = recordScenario(directory);
        Path file = write(directory, "mixed.ndjson", MIXED_WITH_REJECTIONS);

        ForkCli.Result fork = parleyExpecting(2, "fork", "--store", store, "--at", "8", "--then", file.toString(),
                                              "--json");

        List<JsonNode> rejections = fork.jsonRejections();
        assertThat(rejections).hasSize(3);
        assertThat(rejections).extracting(rejection -> rejection.get("line").intValue()).containsExactly(3, 5, 7);
        assertThat(rejections).extracting(rejection -> rejection.get("code").textValue())
                              .containsExactly("CEASEFIRE_IN_FORCE", "NO_OPEN_ROUND", "INVALID_COMMAND");
        assertThat(rejections).extracting(rejection -> rejection.get("command").textValue())
                              .containsExactly("RecordStrike", "ConcludeRound", "SubmitFramework");
        assertThat(rejections).allSatisfy(rejection -> {
            assertThat(rejection.get("message").textValue()).isNotBlank();
            List<String> keys = new ArrayList<>();
            rejection.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactly("line", "command", "code", "message");
        });
        assertThat(fork.rejectionLines()).as("no text rejections on stderr with --json").isEmpty();

        JsonNode talks = aggregate(fork.diff(), TALKS);
        assertThat(eventTypes(talks.get("forkEvents"))).containsExactly("RoundConcluded", "RoundOpened",
                                                                        "FrameworkSubmitted");
        assertThat(positions(talks.get("forkEvents"))).containsExactly(9L, 10L, 11L);
        assertThat(fork.diff().get("aggregates")).as("the rejected strike touched no incident").hasSize(1);
    }

    /** Records the shipped scenario in two runs more than a second apart: positions 1 to 8, then 9 to 13. */
    private JsonNode recordScenarioInTwoRuns(String store) {
        clock = SteppingClock.recording();
        List<String> commands = scenarioCommands(12);
        parleyExpecting(0, "run", "--store", store,
                        write(directory, "first.ndjson", lines(commands.subList(0, 7))).toString());
        clock.advance(Duration.ofSeconds(5));
        parleyExpecting(0, "run", "--store", store,
                        write(directory, "rest.ndjson", lines(commands.subList(7, 12))).toString());
        JsonNode audit = json(auditJson(store));
        assertThat(audit).hasSize((int) HEAD);
        return audit;
    }

    @Test
    void forkingAtAnIsoTimeForksAtTheLastPositionRecordedByThen() throws Exception {
        String store = storeUrl(directory);
        JsonNode audit = recordScenarioInTwoRuns(store);
        Instant eighth = Instant.parse(audit.get(7).get("recordedAt").textValue());
        Instant ninth = Instant.parse(audit.get(8).get("recordedAt").textValue());
        assertThat(Duration.between(eighth, ninth)).isGreaterThan(Duration.ofSeconds(1));
        Instant between = eighth.plus(Duration.between(eighth, ninth).dividedBy(2));
        String betweenWithOffset = OffsetDateTime.ofInstant(between, ZoneOffset.ofHours(5)).toString();
        Path conclude = write(directory, "conclude.ndjson", """
                {"command":"ConcludeRound","negotiationId":"pak-afg-talks-2025","outcome":"Concluded in the fork","occurredAt":"2025-10-19","source":"What-if analyst"}
                """);

        JsonNode diff = parleyExpecting(0, "fork", "--store", store, "--at", betweenWithOffset, "--then",
                                        conclude.toString(), "--json").diff();
        assertThat(diff.get("forkPoint").longValue()).isEqualTo(PROPAGATED_CEASEFIRE);
        JsonNode talks = aggregate(diff, TALKS);
        assertThat(positions(talks.get("forkEvents"))).containsExactly(9L);
        assertThat(eventTypes(talks.get("baseEventsAfterForkPoint")))
                .containsExactly("RoundConcluded", "RoundOpened", "FrameworkSubmitted", "TalksCollapsed",
                                 "MediationOffered");

        JsonNode atTheEighth = parleyExpecting(0, "fork", "--store", store, "--at", eighth.toString(), "--then",
                                               conclude.toString(), "--json").diff();
        assertThat(atTheEighth.get("forkPoint").longValue()).as("recorded exactly then counts")
                                                            .isEqualTo(PROPAGATED_CEASEFIRE);

        Path mediation = write(directory, "mediation.ndjson", """
                {"command":"OfferMediation","negotiationId":"pak-afg-talks-2025","mediator":"SAU","occurredAt":"2025-10-30","source":"What-if analyst"}
                """);
        JsonNode atAFutureDate = parleyExpecting(0, "fork", "--store", store, "--at", "2999-01-01", "--then",
                                                 mediation.toString(), "--json").diff();
        assertThat(atAFutureDate.get("forkPoint").longValue()).isEqualTo(HEAD);
    }

    @Test
    void aTimeWithSubMillisecondDigitsIncludesARecordingOfThatMillisecondAndExcludesALaterOne() throws Exception {
        String store = storeUrl(directory);
        JsonNode audit = recordScenarioInTwoRuns(store);
        Instant eighth = Instant.parse(audit.get(7).get("recordedAt").textValue());
        assertThat(eighth.getNano() % 1_000_000).as("the record keeps milliseconds").isZero();
        Path conclude = write(directory, "conclude.ndjson", """
                {"command":"ConcludeRound","negotiationId":"pak-afg-talks-2025","outcome":"Concluded in the fork","occurredAt":"2025-10-19","source":"What-if analyst"}
                """);

        String halfAMillisecondLater = eighth.plusNanos(500_000).toString();
        JsonNode diff = parleyExpecting(0, "fork", "--store", store, "--at", halfAMillisecondLater, "--then",
                                        conclude.toString(), "--json").diff();

        assertThat(diff.get("forkPoint").longValue()).as("--at %s, position 8 recorded at %s", halfAMillisecondLater,
                                                         eighth)
                                                     .isEqualTo(PROPAGATED_CEASEFIRE);

        String halfAMillisecondEarlier = eighth.minusNanos(500_000).toString();
        ForkCli.Result earlier = parley("fork", "--store", store, "--at", halfAMillisecondEarlier, "--then",
                                        conclude.toString(), "--json");
        assertThat(earlier.exitCode()).as("stderr: %s", earlier.err()).isIn(0, 2);
        assertThat(earlier.diff().get("forkPoint").longValue()).as("--at %s", halfAMillisecondEarlier)
                                                               .isLessThan(PROPAGATED_CEASEFIRE);
    }

    @Test
    void aPositionBeyondTheHeadOfTheRecordExitsOneWithAClearMessageAndNoStackTrace() {
        String store = recordScenario(directory);
        String statusBefore = statusJson(store);
        Path file = write(directory, "accept.ndjson", AFG_ACCEPTS_AND_ROUND_CONCLUDES);

        ForkCli.Result fork = parleyExpecting(1, "fork", "--store", store, "--at", "14", "--then", file.toString());

        assertThat(fork.err()).contains("cannot fork at position 14").contains("1 to 13");
        assertThat(fork.out()).isEmpty();
        assertNoStackTrace(fork.err());
        assertNoStackTrace(fork.console());
        assertThat(statusJson(store)).isEqualTo(statusBefore);
    }

    @Test
    void anAtThatIsNeitherAPositionNorAnIsoTimeExitsOneWithAClearMessageAndNoStackTrace() {
        String store = recordScenario(directory);
        Path file = write(directory, "accept.ndjson", AFG_ACCEPTS_AND_ROUND_CONCLUDES);

        for (String garbage : List.of("yesterday", "2025-13-45", "11th", "2025-10-19T10:00")) {
            ForkCli.Result fork = parleyExpecting(1, "fork", "--store", store, "--at", garbage, "--then",
                                                  file.toString());
            assertThat(fork.err()).as("--at %s", garbage)
                                  .contains("--at '" + garbage + "' is neither a position nor an ISO-8601 date");
            assertThat(fork.out()).isEmpty();
            assertNoStackTrace(fork.err());
            assertNoStackTrace(fork.console());
        }
    }

    @Test
    void aPositionTooLargeForANumberExitsOneNamingTheValueWithoutAStackTrace() {
        String store = recordScenario(directory);
        Path file = write(directory, "accept.ndjson", AFG_ACCEPTS_AND_ROUND_CONCLUDES);

        ForkCli.Result fork = parley("fork", "--store", store, "--at", "99999999999999999999", "--then",
                                     file.toString());

        assertThat(fork.exitCode()).as("stderr: %s", fork.err()).isEqualTo(1);
        assertThat(fork.err()).contains("99999999999999999999");
        assertNoStackTrace(fork.err());
        assertNoStackTrace(fork.console());
    }

    @Test
    void aPositionTooLargeForANumberIsReportedAsBeyondTheHeadOfTheRecord() {
        String store = recordScenario(directory);
        Path file = write(directory, "accept.ndjson", AFG_ACCEPTS_AND_ROUND_CONCLUDES);

        ForkCli.Result fork = parleyExpecting(1, "fork", "--store", store, "--at", "99999999999999999999", "--then",
                                              file.toString());

        assertThat(fork.err()).contains("cannot fork at position 99999999999999999999")
                              .doesNotContain("For input string");
    }

    @Test
    void atAndFromTogetherOrNeitherIsAUsageErrorWithExitOne() {
        String store = recordScenario(directory);
        Path file = write(directory, "accept.ndjson", AFG_ACCEPTS_AND_ROUND_CONCLUDES);

        ForkCli.Result both = parleyExpecting(1, "fork", "--store", store, "--at", "11", "--from", "x", "--then",
                                              file.toString());
        ForkCli.Result neither = parleyExpecting(1, "fork", "--store", store, "--then", file.toString());
        ForkCli.Result badAgainst = parleyExpecting(1, "fork", "--store", store, "--at", "11", "--then",
                                                    file.toString(), "--against", "yesterday");

        assertThat(both.err()).contains("mutually exclusive");
        assertThat(neither.err()).contains("--at").contains("--from");
        assertThat(badAgainst.err()).contains("--against must be head or fork-point");
        for (ForkCli.Result result : List.of(both, neither, badAgainst)) {
            assertNoStackTrace(result.err());
        }
    }

    @Test
    void aMissingCommandFileExitsOneAndTheRecordStaysAsItWas() {
        String store = recordScenario(directory);
        String auditBefore = auditJson(store);

        ForkCli.Result fork = parleyExpecting(1, "fork", "--store", store, "--at", "11", "--then",
                                              directory.resolve("missing.ndjson").toString());

        assertThat(fork.err()).contains("cannot read command file").contains("no such file");
        assertNoStackTrace(fork.err());
        assertThat(auditJson(store)).isEqualTo(auditBefore);
    }
}
