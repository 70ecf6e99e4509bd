package dev.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.parley.cli.Cli.assertNoStackTrace;
import static dev.parley.cli.Cli.eventTypes;
import static dev.parley.cli.Cli.events;
import static dev.parley.cli.Cli.parley;
import static dev.parley.cli.Cli.status;
import static dev.parley.cli.Cli.storeUrl;
import static dev.parley.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One command file that breaks every rule of DOMAIN.md once, between accepted lines, comments and blank lines, run
 * through {@code parley run} as a user would.
 */
class RunCommandRulesTest {

    /** Line numbers below are physical lines of this text: comments and blank lines count. */
    static final String EVERY_RULE_BROKEN = """
            # Every rule of DOMAIN.md broken once, between accepted lines. Parties PAK and AFG; QAT, TUR mediate; IRN offers.
            {"command":"ReportIncident","incidentId":"inc-1","location":"Border posts","attackers":["AFG","TTP"],"defenders":["PAK"],"description":"attack on posts","occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"ReportIncident","incidentId":"inc-1","location":"Border posts","attackers":["AFG"],"defenders":["PAK"],"description":"again","occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"ReportIncident","incidentId":"inc-x","location":"Chaman","attackers":["AFG","PAK"],"defenders":["PAK"],"description":"overlap","occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"ReportIncident","incidentId":"inc-y","location":"Chaman","attackers":[],"defenders":["PAK"],"description":"no attackers","occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"ReportIncident","incidentId":"inc-2","location":"Kurram","attackers":["PAK"],"defenders":["AFG"],"description":"air strikes","occurredAt":"2025-10-14","source":"Tolo News"}

            # RecordCasualties
            {"command":"RecordCasualties","incidentId":"inc-404","side":"PAK","killed":-1,"occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"RecordCasualties","incidentId":"inc-1","side":"IRN","killed":-1,"occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":-1,"occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":2,"wounded":-3,"occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":23,"occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"RecordCasualties","incidentId":"inc-1","side":"AFG","killed":200,"wounded":5,"occurredAt":"2025-10-12","source":"ISPR"}
            # RecordStrike, ReportViolation and the incident's own DeclareCeasefire
            {"command":"RecordStrike","incidentId":"inc-404","by":"PAK","targets":["Kabul"],"description":"strike","occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"RecordStrike","incidentId":"inc-1","by":"IRN","targets":["Kabul"],"description":"strike","occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"RecordStrike","incidentId":"inc-1","by":"PAK","targets":["Kabul","Kandahar"],"description":"precision strikes","occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"ReportViolation","incidentId":"inc-404","by":"AFG","description":"shelling","occurredAt":"2025-10-16","source":"ISPR"}
            {"command":"ReportViolation","incidentId":"inc-1","by":"IRN","description":"shelling","occurredAt":"2025-10-16","source":"ISPR"}
            {"command":"DeclareCeasefire","incidentId":"inc-404","effectiveFrom":"2025-10-15","occurredAt":"2025-10-15","source":"ISPR"}
            {"command":"DeclareCeasefire","incidentId":"inc-1","effectiveFrom":"2025-10-11","occurredAt":"2025-10-15","source":"ISPR"}
            {"command":"DeclareCeasefire","incidentId":"inc-1","effectiveFrom":"2025-10-15T00:00:00+00:00","occurredAt":"2025-10-15","source":"ISPR"}
            {"command":"DeclareCeasefire","incidentId":"inc-1","effectiveFrom":"2025-10-16","occurredAt":"2025-10-16","source":"ISPR"}
            {"command":"RecordStrike","incidentId":"inc-1","by":"IRN","targets":["Spin Boldak"],"description":"strike","occurredAt":"2025-10-15","source":"ISPR"}
            {"command":"RecordStrike","incidentId":"inc-1","by":"AFG","targets":["Chaman"],"description":"strike at the ceasefire","occurredAt":"2025-10-15","source":"ISPR"}
            {"command":"RecordStrike","incidentId":"inc-1","by":"AFG","targets":["Chaman"],"description":"strike before the ceasefire","occurredAt":"2025-10-14T23:59:59Z","source":"ISPR"}
            {"command":"ReportViolation","incidentId":"inc-1","by":"IRN","description":"shelling","occurredAt":"2025-10-16","source":"ISPR"}
            {"command":"ReportViolation","incidentId":"inc-1","by":"TTP","description":"shelling","occurredAt":"2025-10-16","source":"ISPR"}

            # The negotiation before it exists
            {"command":"SubmitFramework","negotiationId":"talks","frameworkId":"fw-1","submittedBy":"PAK","title":"CT","provisions":[],"occurredAt":"2025-10-18","source":"Geo News"}
            {"command":"RespondToFramework","negotiationId":"talks","frameworkId":"fw-1","party":"AFG","response":"ACCEPTED","occurredAt":"2025-10-18","source":"Geo News"}
            {"command":"DeclareCeasefire","negotiationId":"talks","effectiveFrom":"2025-10-18","terms":"truce","coversIncidents":[],"occurredAt":"2025-10-18","source":"Geo News"}
            {"command":"ConcludeRound","negotiationId":"talks","outcome":"done","occurredAt":"2025-10-18","source":"Geo News"}
            {"command":"Collapse","negotiationId":"talks","reason":"none","occurredAt":"2025-10-18","source":"Geo News"}
            {"command":"OfferMediation","negotiationId":"talks","mediator":"IRN","occurredAt":"2025-10-18","source":"Geo News"}
            {"command":"OpenRound","negotiationId":"talks","round":2,"parties":["PAK","AFG"],"mediators":[],"venue":"Doha","occurredAt":"2025-10-18","source":"Geo News"}
            {"command":"OpenRound","negotiationId":"talks","round":1,"parties":["PAK"],"mediators":[],"venue":"Doha","occurredAt":"2025-10-18","source":"Geo News"}
            {"command":"OpenRound","negotiationId":"talks","round":1,"parties":["PAK","AFG"],"mediators":["QAT","AFG"],"venue":"Doha","occurredAt":"2025-10-18","source":"Geo News"}
            {"command":"OpenRound","negotiationId":"talks","round":1,"parties":["PAK","AFG"],"mediators":["QAT"],"venue":"Doha","occurredAt":"2025-10-18","source":"Radio Pakistan"}
            # Round 1 is open
            {"command":"OpenRound","negotiationId":"talks","round":3,"mediators":[],"venue":"Doha","occurredAt":"2025-10-19","source":"Geo News"}
            {"command":"OpenRound","negotiationId":"talks","round":2,"mediators":[],"venue":"Doha","occurredAt":"2025-10-19","source":"Geo News"}
            {"command":"SubmitFramework","negotiationId":"talks","frameworkId":"fw-1","submittedBy":"QAT","title":"CT","provisions":[],"occurredAt":"2025-10-18","source":"Geo News"}
            {"command":"SubmitFramework","negotiationId":"talks","frameworkId":"fw-1","submittedBy":"PAK","title":"Counterterrorism","provisions":["no safe havens"],"occurredAt":"2025-10-18","source":"Geo News"}
            {"command":"SubmitFramework","negotiationId":"talks","frameworkId":"fw-1","submittedBy":"AFG","title":"Counter-proposal","provisions":[],"occurredAt":"2025-10-18","source":"Geo News"}
            {"command":"RespondToFramework","negotiationId":"talks","frameworkId":"fw-404","party":"QAT","response":"ACCEPTED","occurredAt":"2025-10-18","source":"Geo News"}
            {"command":"RespondToFramework","negotiationId":"talks","frameworkId":"fw-1","party":"QAT","response":"ACCEPTED","occurredAt":"2025-10-18","source":"Geo News"}
            {"command":"RespondToFramework","negotiationId":"talks","frameworkId":"fw-1","party":"PAK","response":"ACCEPTED","occurredAt":"2025-10-18","source":"Geo News"}
            {"command":"RespondToFramework","negotiationId":"talks","frameworkId":"fw-1","party":"AFG","response":"REJECTED","occurredAt":"2025-10-18","source":"Geo News"}
            {"command":"RespondToFramework","negotiationId":"talks","frameworkId":"fw-1","party":"AFG","response":"ACCEPTED","occurredAt":"2025-10-18","source":"Geo News"}
            {"command":"DeclareCeasefire","negotiationId":"talks","effectiveFrom":"2025-10-19","terms":"truce","coversIncidents":["inc-2","inc-404"],"occurredAt":"2025-10-19","source":"Radio Pakistan"}
            {"command":"DeclareCeasefire","negotiationId":"talks","effectiveFrom":"2025-10-19","terms":"ceasefire during the talks","coversIncidents":["inc-1","inc-2"],"occurredAt":"2025-10-19","source":"Radio Pakistan"}
            {"command":"DeclareCeasefire","negotiationId":"talks","effectiveFrom":"2025-10-20","terms":"again","coversIncidents":[],"occurredAt":"2025-10-20","source":"Radio Pakistan"}
            {"command":"RecordStrike","incidentId":"inc-2","by":"PAK","targets":["Paktika"],"description":"strike under the ceasefire","occurredAt":"2025-10-20","source":"Tolo News"}
            {"command":"ReportViolation","incidentId":"inc-2","by":"PAK","description":"strike under the ceasefire","occurredAt":"2025-10-20","source":"Tolo News"}
            {"command":"ConcludeRound","negotiationId":"talks","outcome":"meet again in Istanbul","occurredAt":"2025-10-19","source":"Geo News"}
            # Round 1 is concluded
            {"command":"ConcludeRound","negotiationId":"talks","outcome":"twice","occurredAt":"2025-10-20","source":"Geo News"}
            {"command":"Collapse","negotiationId":"talks","reason":"no round","occurredAt":"2025-10-20","source":"Geo News"}
            {"command":"SubmitFramework","negotiationId":"talks","frameworkId":"fw-2","submittedBy":"PAK","title":"Later","provisions":[],"occurredAt":"2025-10-20","source":"Geo News"}
            {"command":"RespondToFramework","negotiationId":"talks","frameworkId":"fw-1","party":"AFG","response":"ACCEPTED","occurredAt":"2025-10-20","source":"Geo News"}
            {"command":"DeclareCeasefire","negotiationId":"talks","effectiveFrom":"2025-10-20","terms":"again","coversIncidents":[],"occurredAt":"2025-10-20","source":"Geo News"}
            {"command":"OfferMediation","negotiationId":"talks","mediator":"AFG","occurredAt":"2025-10-21","source":"Geo News"}
            {"command":"OfferMediation","negotiationId":"talks","mediator":"IRN","occurredAt":"2025-10-29","source":"Radio Pakistan"}
            {"command":"OpenRound","negotiationId":"talks","round":2,"mediators":["QAT"],"venue":"Istanbul","occurredAt":"2025-10-17","source":"Geo News"}
            {"command":"OpenRound","negotiationId":"talks","round":2,"parties":["PAK","IRN"],"mediators":["QAT"],"venue":"Istanbul","occurredAt":"2025-10-25","source":"Geo News"}
            {"command":"OpenRound","negotiationId":"talks","round":2,"mediators":["QAT","PAK"],"venue":"Istanbul","occurredAt":"2025-10-25","source":"Geo News"}
            {"command":"OpenRound","negotiationId":"talks","round":2,"parties":["PAK","AFG"],"mediators":["QAT","TUR"],"venue":"Istanbul","occurredAt":"2025-10-25","source":"Geo News"}
            {"command":"SubmitFramework","negotiationId":"talks","frameworkId":"fw-1","submittedBy":"AFG","title":"Reused id","provisions":[],"occurredAt":"2025-10-26","source":"Geo News"}
            {"command":"Collapse","negotiationId":"talks","reason":"illogical arguments","occurredAt":"2025-10-29","source":"Geo News"}
            {"command":"DeclareCeasefire","negotiationId":"talks","effectiveFrom":"2025-10-30","terms":"after collapse","coversIncidents":[],"occurredAt":"2025-10-30","source":"Geo News"}
            {"command":"OpenRound","negotiationId":"talks","round":3,"mediators":[],"venue":"Riyadh","occurredAt":"2025-11-06","source":"Geo News"}
            {"command":"DeclareCeasefire","negotiationId":"talks","effectiveFrom":"2025-11-06","terms":"the ceasefire stays in force","coversIncidents":[],"occurredAt":"2025-11-06","source":"Geo News"}

            # Lines that are not commands
            {"command":"OpenRound","negotiationId":"talks",
            {"command":"Negotiate","negotiationId":"talks","occurredAt":"2025-11-06","source":"Geo News"}
            {"command":"OfferMediation","negotiationId":"talks","mediator":"TUR","occuredAt":"2025-11-06","source":"Geo News"}
            {"command":"RecordStrike","incidentId":"talks","by":"PAK","targets":[],"description":"id of a negotiation","occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"OfferMediation","negotiationId":"inc-1","mediator":"IRN","occurredAt":"2025-10-29","source":"ISPR"}
            """;

