package dev.parley.application.commandfile;

import dev.parley.incident.api.RecordCasualtiesCommand;
import dev.parley.incident.api.RecordStrikeCommand;
import dev.parley.incident.api.ReportIncidentCommand;
import dev.parley.incident.api.ReportViolationCommand;
import dev.parley.negotiation.api.CollapseTalksCommand;
import dev.parley.negotiation.api.ConcludeRoundCommand;
import dev.parley.negotiation.api.FrameworkResponse;
import dev.parley.negotiation.api.OfferMediationCommand;
import dev.parley.negotiation.api.OpenRoundCommand;
import dev.parley.negotiation.api.RespondToFrameworkCommand;
import dev.parley.negotiation.api.SubmitFrameworkCommand;
import dev.parley.shared.api.ErrorCode;
import dev.parley.shared.api.IncidentId;
import dev.parley.shared.api.NegotiationId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CommandFileParserTest {

    private static final NegotiationId TALKS = new NegotiationId("pak-afg-talks-2025");
    private static final IncidentId POSTS = new IncidentId("border-posts");
    private static final Instant OCT_12 = Instant.parse("2025-10-12T00:00:00Z");
    private static final Instant OCT_19 = Instant.parse("2025-10-19T00:00:00Z");

    private final CommandFileParser parser = new CommandFileParser();

    private CommandLine parse(String json) {
        return parser.parse(7, json);
    }

    private LineRejectedException rejectionOf(String json) {
        LineRejectedException rejected = catchThrowableOfType(() -> parser.parse(3, json),
                                                              LineRejectedException.class);
        assertThat(rejected).as("line should be rejected: %s", json).isNotNull();
        return rejected;
    }

    @Nested
    @DisplayName("every command name parses into its command")
    class EveryCommand {

        @Test
        void openRoundOneCarriesPartiesMediatorsAndVenue() {
            CommandLine line = parse("""
                    {"command":"OpenRound","negotiationId":"pak-afg-talks-2025","round":1,"parties":["PAK","AFG"],\
                    "mediators":["QAT"],"venue":"Doha","occurredAt":"2025-10-19","source":"Radio Pakistan"}""");

            assertThat(line.line()).isEqualTo(7);
            assertThat(line.name()).isEqualTo("OpenRound");
            assertThat(line.actor()).isNull();
            assertThat(line.command()).isEqualTo(new OpenRoundCommand(
                    TALKS, 1, List.of("PAK", "AFG"), List.of("QAT"), "Doha", OCT_19, "Radio Pakistan"));
        }

        @Test
        void openRoundAfterTheFirstMayOmitPartiesWhichAreThenNull() {
            CommandLine line = parse("""
                    {"command":"OpenRound","negotiationId":"pak-afg-talks-2025","round":2,"mediators":[],\
                    "venue":"Istanbul","occurredAt":"2025-10-25","source":"Geo News"}""");

            OpenRoundCommand command = (OpenRoundCommand) line.command();
            assertThat(command.round()).isEqualTo(2);
            assertThat(command.parties()).isNull();
            assertThat(command.mediators()).isEmpty();
            assertThat(command.venue()).isEqualTo("Istanbul");
        }

        @Test
        void submitFrameworkCarriesIdSubmitterTitleAndProvisions() {
            CommandLine line = parse("""
                    {"command":"SubmitFramework","negotiationId":"pak-afg-talks-2025","frameworkId":"ct-1",\
                    "submittedBy":"PAK","title":"Counterterrorism","provisions":["no safe havens","monitoring"],\
                    "occurredAt":"2025-10-25","source":"Geo News"}""");

            assertThat(line.name()).isEqualTo("SubmitFramework");
            assertThat(line.command()).isEqualTo(new SubmitFrameworkCommand(
                    TALKS, "ct-1", "PAK", "Counterterrorism", List.of("no safe havens", "monitoring"),
                    Instant.parse("2025-10-25T00:00:00Z"), "Geo News"));
        }

        @Test
        void respondToFrameworkCarriesTheResponseAsAcceptedOrRejected() {
            CommandLine accepted = parse("""
                    {"command":"RespondToFramework","negotiationId":"pak-afg-talks-2025","frameworkId":"ct-1",\
                    "party":"AFG","response":"ACCEPTED","occurredAt":"2025-10-26","source":"Geo News"}""");
            CommandLine rejected = parse("""
                    {"command":"RespondToFramework","negotiationId":"pak-afg-talks-2025","frameworkId":"ct-1",\
                    "party":"AFG","response":"REJECTED","occurredAt":"2025-10-26","source":"Geo News"}""");

            Instant oct26 = Instant.parse("2025-10-26T00:00:00Z");
            assertThat(accepted.command()).isEqualTo(new RespondToFrameworkCommand(
                    TALKS, "ct-1", "AFG", FrameworkResponse.ACCEPTED, oct26, "Geo News"));
            assertThat(rejected.command()).isEqualTo(new RespondToFrameworkCommand(
                    TALKS, "ct-1", "AFG", FrameworkResponse.REJECTED, oct26, "Geo News"));
        }

        @Test
        void declareCeasefireWithoutIncidentIdTargetsTheNegotiation() {
            CommandLine line = parse("""
                    {"command":"DeclareCeasefire","negotiationId":"pak-afg-talks-2025","effectiveFrom":"2025-10-19",\
                    "terms":"ceasefire during talks","coversIncidents":["border-posts","kurram"],\
                    "occurredAt":"2025-10-19","source":"Radio Pakistan"}""");

            assertThat(line.name()).isEqualTo("DeclareCeasefire");
            assertThat(line.command()).isEqualTo(new dev.parley.negotiation.api.DeclareCeasefireCommand(
                    TALKS, OCT_19, "ceasefire during talks", List.of(POSTS, new IncidentId("kurram")), OCT_19,
                    "Radio Pakistan"));
        }

        @Test
        void declareCeasefireWithNoCoveredIncidentsTargetsTheNegotiation() {
            CommandLine line = parse("""
                    {"command":"DeclareCeasefire","negotiationId":"pak-afg-talks-2025","effectiveFrom":"2025-10-19",\
                    "terms":"truce","coversIncidents":[],"occurredAt":"2025-10-19","source":"Radio Pakistan"}""");

            assertThat(line.command()).isInstanceOf(dev.parley.negotiation.api.DeclareCeasefireCommand.class);
            assertThat(((dev.parley.negotiation.api.DeclareCeasefireCommand) line.command()).coversIncidents())
                    .isEmpty();
        }

        @Test
        void declareCeasefireWithIncidentIdTargetsTheIncidentAndKeepsTheNegotiationAsALink() {
            CommandLine line = parse("""
                    {"command":"DeclareCeasefire","incidentId":"border-posts","negotiationId":"pak-afg-talks-2025",\
                    "effectiveFrom":"2025-10-19","occurredAt":"2025-10-19","source":"ISPR"}""");

            assertThat(line.name()).isEqualTo("DeclareCeasefire");
            assertThat(line.command()).isEqualTo(new dev.parley.incident.api.DeclareCeasefireCommand(
                    POSTS, OCT_19, TALKS, OCT_19, "ISPR"));
        }

        @Test
        void declareCeasefireWithIncidentIdAloneTargetsTheIncidentWithNoLink() {
            CommandLine line = parse("""
                    {"command":"DeclareCeasefire","incidentId":"border-posts","effectiveFrom":"2025-10-19",\
                    "occurredAt":"2025-10-19","source":"ISPR"}""");

            assertThat(line.command()).isEqualTo(new dev.parley.incident.api.DeclareCeasefireCommand(
                    POSTS, OCT_19, null, OCT_19, "ISPR"));
        }

        @Test
        void concludeRoundCarriesTheOutcome() {
            CommandLine line = parse("""
                    {"command":"ConcludeRound","negotiationId":"pak-afg-talks-2025","outcome":"meet again",\
                    "occurredAt":"2025-10-19","source":"Geo News"}""");

            assertThat(line.name()).isEqualTo("ConcludeRound");
            assertThat(line.command()).isEqualTo(new ConcludeRoundCommand(TALKS, "meet again", OCT_19, "Geo News"));
        }

        @Test
        void collapseBecomesTheCollapseTalksCommandWithItsReason() {
            CommandLine line = parse("""
                    {"command":"Collapse","negotiationId":"pak-afg-talks-2025","reason":"no progress",\
                    "occurredAt":"2025-10-29","source":"Geo News"}""");

            assertThat(line.name()).isEqualTo("Collapse");
            assertThat(line.command()).isEqualTo(new CollapseTalksCommand(
                    TALKS, "no progress", Instant.parse("2025-10-29T00:00:00Z"), "Geo News"));
        }

        @Test
        void offerMediationCarriesTheMediator() {
            CommandLine line = parse("""
                    {"command":"OfferMediation","negotiationId":"pak-afg-talks-2025","mediator":"IRN",\
                    "occurredAt":"2025-10-29","source":"Radio Pakistan"}""");

            assertThat(line.command()).isEqualTo(new OfferMediationCommand(
                    TALKS, "IRN", Instant.parse("2025-10-29T00:00:00Z"), "Radio Pakistan"));
        }

        @Test
        void reportIncidentCarriesLocationSidesAndDescription() {
            CommandLine line = parse("""
                    {"command":"ReportIncident","incidentId":"border-posts","location":"Kurram",\
                    "attackers":["AFG","TTP"],"defenders":["PAK"],"description":"attack on posts",\
                    "occurredAt":"2025-10-12","source":"ISPR"}""");

            assertThat(line.name()).isEqualTo("ReportIncident");
            assertThat(line.command()).isEqualTo(new ReportIncidentCommand(
                    POSTS, "Kurram", List.of("AFG", "TTP"), List.of("PAK"), "attack on posts", OCT_12, "ISPR"));
        }

        @Test
        void recordCasualtiesCarriesSideKilledAndWounded() {
            CommandLine line = parse("""
                    {"command":"RecordCasualties","incidentId":"border-posts","side":"PAK","killed":23,\
                    "wounded":29,"occurredAt":"2025-10-12","source":"ISPR"}""");

            assertThat(line.command()).isEqualTo(new RecordCasualtiesCommand(POSTS, "PAK", 23, 29, OCT_12, "ISPR"));
        }

        @Test
        void recordCasualtiesWithoutWoundedCountsZeroWounded() {
            CommandLine line = parse("""
                    {"command":"RecordCasualties","incidentId":"border-posts","side":"AFG","killed":200,\
                    "occurredAt":"2025-10-12","source":"ISPR"}""");

            assertThat(line.command()).isEqualTo(new RecordCasualtiesCommand(POSTS, "AFG", 200, 0, OCT_12, "ISPR"));
        }

        @Test
        void recordCasualtiesLeavesNegativeCountsToTheIncidentRatherThanTheParser() {
            CommandLine line = parse("""
                    {"command":"RecordCasualties","incidentId":"border-posts","side":"AFG","killed":-1,\
                    "wounded":-2,"occurredAt":"2025-10-12","source":"ISPR"}""");

            RecordCasualtiesCommand command = (RecordCasualtiesCommand) line.command();
            assertThat(command.killed()).isEqualTo(-1);
            assertThat(command.wounded()).isEqualTo(-2);
        }

        @Test
        void recordStrikeCarriesByTargetsAndDescription() {
            CommandLine line = parse("""
                    {"command":"RecordStrike","incidentId":"border-posts","by":"PAK","targets":["Kabul","Kandahar"],\
                    "description":"precision strikes","occurredAt":"2025-10-12","source":"ISPR"}""");

            assertThat(line.command()).isEqualTo(new RecordStrikeCommand(
                    POSTS, "PAK", List.of("Kabul", "Kandahar"), "precision strikes", OCT_12, "ISPR"));
        }

        @Test
        void reportViolationCarriesByAndDescription() {
            CommandLine line = parse("""
                    {"command":"ReportViolation","incidentId":"border-posts","by":"AFG","description":"shelling",\
                    "occurredAt":"2025-10-21","source":"ISPR"}""");

            assertThat(line.name()).isEqualTo("ReportViolation");
            assertThat(line.command()).isEqualTo(new ReportViolationCommand(
                    POSTS, "AFG", "shelling", Instant.parse("2025-10-21T00:00:00Z"), "ISPR"));
        }

        @Test
        void anActorOnTheLineIsKeptApartFromTheCommand() {
            CommandLine line = parse("""
                    {"command":"OfferMediation","negotiationId":"pak-afg-talks-2025","mediator":"IRN",\
                    "occurredAt":"2025-10-29","source":"Radio Pakistan","actor":"desk-officer-7"}""");

            assertThat(line.actor()).isEqualTo("desk-officer-7");
            assertThat(line.command()).isInstanceOf(OfferMediationCommand.class);
        }
    }

    @Nested
    @DisplayName("times")
    class Times {

        @Test
        void aPlainDateIsReadAsMidnightUtc() {
            CommandLine line = parse("""
                    {"command":"OfferMediation","negotiationId":"n","mediator":"IRN","occurredAt":"2025-10-12",\
                    "source":"s"}""");

            assertThat(line.command().occurredAt()).isEqualTo(Instant.parse("2025-10-12T00:00:00Z"));
        }

        @Test
        void aDateTimeWithAnOffsetIsConvertedToUtc() {
            CommandLine line = parse("""
                    {"command":"OfferMediation","negotiationId":"n","mediator":"IRN",\
                    "occurredAt":"2025-10-12T08:30:00+05:00","source":"s"}""");

            assertThat(line.command().occurredAt()).isEqualTo(Instant.parse("2025-10-12T03:30:00Z"));
        }

        @Test
        void aDateTimeWithANegativeOffsetMayMoveToTheNextUtcDay() {
            CommandLine line = parse("""
                    {"command":"OfferMediation","negotiationId":"n","mediator":"IRN",\
                    "occurredAt":"2025-10-12T22:15:00-04:00","source":"s"}""");

            assertThat(line.command().occurredAt()).isEqualTo(Instant.parse("2025-10-13T02:15:00Z"));
        }

        @Test
        void aDateTimeInUtcStaysAsItIs() {
            CommandLine line = parse("""
                    {"command":"OfferMediation","negotiationId":"n","mediator":"IRN",\
                    "occurredAt":"2025-10-12T10:00:00Z","source":"s"}""");

            assertThat(line.command().occurredAt()).isEqualTo(Instant.parse("2025-10-12T10:00:00Z"));
        }

        @Test
        void effectiveFromIsReadLikeOccurredAt() {
            CommandLine line = parse("""
                    {"command":"DeclareCeasefire","incidentId":"border-posts",\
                    "effectiveFrom":"2025-10-19T18:00:00+03:00","occurredAt":"2025-10-19","source":"ISPR"}""");

            assertThat(((dev.parley.incident.api.DeclareCeasefireCommand) line.command()).effectiveFrom())
                    .isEqualTo(Instant.parse("2025-10-19T15:00:00Z"));
        }
    }

    static Stream<Arguments> invalidLines() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"command\":\"OfferMediation\",\"negotiationId\":"),
                Arguments.of("not JSON at all", "OfferMediation IRN"),
                Arguments.of("a JSON array", "[{\"command\":\"OfferMediation\"}]"),
                Arguments.of("a JSON string", "\"OfferMediation\""),
                Arguments.of("no command key", """
                        {"negotiationId":"n","mediator":"IRN","occurredAt":"2025-10-29","source":"s"}"""),
                Arguments.of("command is not a string", """
                        {"command":7,"negotiationId":"n","mediator":"IRN","occurredAt":"2025-10-29","source":"s"}"""),
                Arguments.of("blank command", """
                        {"command":" ","negotiationId":"n","mediator":"IRN","occurredAt":"2025-10-29","source":"s"}"""),
                Arguments.of("unknown command", """
                        {"command":"Negotiate","negotiationId":"n","occurredAt":"2025-10-29","source":"s"}"""),
                Arguments.of("command name in the wrong case", """
                        {"command":"offerMediation","negotiationId":"n","mediator":"IRN","occurredAt":"2025-10-29",\
                        "source":"s"}"""),
                Arguments.of("unknown key: occuredAt typo", """
                        {"command":"OfferMediation","negotiationId":"n","mediator":"IRN","occuredAt":"2025-10-29",\
                        "source":"s"}"""),
                Arguments.of("unknown key besides all required ones", """
                        {"command":"OfferMediation","negotiationId":"n","mediator":"IRN","occurredAt":"2025-10-29",\
                        "source":"s","confidence":"high"}"""),
                Arguments.of("key of another command: terms on RecordStrike", """
                        {"command":"RecordStrike","incidentId":"i","by":"PAK","targets":[],"description":"d",\
                        "terms":"t","occurredAt":"2025-10-12","source":"s"}"""),
                Arguments.of("key of the other aggregate: incidentId on OpenRound", """
                        {"command":"OpenRound","negotiationId":"n","incidentId":"i","round":1,"parties":["A","B"],\
                        "mediators":[],"venue":"v","occurredAt":"2025-10-12","source":"s"}"""),
                Arguments.of("key of the negotiation form on the incident DeclareCeasefire: terms", """
                        {"command":"DeclareCeasefire","incidentId":"i","effectiveFrom":"2025-10-19","terms":"t",\
                        "occurredAt":"2025-10-19","source":"s"}"""),
                Arguments.of("blank negotiationId", """
                        {"command":"OfferMediation","negotiationId":"","mediator":"IRN","occurredAt":"2025-10-29",\
                        "source":"s"}"""),
                Arguments.of("whitespace incidentId", """
                        {"command":"ReportViolation","incidentId":"   ","by":"AFG","description":"d",\
                        "occurredAt":"2025-10-29","source":"s"}"""),
                Arguments.of("missing aggregate id", """
                        {"command":"ConcludeRound","outcome":"o","occurredAt":"2025-10-29","source":"s"}"""),
                Arguments.of("blank frameworkId", """
                        {"command":"SubmitFramework","negotiationId":"n","frameworkId":"","submittedBy":"PAK",\
                        "title":"t","provisions":[],"occurredAt":"2025-10-25","source":"s"}"""),
                Arguments.of("missing source", """
                        {"command":"OfferMediation","negotiationId":"n","mediator":"IRN","occurredAt":"2025-10-29"}"""),
                Arguments.of("blank source", """
                        {"command":"OfferMediation","negotiationId":"n","mediator":"IRN","occurredAt":"2025-10-29",\
                        "source":"  "}"""),
                Arguments.of("null source", """
                        {"command":"OfferMediation","negotiationId":"n","mediator":"IRN","occurredAt":"2025-10-29",\
                        "source":null}"""),
                Arguments.of("source not a string", """
                        {"command":"OfferMediation","negotiationId":"n","mediator":"IRN","occurredAt":"2025-10-29",\
                        "source":["a"]}"""),
                Arguments.of("missing occurredAt", """
                        {"command":"OfferMediation","negotiationId":"n","mediator":"IRN","source":"s"}"""),
                Arguments.of("blank actor", """
                        {"command":"OfferMediation","negotiationId":"n","mediator":"IRN","occurredAt":"2025-10-29",\
                        "source":"s","actor":""}"""),
                Arguments.of("killed as a string", """
                        {"command":"RecordCasualties","incidentId":"i","side":"PAK","killed":"23",\
                        "occurredAt":"2025-10-12","source":"s"}"""),
                Arguments.of("killed as a fraction", """
                        {"command":"RecordCasualties","incidentId":"i","side":"PAK","killed":2.5,\
                        "occurredAt":"2025-10-12","source":"s"}"""),
                Arguments.of("killed beyond an int", """
                        {"command":"RecordCasualties","incidentId":"i","side":"PAK","killed":99999999999,\
                        "occurredAt":"2025-10-12","source":"s"}"""),
                Arguments.of("missing killed", """
                        {"command":"RecordCasualties","incidentId":"i","side":"PAK","wounded":1,\
                        "occurredAt":"2025-10-12","source":"s"}"""),
                Arguments.of("wounded as a fraction", """
                        {"command":"RecordCasualties","incidentId":"i","side":"PAK","killed":1,"wounded":0.5,\
                        "occurredAt":"2025-10-12","source":"s"}"""),
                Arguments.of("round as a string", """
                        {"command":"OpenRound","negotiationId":"n","round":"1","parties":["A","B"],"mediators":[],\
                        "venue":"v","occurredAt":"2025-10-12","source":"s"}"""),
                Arguments.of("round zero", """
                        {"command":"OpenRound","negotiationId":"n","round":0,"parties":["A","B"],"mediators":[],\
                        "venue":"v","occurredAt":"2025-10-12","source":"s"}"""),
                Arguments.of("month 13", """
                        {"command":"OfferMediation","negotiationId":"n","mediator":"IRN","occurredAt":"2025-13-01",\
                        "source":"s"}"""),
                Arguments.of("date-time without offset", """
                        {"command":"OfferMediation","negotiationId":"n","mediator":"IRN",\
                        "occurredAt":"2025-10-12T10:00","source":"s"}"""),
                Arguments.of("date-time with seconds but no offset", """
                        {"command":"OfferMediation","negotiationId":"n","mediator":"IRN",\
                        "occurredAt":"2025-10-12T10:00:00","source":"s"}"""),
                Arguments.of("date in another format", """
                        {"command":"OfferMediation","negotiationId":"n","mediator":"IRN","occurredAt":"12/10/2025",\
                        "source":"s"}"""),
                Arguments.of("unparsable effectiveFrom", """
                        {"command":"DeclareCeasefire","incidentId":"i","effectiveFrom":"soon",\
                        "occurredAt":"2025-10-19","source":"s"}"""),
                Arguments.of("date as a number", """
                        {"command":"OfferMediation","negotiationId":"n","mediator":"IRN","occurredAt":20251012,\
                        "source":"s"}"""),
                Arguments.of("duplicate JSON keys", """
                        {"command":"OfferMediation","negotiationId":"n","mediator":"IRN","mediator":"TUR",\
                        "occurredAt":"2025-10-29","source":"s"}"""),
                Arguments.of("trailing garbage after the object", """
                        {"command":"OfferMediation","negotiationId":"n","mediator":"IRN","occurredAt":"2025-10-29",\
                        "source":"s"} trailing"""),
                Arguments.of("two objects on one line", """
                        {"command":"OfferMediation","negotiationId":"n","mediator":"IRN","occurredAt":"2025-10-29",\
                        "source":"s"}{"command":"OfferMediation"}"""),
                Arguments.of("parties with one entry on round 1", """
                        {"command":"OpenRound","negotiationId":"n","round":1,"parties":["PAK"],"mediators":[],\
                        "venue":"v","occurredAt":"2025-10-12","source":"s"}"""),
                Arguments.of("no parties on round 1", """
                        {"command":"OpenRound","negotiationId":"n","round":1,"mediators":[],\
                        "venue":"v","occurredAt":"2025-10-12","source":"s"}"""),
                Arguments.of("the same party twice", """
                        {"command":"OpenRound","negotiationId":"n","round":1,"parties":["PAK","PAK"],"mediators":[],\
                        "venue":"v","occurredAt":"2025-10-12","source":"s"}"""),
                Arguments.of("parties not a list", """
                        {"command":"OpenRound","negotiationId":"n","round":1,"parties":"PAK,AFG","mediators":[],\
                        "venue":"v","occurredAt":"2025-10-12","source":"s"}"""),
                Arguments.of("missing mediators", """
                        {"command":"OpenRound","negotiationId":"n","round":1,"parties":["PAK","AFG"],\
                        "venue":"v","occurredAt":"2025-10-12","source":"s"}"""),
                Arguments.of("attackers overlapping defenders", """
                        {"command":"ReportIncident","incidentId":"i","location":"l","attackers":["AFG","TTP"],\
                        "defenders":["PAK","TTP"],"description":"d","occurredAt":"2025-10-12","source":"s"}"""),
                Arguments.of("no attackers", """
                        {"command":"ReportIncident","incidentId":"i","location":"l","attackers":[],\
                        "defenders":["PAK"],"description":"d","occurredAt":"2025-10-12","source":"s"}"""),
                Arguments.of("a blank list entry", """
                        {"command":"RecordStrike","incidentId":"i","by":"PAK","targets":["Kabul",""],\
                        "description":"d","occurredAt":"2025-10-12","source":"s"}"""),
                Arguments.of("a list entry that is not a string", """
                        {"command":"RecordStrike","incidentId":"i","by":"PAK","targets":[1],\
                        "description":"d","occurredAt":"2025-10-12","source":"s"}"""),
                Arguments.of("response not ACCEPTED or REJECTED", """
                        {"command":"RespondToFramework","negotiationId":"n","frameworkId":"f","party":"AFG",\
                        "response":"MAYBE","occurredAt":"2025-10-26","source":"s"}"""),
                Arguments.of("the same incident covered twice", """
                        {"command":"DeclareCeasefire","negotiationId":"n","effectiveFrom":"2025-10-19","terms":"t",\
                        "coversIncidents":["i","i"],"occurredAt":"2025-10-19","source":"s"}"""),
                Arguments.of("negotiation ceasefire without coversIncidents", """
                        {"command":"DeclareCeasefire","negotiationId":"n","effectiveFrom":"2025-10-19","terms":"t",\
                        "occurredAt":"2025-10-19","source":"s"}"""),
                Arguments.of("missing effectiveFrom", """
                        {"command":"DeclareCeasefire","incidentId":"i","occurredAt":"2025-10-19","source":"s"}"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidLines")
    void aLineThatCannotBeReadIntoACommandIsInvalidCommand(String why, String json) {
        LineRejectedException rejected = rejectionOf(json);

        assertThat(rejected.reason().code()).as(why).isEqualTo(ErrorCode.INVALID_COMMAND);
        assertThat(rejected.reason().getMessage()).as(why).isNotBlank();
        assertThat(rejected.getMessage()).isEqualTo(rejected.reason().getMessage());
    }

    @Test
    void anUnknownKeyIsNamedInTheMessageAndTheCommandNameIsKept() {
        LineRejectedException rejected = rejectionOf("""
                {"command":"OfferMediation","negotiationId":"n","mediator":"IRN","occuredAt":"2025-10-29",\
                "source":"s"}""");

        assertThat(rejected.commandName()).isEqualTo("OfferMediation");
        assertThat(rejected.reason().getMessage()).contains("occuredAt");
    }

    @Test
    void aKeyOfAnotherCommandIsNamedInTheMessage() {
        LineRejectedException rejected = rejectionOf("""
                {"command":"RecordStrike","incidentId":"i","by":"PAK","targets":[],"description":"d",\
                "terms":"t","occurredAt":"2025-10-12","source":"s"}""");

        assertThat(rejected.commandName()).isEqualTo("RecordStrike");
        assertThat(rejected.reason().getMessage()).contains("terms");
    }

    @Test
    void malformedJsonHasNoCommandName() {
        LineRejectedException rejected = rejectionOf("{\"command\":\"OfferMediation\",");

        assertThat(rejected.commandName()).isNull();
        assertThat(rejected.reason().code()).isEqualTo(ErrorCode.INVALID_COMMAND);
    }

    @Test
    void anUnknownCommandKeepsItsNameAndIsNamedInTheMessage() {
        LineRejectedException rejected = rejectionOf("""
                {"command":"Negotiate","negotiationId":"n","occurredAt":"2025-10-29","source":"s"}""");

        assertThat(rejected.commandName()).isEqualTo("Negotiate");
        assertThat(rejected.reason().getMessage()).contains("Negotiate");
    }

    @Test
    void anUnparsableDateNamesTheFieldAndTheValue() {
        LineRejectedException rejected = rejectionOf("""
                {"command":"OfferMediation","negotiationId":"n","mediator":"IRN","occurredAt":"2025-13-01",\
                "source":"s"}""");

        assertThat(rejected.reason().getMessage()).contains("occurredAt").contains("2025-13-01");
    }

    @ParameterizedTest(name = "skipped: [{0}]")
    @ValueSource(strings = {"", " ", "\t", "   \t  ", "#", "# a comment", "   # indented comment",
            "#{\"command\":\"OfferMediation\"}"})
    void blankAndCommentLinesAreSkipped(String line) {
        assertThat(CommandFileParser.isSkipped(line)).isTrue();
    }

    @ParameterizedTest(name = "not skipped: [{0}]")
    @ValueSource(strings = {"{\"command\":\"OfferMediation\"}", "  {}", "x # not a comment", "[]"})
    void linesWithContentAreNotSkipped(String line) {
        assertThat(CommandFileParser.isSkipped(line)).isFalse();
    }
}