    record Expected(int line, String command, String code) {

        String textPrefix() {
            return "line " + line + ": " + command + ": " + code + ": ";
        }
    }

    static final List<Expected> REJECTIONS = List.of(
            new Expected(3, "ReportIncident", "DUPLICATE_INCIDENT"),
            new Expected(4, "ReportIncident", "INVALID_COMMAND"),
            new Expected(5, "ReportIncident", "INVALID_COMMAND"),
            new Expected(9, "RecordCasualties", "UNKNOWN_INCIDENT"),
            new Expected(10, "RecordCasualties", "NOT_INVOLVED"),
            new Expected(11, "RecordCasualties", "INVALID_COUNT"),
            new Expected(12, "RecordCasualties", "INVALID_COUNT"),
            new Expected(16, "RecordStrike", "UNKNOWN_INCIDENT"),
            new Expected(17, "RecordStrike", "NOT_INVOLVED"),
            new Expected(19, "ReportViolation", "UNKNOWN_INCIDENT"),
            new Expected(20, "ReportViolation", "NO_CEASEFIRE_IN_FORCE"),
            new Expected(21, "DeclareCeasefire", "UNKNOWN_INCIDENT"),
            new Expected(22, "DeclareCeasefire", "TIME_BEFORE_PREVIOUS"),
            new Expected(24, "DeclareCeasefire", "CEASEFIRE_ALREADY_IN_FORCE"),
            new Expected(25, "RecordStrike", "NOT_INVOLVED"),
            new Expected(26, "RecordStrike", "CEASEFIRE_IN_FORCE"),
            new Expected(28, "ReportViolation", "NOT_INVOLVED"),
            new Expected(32, "SubmitFramework", "UNKNOWN_NEGOTIATION"),
            new Expected(33, "RespondToFramework", "UNKNOWN_NEGOTIATION"),
            new Expected(34, "DeclareCeasefire", "UNKNOWN_NEGOTIATION"),
            new Expected(35, "ConcludeRound", "UNKNOWN_NEGOTIATION"),
            new Expected(36, "Collapse", "UNKNOWN_NEGOTIATION"),
            new Expected(37, "OfferMediation", "UNKNOWN_NEGOTIATION"),
            new Expected(38, "OpenRound", "UNKNOWN_NEGOTIATION"),
            new Expected(39, "OpenRound", "INVALID_COMMAND"),
            new Expected(40, "OpenRound", "MEDIATOR_IS_PARTY"),
            new Expected(43, "OpenRound", "ROUND_OUT_OF_SEQUENCE"),
            new Expected(44, "OpenRound", "ROUND_ALREADY_OPEN"),
            new Expected(45, "SubmitFramework", "NOT_A_PARTY"),
            new Expected(47, "SubmitFramework", "DUPLICATE_FRAMEWORK"),
            new Expected(48, "RespondToFramework", "UNKNOWN_FRAMEWORK"),
            new Expected(49, "RespondToFramework", "NOT_A_PARTY"),
            new Expected(50, "RespondToFramework", "NOT_A_PARTY"),
            new Expected(52, "RespondToFramework", "ALREADY_RESPONDED"),
            new Expected(53, "DeclareCeasefire", "UNKNOWN_INCIDENT"),
            new Expected(55, "DeclareCeasefire", "CEASEFIRE_ALREADY_IN_FORCE"),
            new Expected(56, "RecordStrike", "CEASEFIRE_IN_FORCE"),
            new Expected(60, "ConcludeRound", "NO_OPEN_ROUND"),
            new Expected(61, "Collapse", "NO_OPEN_ROUND"),
            new Expected(62, "SubmitFramework", "NO_OPEN_ROUND"),
            new Expected(63, "RespondToFramework", "NO_OPEN_ROUND"),
            new Expected(64, "DeclareCeasefire", "NO_OPEN_ROUND"),
            new Expected(65, "OfferMediation", "MEDIATOR_IS_PARTY"),
            new Expected(67, "OpenRound", "TIME_BEFORE_PREVIOUS"),
            new Expected(68, "OpenRound", "INVALID_COMMAND"),
            new Expected(69, "OpenRound", "MEDIATOR_IS_PARTY"),
            new Expected(71, "SubmitFramework", "DUPLICATE_FRAMEWORK"),
            new Expected(73, "DeclareCeasefire", "NO_OPEN_ROUND"),
            new Expected(75, "DeclareCeasefire", "CEASEFIRE_ALREADY_IN_FORCE"),
            new Expected(78, "?", "INVALID_COMMAND"),
            new Expected(79, "Negotiate", "INVALID_COMMAND"),
            new Expected(80, "OfferMediation", "INVALID_COMMAND"),
            new Expected(81, "RecordStrike", "UNKNOWN_INCIDENT"),
            new Expected(82, "OfferMediation", "UNKNOWN_NEGOTIATION"));

    static final List<Integer> ACCEPTED_LINES = List.of(2, 6, 13, 14, 18, 23, 27, 29, 41, 46, 51, 54, 57, 58, 66, 70,
                                                        72, 74);

    static final List<String> INC_1_EVENTS = List.of("IncidentReported", "CasualtiesRecorded", "CasualtiesRecorded",
                                                     "StrikeRecorded", "CeasefireDeclared", "StrikeRecorded",
                                                     "CeasefireViolated");
    static final List<String> INC_2_EVENTS = List.of("IncidentReported", "CeasefireDeclared", "CeasefireViolated");
    static final List<String> TALKS_EVENTS = List.of("RoundOpened", "FrameworkSubmitted", "FrameworkRejected",
                                                     "CeasefireDeclared", "RoundConcluded", "MediationOffered",
                                                     "RoundOpened", "TalksCollapsed", "RoundOpened");
    static final List<String> NEVER_STORED = List.of("inc-x", "inc-y", "inc-404", "fw-1", "fw-404");

    @TempDir
    Path directory;

    private Path rulesFile() {
        return write(directory, "every-rule.ndjson", EVERY_RULE_BROKEN);
    }

    @Test
    void theFileCoversEveryErrorCodeOfTheContract() {
        assertThat(REJECTIONS.stream().map(Expected::code).distinct())
                .containsExactlyInAnyOrder("INVALID_COMMAND", "UNKNOWN_NEGOTIATION", "UNKNOWN_INCIDENT",
                                           "ROUND_OUT_OF_SEQUENCE", "ROUND_ALREADY_OPEN", "MEDIATOR_IS_PARTY",
                                           "TIME_BEFORE_PREVIOUS", "NO_OPEN_ROUND", "NOT_A_PARTY",
                                           "DUPLICATE_FRAMEWORK", "UNKNOWN_FRAMEWORK", "ALREADY_RESPONDED",
                                           "CEASEFIRE_ALREADY_IN_FORCE", "DUPLICATE_INCIDENT", "NOT_INVOLVED",
                                           "INVALID_COUNT", "CEASEFIRE_IN_FORCE", "NO_CEASEFIRE_IN_FORCE");
        List<String> lines = EVERY_RULE_BROKEN.lines().toList();
        assertThat(lines).hasSize(82);
        List<Integer> commandLines = new ArrayList<>();
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                commandLines.add(index + 1);
            }
        }
        List<Integer> expected = new ArrayList<>(ACCEPTED_LINES);
        REJECTIONS.forEach(rejection -> expected.add(rejection.line()));
        assertThat(commandLines).containsExactlyInAnyOrderElementsOf(expected);
        REJECTIONS.stream().filter(rejection -> !rejection.command().equals("?")).forEach(rejection ->
                assertThat(lines.get(rejection.line() - 1)).contains("\"command\":\"" + rejection.command() + "\""));
    }

    @Test
    void everyBrokenRuleIsReportedOnStderrWithItsPhysicalLineCommandAndCodeInOrder() {
        Path file = rulesFile();

        Cli.Result run = parley("run", "--store", storeUrl(directory), file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        List<String> reported = run.rejectionLines();
        assertThat(reported).hasSameSizeAs(REJECTIONS);
        for (int index = 0; index < REJECTIONS.size(); index++) {
            Expected expected = REJECTIONS.get(index);
            assertThat(reported.get(index)).as("rejection %d", index + 1).startsWith(expected.textPrefix());
            assertThat(reported.get(index).substring(expected.textPrefix().length())).as("message").isNotBlank();
        }
        assertThat(run.errLines()).hasSize(REJECTIONS.size() + 1);
        assertThat(run.errLines().get(run.errLines().size() - 1))
                .contains(ACCEPTED_LINES.size() + " of " + (ACCEPTED_LINES.size() + REJECTIONS.size()))
                .contains(REJECTIONS.size() + " rejected");
        assertThat(run.out()).isEmpty();
        assertNoStackTrace(run.err());
    }

    @Test
    void withJsonEveryRejectionIsOneJsonObjectOnStdoutWithExactlyTheContractKeys() {
        Path file = rulesFile();

        Cli.Result run = parley("run", "--store", storeUrl(directory), "--json", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        List<String> lines = run.outLines();
        assertThat(lines).hasSameSizeAs(REJECTIONS);
        for (int index = 0; index < REJECTIONS.size(); index++) {
            Expected expected = REJECTIONS.get(index);
            JsonNode object = Cli.json(lines.get(index));
            assertThat(object.isObject()).isTrue();
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactlyInAnyOrder("line", "command", "code", "message");
            assertThat(object.get("line").isInt()).isTrue();
            assertThat(object.get("line").intValue()).isEqualTo(expected.line());
            if (expected.command().equals("?")) {
                assertThat(object.get("command").isNull()).as("command of an unreadable line").isTrue();
            } else {
                assertThat(object.get("command").textValue()).isEqualTo(expected.command());
            }
            assertThat(object.get("code").textValue()).isEqualTo(expected.code());
            assertThat(object.get("message").textValue()).isNotBlank();
        }
        assertThat(run.rejectionLines()).as("no text rejections on stderr with --json").isEmpty();
        assertNoStackTrace(run.out() + run.err());
    }

    @Test
    void everyAcceptedLineIsStoredAndRejectedLinesLeaveNoTrace() {
        String store = storeUrl(directory);
        parley("run", "--store", store, rulesFile().toString());

        assertThat(eventTypes(store, "inc-1")).containsExactlyElementsOf(INC_1_EVENTS);
        assertThat(eventTypes(store, "inc-2")).containsExactlyElementsOf(INC_2_EVENTS);
        assertThat(eventTypes(store, "talks")).containsExactlyElementsOf(TALKS_EVENTS);
        NEVER_STORED.forEach(id -> assertThat(events(store, id)).as("events of %s", id).isEmpty());
        assertThat(INC_1_EVENTS.size() + INC_2_EVENTS.size() + TALKS_EVENTS.size())
                .as("one event per accepted line, plus the ceasefire propagated to inc-2")
                .isEqualTo(ACCEPTED_LINES.size() + 1);
    }

    @Test
    void theStatusShowsOnlyWhatTheAcceptedLinesDid() {
        String store = storeUrl(directory);
        parley("run", "--store", store, rulesFile().toString());

        JsonNode status = status(store);

        assertThat(fieldNames(status)).containsExactlyInAnyOrder("negotiations", "incidents");
        assertThat(status.get("negotiations")).hasSize(1);
        JsonNode talks = status.get("negotiations").get(0);
        assertThat(fieldNames(talks)).containsExactlyInAnyOrder(
                "id", "status", "parties", "currentRound", "rounds", "frameworks", "ceasefireInForce",
                "ceasefireEffectiveFrom", "mediationOffers");
        assertThat(talks.get("id").textValue()).isEqualTo("talks");
        assertThat(talks.get("status").textValue()).isEqualTo("ROUND_OPEN");
        assertThat(texts(talks.get("parties"))).containsExactly("PAK", "AFG");
        assertThat(talks.get("currentRound").intValue()).isEqualTo(3);
        assertThat(talks.get("ceasefireInForce").booleanValue()).isTrue();
        assertThat(talks.get("ceasefireEffectiveFrom").textValue()).isEqualTo("2025-10-19T00:00:00Z");
        assertThat(texts(talks.get("mediationOffers"))).containsExactly("IRN");

        JsonNode rounds = talks.get("rounds");
        assertThat(rounds).hasSize(3);
        assertThat(fieldNames(rounds.get(0))).containsExactlyInAnyOrder(
                "round", "venue", "mediators", "openedAt", "closedAs", "outcome");
        assertRound(rounds.get(0), 1, "Doha", List.of("QAT"), "2025-10-18T00:00:00Z", "CONCLUDED",
                    "meet again in Istanbul");
        assertRound(rounds.get(1), 2, "Istanbul", List.of("QAT", "TUR"), "2025-10-25T00:00:00Z", "COLLAPSED",
                    "illogical arguments");
        assertRound(rounds.get(2), 3, "Riyadh", List.of(), "2025-11-06T00:00:00Z", null, null);

        assertThat(talks.get("frameworks")).hasSize(1);
        JsonNode framework = talks.get("frameworks").get(0);
        assertThat(fieldNames(framework)).containsExactlyInAnyOrder("id", "submittedBy", "title", "responses");
        assertThat(framework.get("id").textValue()).isEqualTo("fw-1");
        assertThat(framework.get("submittedBy").textValue()).isEqualTo("PAK");
        assertThat(framework.get("title").textValue()).isEqualTo("Counterterrorism");
        assertThat(fieldNames(framework.get("responses"))).containsExactly("AFG");
        assertThat(framework.get("responses").get("AFG").textValue()).isEqualTo("REJECTED");

        JsonNode incidents = status.get("incidents");
        assertThat(incidents).hasSize(2);
        assertThat(incidents.findValuesAsText("id")).containsExactlyInAnyOrder("inc-1", "inc-2");
        JsonNode first = incident(incidents, "inc-1");
        assertThat(fieldNames(first)).containsExactlyInAnyOrder(
                "id", "status", "location", "attackers", "defenders", "casualties", "strikes",
                "ceasefireEffectiveFrom", "violations");
        assertThat(first.get("status").textValue()).isEqualTo("VIOLATED");
        assertThat(texts(first.get("attackers"))).containsExactly("AFG", "TTP");
        assertThat(texts(first.get("defenders"))).containsExactly("PAK");
        assertThat(first.get("casualties").get("PAK").get("killed").intValue()).isEqualTo(23);
        assertThat(first.get("casualties").get("PAK").get("wounded").intValue()).isEqualTo(0);
        assertThat(first.get("casualties").get("AFG").get("killed").intValue()).isEqualTo(200);
        assertThat(first.get("casualties").get("AFG").get("wounded").intValue()).isEqualTo(5);
        assertThat(fieldNames(first.get("casualties"))).containsExactlyInAnyOrder("PAK", "AFG");
        assertThat(first.get("strikes")).hasSize(2);
        assertThat(fieldNames(first.get("strikes").get(0))).containsExactlyInAnyOrder("by", "targets", "occurredAt");
        assertThat(first.get("strikes").findValuesAsText("by")).containsExactlyInAnyOrder("PAK", "AFG");
        assertThat(first.get("strikes").findValuesAsText("occurredAt"))
                .containsExactlyInAnyOrder("2025-10-12T00:00:00Z", "2025-10-14T23:59:59Z");
        assertThat(first.get("ceasefireEffectiveFrom").textValue())
                .as("inc-1 keeps its own ceasefire").isEqualTo("2025-10-15T00:00:00Z");
        assertThat(first.get("violations").intValue()).isEqualTo(1);

        JsonNode second = incident(incidents, "inc-2");
        assertThat(second.get("status").textValue()).isEqualTo("VIOLATED");
        assertThat(second.get("casualties").size()).isZero();
        assertThat(second.get("strikes")).isEmpty();
        assertThat(second.get("ceasefireEffectiveFrom").textValue()).isEqualTo("2025-10-19T00:00:00Z");
        assertThat(second.get("violations").intValue()).isEqualTo(1);
    }

    @Test
    void aDryRunReportsTheSameRejectionsAndWritesNothing() {
        String store = storeUrl(directory);

        Cli.Result dryRun = parley("run", "--store", store, "--dry-run", rulesFile().toString());

        assertThat(dryRun.exitCode()).isEqualTo(2);
        List<String> reported = dryRun.rejectionLines();
        assertThat(reported).hasSameSizeAs(REJECTIONS);
        for (int index = 0; index < REJECTIONS.size(); index++) {
            assertThat(reported.get(index)).startsWith(REJECTIONS.get(index).textPrefix());
        }
        assertThat(dryRun.err()).contains("nothing was written");

        JsonNode status = status(store);
        assertThat(status.get("negotiations")).isEmpty();
        assertThat(status.get("incidents")).isEmpty();
        for (String id : List.of("inc-1", "inc-2", "talks", "inc-x", "inc-404")) {
            assertThat(events(store, id)).as("events of %s after a dry run", id).isEmpty();
        }
    }

    @Test
    void aDryRunWithJsonReportsTheSameJsonRejections() {
        Cli.Result dryRun = parley("run", "--store", storeUrl(directory), "--dry-run", "--json",
                                   rulesFile().toString());

        assertThat(dryRun.exitCode()).isEqualTo(2);
        assertThat(dryRun.outLines().stream().map(Cli::json)
                         .map(object -> object.get("line").intValue() + " " + object.get("code").textValue()))
                .containsExactlyElementsOf(REJECTIONS.stream().map(r -> r.line() + " " + r.code()).toList());
    }

    @Test
    void aDryRunDecidesAgainstTheStoredHistoryWithoutAddingToIt() {
        String store = storeUrl(directory);
        Path history = write(directory, "history.ndjson", """
                {"command":"ReportIncident","incidentId":"inc-1","location":"Border posts","attackers":["AFG"],\
                "defenders":["PAK"],"description":"attack","occurredAt":"2025-10-12","source":"ISPR"}
                """);
        Path next = write(directory, "next.ndjson", """
                {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":23,"occurredAt":"2025-10-12",\
                "source":"ISPR"}
                {"command":"ReportIncident","incidentId":"inc-1","location":"Border posts","attackers":["AFG"],\
                "defenders":["PAK"],"description":"again","occurredAt":"2025-10-12","source":"ISPR"}
                """);
        assertThat(parley("run", "--store", store, history.toString()).exitCode()).isZero();

        Cli.Result dryRun = parley("run", "--store", store, "--dry-run", next.toString());

        assertThat(dryRun.exitCode()).isEqualTo(2);
        assertThat(dryRun.rejectionLines()).singleElement()
                                           .satisfies(line -> assertThat(line)
                                                   .startsWith("line 2: ReportIncident: DUPLICATE_INCIDENT: "));
        assertThat(eventTypes(store, "inc-1")).containsExactly("IncidentReported");
    }

    @Test
    void aFileOfOnlyValidLinesExitsZeroAndReportsNoRejection() {
        String store = storeUrl(directory);
        Path file = write(directory, "valid.ndjson", """
                # only valid lines

                {"command":"ReportIncident","incidentId":"inc-1","location":"Border posts","attackers":["AFG","TTP"],\
                "defenders":["PAK"],"description":"attack","occurredAt":"2025-10-12","source":"ISPR"}
                {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":23,"occurredAt":"2025-10-12",\
                "source":"ISPR"}
                {"command":"OpenRound","negotiationId":"talks","round":1,"parties":["PAK","AFG"],"mediators":["QAT"],\
                "venue":"Doha","occurredAt":"2025-10-18","source":"Radio Pakistan"}
                {"command":"DeclareCeasefire","negotiationId":"talks","effectiveFrom":"2025-10-19","terms":"truce",\
                "coversIncidents":["inc-1"],"occurredAt":"2025-10-19","source":"Radio Pakistan"}
                {"command":"ReportViolation","incidentId":"inc-1","by":"TTP","description":"shelling",\
                "occurredAt":"2025-10-21","source":"ISPR"}
                """);

        Cli.Result run = parley("run", "--store", store, file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.rejectionLines()).isEmpty();
        assertThat(run.errLines()).singleElement().asString().contains("5 of 5 commands accepted")
                                  .doesNotContain("rejected");
        assertThat(eventTypes(store, "inc-1")).containsExactly("IncidentReported", "CasualtiesRecorded",
                                                               "CeasefireDeclared", "CeasefireViolated");
        assertThat(eventTypes(store, "talks")).containsExactly("RoundOpened", "CeasefireDeclared");
    }

    @Test
    void theShippedScenarioRunsWithoutRejection() throws IOException {
        String scenario;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("scenarios/pak-afghan-2025.ndjson")) {
            assertThat(in).as("the scenario on the classpath").isNotNull();
            scenario = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path file = write(directory, "scenario.ndjson", scenario);

        Cli.Result run = parley("run", "--store", storeUrl(directory), "--json", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isBlank();
        assertThat(run.err()).contains("12 of 12 commands accepted");
    }

    @Test
    void aMissingFileExitsOneWithAOneLineMessageAndNoStackTrace() {
        Path missing = directory.resolve("no-such-file.ndjson");

        Cli.Result run = parley("run", "--store", storeUrl(directory), missing.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString()
                                  .startsWith("parley: ")
                                  .contains("no-such-file.ndjson");
        assertThat(run.out()).isEmpty();
        assertNoStackTrace(run.err());
        assertNoStackTrace(run.console());
        assertThat(directory.resolve("parley.mv.db")).as("no store is created for a missing file").doesNotExist();
    }

    @Test
    void aBadStoreUrlExitsOneWithAOneLineMessageAndNoStackTrace() {
        Path file = write(directory, "valid.ndjson", """
                {"command":"OfferMediation","negotiationId":"talks","mediator":"IRN","occurredAt":"2025-10-29",\
                "source":"Radio Pakistan"}
                """);

        Cli.Result run = parley("run", "--store", "jdbc:nonsense:x", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString()
                                  .startsWith("parley: ")
                                  .contains("jdbc:nonsense:x");
        assertThat(run.out()).isEmpty();
        assertNoStackTrace(run.err());
        assertNoStackTrace(run.console());
    }

    @Test
    void aStoreThatIsNotAJdbcUrlExitsOneWithAOneLineMessage() {
        Path file = write(directory, "valid.ndjson", "# nothing\n");

        Cli.Result run = parley("run", "--store", "parley-data", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().startsWith("parley: ").contains("parley-data");
        assertNoStackTrace(run.err());
    }

    @Test
    void runWithoutAFileExitsOneAndShowsTheUsage() {
        Cli.Result run = parley("run", "--store", storeUrl(directory));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("parley: ").contains("FILE").contains("Usage");
        assertNoStackTrace(run.err());
    }

    private static void assertRound(JsonNode round, int number, String venue, List<String> mediators,
                                    String openedAt, String closedAs, String outcome) {
        assertThat(round.get("round").intValue()).isEqualTo(number);
        assertThat(round.get("venue").textValue()).isEqualTo(venue);
        assertThat(texts(round.get("mediators"))).containsExactlyElementsOf(mediators);
        assertThat(round.get("openedAt").textValue()).isEqualTo(openedAt);
        assertThat(round.get("closedAs").textValue()).isEqualTo(closedAs);
        assertThat(round.get("outcome").textValue()).isEqualTo(outcome);
    }

    private static JsonNode incident(JsonNode incidents, String id) {
        for (JsonNode incident : incidents) {
            if (incident.get("id").textValue().equals(id)) {
                return incident;
            }
        }
        throw new AssertionError("no incident " + id + " in " + incidents);
    }

    static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.textValue()));
        return values;
    }
}
