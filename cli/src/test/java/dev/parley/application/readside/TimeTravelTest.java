package dev.parley.application.readside;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.application.Parley;
import dev.parley.incident.api.IncidentStatus;
import dev.parley.projections.status.CasualtyCount;
import dev.parley.projections.status.FindStatusAsOfQuery;
import dev.parley.projections.status.FindStatusAtSequenceQuery;
import dev.parley.projections.status.FindStatusQuery;
import dev.parley.projections.status.IncidentView;
import dev.parley.projections.status.StatusReport;
import dev.parley.projections.timeline.FindTimelineQuery;
import dev.parley.projections.timeline.Timeline;
import dev.parley.projections.timeline.TimelineEntry;
import dev.parley.application.testing.SteppingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.parley.application.readside.Histories.line;
import static dev.parley.application.readside.ReadSide.json;
import static dev.parley.application.readside.ReadSide.ok;
import static dev.parley.application.readside.ReadSide.parley;
import static dev.parley.application.readside.ReadSide.storeUrl;
import static dev.parley.application.readside.ReadSide.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time travel on both axes, on a late casualty report: an incident on 12 October, a negotiated ceasefire from 19
 * October covering it, and only then casualties that happened on 15 October. {@code --at} is valid time (when things
 * happened, by everything recorded), {@code --known-at} transaction time (only what had been recorded by then).
 */
class TimeTravelTest {

    private static final String INCIDENT = "inc-late";
    private static final String LATER_INCIDENT = "inc-later";
    private static final String TALKS = "talks";
    private static final String BEFORE_CEASEFIRE = "2025-10-16";
    private static final Instant CEASEFIRE = Instant.parse("2025-10-19T00:00:00Z");

    private static final String FIRST_RECORDED = String.join("\n",
            line("ReportIncident", "incidentId", INCIDENT, "location", "Chaman border post",
                 "attackers", List.of("AFG"), "defenders", List.of("PAK"), "description", "attack on a post",
                 "occurredAt", "2025-10-12", "source", "ISPR"),
            line("OpenRound", "negotiationId", TALKS, "round", 1, "parties", List.of("PAK", "AFG"),
                 "mediators", List.of("QAT"), "venue", "Doha", "occurredAt", "2025-10-18", "source", "Radio Pakistan"),
            line("DeclareCeasefire", "negotiationId", TALKS, "effectiveFrom", "2025-10-19", "terms", "ceasefire",
                 "coversIncidents", List.of(INCIDENT), "occurredAt", "2025-10-19", "source", "Radio Pakistan")) + "\n";

    private static final String RECORDED_LATE = String.join("\n",
            line("RecordCasualties", "incidentId", INCIDENT, "side", "PAK", "killed", 5, "wounded", 3,
                 "occurredAt", "2025-10-15", "source", "late report"),
            line("ReportIncident", "incidentId", LATER_INCIDENT, "location", "Kurram", "attackers", List.of("PAK"),
                 "defenders", List.of("AFG"), "description", "air strikes", "occurredAt", "2025-10-20",
                 "source", "Tolo News")) + "\n";

    @TempDir
    Path directory;

    private String store;
    /** When the last event of the first run (the incident's propagated ceasefire) was recorded. */
    private String knownBeforeTheLateReport;
    private Instant casualtiesRecordedAt;

    private final SteppingClock clock = SteppingClock.recording();

    @AfterEach
    void systemClockAgain() {
        clock.close();
    }

    @BeforeEach
    void recordTheCeasefireThenTheLateCasualties() throws Exception {
        store = storeUrl(directory);
        ok("run", "--store", store, write(directory, "first.ndjson", FIRST_RECORDED).toString());
        clock.advance(Duration.ofMinutes(5));
        ok("run", "--store", store, write(directory, "late.ndjson", RECORDED_LATE).toString());

        JsonNode audit = json(ok("audit", "--store", store, "--json"));
        assertThat(audit).hasSize(6);
        List<String> types = new ArrayList<>();
        audit.forEach(entry -> types.add(entry.get("aggregateId").asText() + " " + entry.get("eventType").asText()));
        assertThat(types).containsExactly(INCIDENT + " IncidentReported", TALKS + " RoundOpened",
                                          TALKS + " CeasefireDeclared", INCIDENT + " CeasefireDeclared",
                                          INCIDENT + " CasualtiesRecorded", LATER_INCIDENT + " IncidentReported");
        knownBeforeTheLateReport = audit.get(3).get("recordedAt").asText();
        casualtiesRecordedAt = Instant.parse(audit.get(4).get("recordedAt").asText());
        assertThat(casualtiesRecordedAt).isAfter(Instant.parse(knownBeforeTheLateReport));
    }

    private JsonNode status(String... timeOptions) {
        List<String> args = new ArrayList<>(List.of("status", "--store", store, "--json"));
        args.addAll(List.of(timeOptions));
        return json(ok(args.toArray(String[]::new)));
    }

    private JsonNode timeline(String... timeOptions) {
        List<String> args = new ArrayList<>(List.of("timeline", "--store", store, "--json"));
        args.addAll(List.of(timeOptions));
        return json(ok(args.toArray(String[]::new)));
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static JsonNode incident(JsonNode status) {
        for (JsonNode incident : status.get("incidents")) {
            if (incident.get("id").asText().equals(INCIDENT)) {
                return incident;
            }
        }
        throw new AssertionError("no " + INCIDENT + " in " + status);
    }

    /** Each entry as "aggregateId eventType", in timeline order. */
    private static List<String> events(JsonNode timeline) {
        List<String> events = new ArrayList<>();
        timeline.forEach(entry -> events.add(entry.get("aggregateId").asText() + " " + entry.get("eventType").asText()));
        return events;
    }

    @Test
    void statusAtAValidTimeShowsTheLateCasualtiesAndNoCeasefireYet() {
        JsonNode status = status("--at", BEFORE_CEASEFIRE);

        JsonNode incident = incident(status);
        assertThat(incident.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(incident.get("casualties").get("PAK").get("killed").asInt()).isEqualTo(5);
        assertThat(incident.get("casualties").get("PAK").get("wounded").asInt()).isEqualTo(3);
        assertThat(incident.get("ceasefireEffectiveFrom").isNull()).isTrue();
        assertThat(ids(status.get("negotiations"))).as("the talks opened on 18 October").isEmpty();
        assertThat(ids(status.get("incidents"))).as("only what existed on 16 October").containsExactly(INCIDENT);
    }

    @Test
    void statusKnownAtAnInstantBeforeTheLateReportShowsTheCeasefireButNotTheCasualties() {
        JsonNode status = status("--known-at", knownBeforeTheLateReport);

        JsonNode incident = incident(status);
        assertThat(incident.get("status").asText()).isEqualTo("CEASEFIRE");
        assertThat(incident.get("ceasefireEffectiveFrom").asText()).isEqualTo(CEASEFIRE.toString());
        assertThat(incident.get("casualties").size()).isZero();
        assertThat(ids(status.get("negotiations"))).containsExactly(TALKS);
        assertThat(status.get("negotiations").get(0).get("ceasefireInForce").asBoolean()).isTrue();
        assertThat(ids(status.get("incidents"))).as("the later incident was recorded afterwards")
                                                 .containsExactly(INCIDENT);
    }

    @Test
    void statusOnBothAxesShowsNeitherTheCasualtiesNorTheCeasefire() {
        JsonNode status = status("--at", BEFORE_CEASEFIRE, "--known-at", knownBeforeTheLateReport);

        JsonNode incident = incident(status);
        assertThat(incident.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(incident.get("casualties").size()).isZero();
        assertThat(incident.get("ceasefireEffectiveFrom").isNull()).isTrue();
        assertThat(ids(status.get("negotiations"))).isEmpty();
        assertThat(ids(status.get("incidents"))).containsExactly(INCIDENT);
    }

    @Test
    void statusNowShowsBothTheCeasefireAndTheLateCasualties() {
        JsonNode incident = incident(status());

        assertThat(incident.get("status").asText()).isEqualTo("CEASEFIRE");
        assertThat(incident.get("casualties").get("PAK").get("killed").asInt()).isEqualTo(5);
    }

    @Test
    void theValidTimeBoundIncludesEventsAtExactlyThatTimeAndExcludesLaterOnes() {
        assertThat(incident(status("--at", "2025-10-15")).get("casualties").has("PAK")).isTrue();
        assertThat(incident(status("--at", "2025-10-14T23:59:59Z")).get("casualties").size()).isZero();
        assertThat(incident(status("--at", "2025-10-19")).get("status").asText()).isEqualTo("CEASEFIRE");
        assertThat(incident(status("--at", "2025-10-18T23:59:59Z")).get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void theTransactionTimeBoundIncludesTheEventRecordedAtExactlyThatInstant() {
        JsonNode known = status("--known-at", casualtiesRecordedAt.toString());
        assertThat(incident(known).get("casualties").has("PAK")).isTrue();

        JsonNode justBefore = status("--known-at", casualtiesRecordedAt.minusNanos(1000).toString());
        assertThat(incident(justBefore).get("casualties").size()).isZero();
    }

    @Test
    void anAggregateThatDidNotExistYetIsAbsentAndAskingForItByIdFails() {
        assertThat(ids(status("--at", BEFORE_CEASEFIRE).get("incidents"))).doesNotContain(LATER_INCIDENT);
        assertThat(ids(status("--at", "2025-10-20").get("incidents"))).contains(LATER_INCIDENT);

        ReadSide.Result byId = parley("status", LATER_INCIDENT, "--store", store, "--json", "--at", BEFORE_CEASEFIRE);
        assertThat(byId.exitCode()).isNotZero();
        assertThat(byId.err()).contains(LATER_INCIDENT);

        ReadSide.Result talks = parley("status", TALKS, "--store", store, "--json", "--at", "2025-10-17");
        assertThat(talks.exitCode()).isNotZero();
        assertThat(ok("status", TALKS, "--store", store, "--json", "--at", "2025-10-18")).contains(TALKS);
    }

    @Test
    void timelineAtAValidTimeHasTheLateCasualtiesInTheOrderThingsHappened() {
        JsonNode timeline = timeline("--at", BEFORE_CEASEFIRE);

        assertThat(events(timeline)).containsExactly(INCIDENT + " IncidentReported",
                                                     INCIDENT + " CasualtiesRecorded");
    }

    @Test
    void timelineKnownAtAnInstantBeforeTheLateReportHasTheCeasefireButNotTheCasualties() {
        JsonNode timeline = timeline("--known-at", knownBeforeTheLateReport);

        assertThat(events(timeline)).containsExactly(INCIDENT + " IncidentReported", TALKS + " RoundOpened",
                                                     TALKS + " CeasefireDeclared", INCIDENT + " CeasefireDeclared");
    }

    @Test
    void timelineOnBothAxesHasNeither() {
        JsonNode timeline = timeline("--at", BEFORE_CEASEFIRE, "--known-at", knownBeforeTheLateReport);

        assertThat(events(timeline)).containsExactly(INCIDENT + " IncidentReported");
    }

    @Test
    void theWholeTimelineIsOrderedByOccurredAtThenPositionWithOneLineDescriptions() {
        JsonNode timeline = timeline();

        assertThat(events(timeline)).containsExactly(INCIDENT + " IncidentReported",
                                                     INCIDENT + " CasualtiesRecorded", TALKS + " RoundOpened",
                                                     TALKS + " CeasefireDeclared", INCIDENT + " CeasefireDeclared",
                                                     LATER_INCIDENT + " IncidentReported");
        for (int i = 1; i < timeline.size(); i++) {
            JsonNode previous = timeline.get(i - 1);
            JsonNode entry = timeline.get(i);
            Instant previousTime = Instant.parse(previous.get("occurredAt").asText());
            Instant time = Instant.parse(entry.get("occurredAt").asText());
            assertThat(time).isAfterOrEqualTo(previousTime);
            if (time.equals(previousTime)) {
                assertThat(entry.get("position").asLong()).isGreaterThan(previous.get("position").asLong());
            }
        }
        // the late casualties come second on the timeline although they were stored after the ceasefire
        assertThat(timeline.get(1).get("position").asLong()).isGreaterThan(timeline.get(3).get("position").asLong());
        for (JsonNode entry : timeline) {
            assertThat(entry.get("description").asText()).isNotBlank().doesNotContain("\n");
        }
        assertThat(timeline.get(1).get("description").asText()).contains("PAK").contains("5");
    }

    @Test
    void theJavaQueriesGiveTheSameAnswersAsTheCommandLine() throws Exception {
        Instant at = Instant.parse(BEFORE_CEASEFIRE + "T00:00:00Z");
        Instant knownAt = Instant.parse(knownBeforeTheLateReport);
        try (Parley parley = Parley.open(store)) {
            parley.awaitReadModels(Duration.ofSeconds(30));

            IncidentView validTime = incidentOf(asOf(parley, null, at, null));
            IncidentView transactionTime = incidentOf(asOf(parley, null, null, knownAt));
            IncidentView bothAxes = incidentOf(asOf(parley, null, at, knownAt));
            IncidentView now = incidentOf(parley.queries().query(FindStatusQuery.all(), StatusReport.class).get());

            assertThat(validTime.status()).isEqualTo(IncidentStatus.ACTIVE);
            assertThat(validTime.casualties()).isEqualTo(Map.of("PAK", new CasualtyCount(5, 3)));
            assertThat(transactionTime.status()).isEqualTo(IncidentStatus.CEASEFIRE);
            assertThat(transactionTime.casualties()).isEmpty();
            assertThat(transactionTime.ceasefireEffectiveFrom()).isEqualTo(CEASEFIRE);
            assertThat(bothAxes.status()).isEqualTo(IncidentStatus.ACTIVE);
            assertThat(bothAxes.casualties()).isEmpty();
            assertThat(asOf(parley, null, null, null)).isEqualTo(
                    parley.queries().query(FindStatusQuery.all(), StatusReport.class).get());

            // the incident's stream: 0 IncidentReported, 1 CeasefireDeclared, 2 CasualtiesRecorded
            assertThat(incidentOf(atSequence(parley, INCIDENT, 0))).isEqualTo(bothAxes);
            assertThat(incidentOf(atSequence(parley, INCIDENT, 1))).isEqualTo(transactionTime);
            assertThat(incidentOf(atSequence(parley, INCIDENT, 2))).isEqualTo(now);
            assertThat(incidentOf(atSequence(parley, INCIDENT, 99))).isEqualTo(now);

            assertThat(asOf(parley, LATER_INCIDENT, at, null).incidents()).isEmpty();
            assertThat(asOf(parley, LATER_INCIDENT, null, knownAt).incidents()).isEmpty();
            assertThat(asOf(parley, TALKS, at, null).negotiations()).isEmpty();
            assertThat(asOf(parley, TALKS, null, knownAt).negotiations()).singleElement()
                    .satisfies(talks -> assertThat(talks.ceasefireInForce()).isTrue());
            assertThat(atSequence(parley, TALKS, 0).negotiations()).singleElement()
                    .satisfies(talks -> assertThat(talks.ceasefireInForce()).isFalse());
            StatusReport nothing = atSequence(parley, "no-such-incident", 5);
            assertThat(nothing.incidents()).isEmpty();
            assertThat(nothing.negotiations()).isEmpty();

            Timeline timeline = parley.queries().query(new FindTimelineQuery(at, knownAt), Timeline.class).get();
            assertThat(timeline.entries()).extracting(TimelineEntry::eventType).containsExactly("IncidentReported");
        }
    }

    /** Dated before their incident's report, and a framework dated before its round opened: both accepted. */
    private static final String EARLIER_THAN_THE_CREATING_EVENT = String.join("\n",
            line("ReportIncident", "incidentId", "inc-early", "location", "Torkham", "attackers", List.of("AFG"),
                 "defenders", List.of("PAK"), "description", "shelling", "occurredAt", "2025-10-12",
                 "source", "ISPR"),
            line("RecordCasualties", "incidentId", "inc-early", "side", "PAK", "killed", 3,
                 "occurredAt", "2025-10-10", "source", "a report of the shelling that had begun earlier"),
            line("OpenRound", "negotiationId", "talks-early", "round", 1, "parties", List.of("PAK", "AFG"),
                 "mediators", List.of(), "venue", "Doha", "occurredAt", "2025-10-18", "source", "Geo News"),
            line("SubmitFramework", "negotiationId", "talks-early", "frameworkId", "fw", "submittedBy", "PAK",
                 "title", "draft circulated beforehand", "provisions", List.of(), "occurredAt", "2025-10-15",
                 "source", "Geo News")) + "\n";

    @Test
    void statusAtATimeBeforeAnAggregateBeganIgnoresItsEarlierDatedEventsInsteadOfFailing() throws Exception {
        ok("run", "--store", store, write(directory, "earlier.ndjson", EARLIER_THAN_THE_CREATING_EVENT).toString());

        ReadSide.Result beforeTheIncident = parley("status", "--store", store, "--json", "--at", "2025-10-11");
        ReadSide.Result beforeTheRound = parley("status", "--store", store, "--json", "--at", "2025-10-16");

        assertThat(beforeTheIncident.exitCode()).as("stderr: %s", beforeTheIncident.err()).isZero();
        assertThat(ids(json(beforeTheIncident.out()).get("incidents"))).doesNotContain("inc-early");
        assertThat(beforeTheRound.exitCode()).as("stderr: %s", beforeTheRound.err()).isZero();
        assertThat(ids(json(beforeTheRound.out()).get("negotiations"))).doesNotContain("talks-early");
        try (Parley parley = Parley.open(store)) {
            parley.awaitReadModels(Duration.ofSeconds(30));
            Instant at = Instant.parse("2025-10-11T00:00:00Z");
            assertThat(asOf(parley, "inc-early", at, null).incidents()).isEmpty();
        }
    }

    @Test
    void theTimelineAtATimeBeforeAnAggregateBeganStillListsItsEarlierDatedEvents() {
        ok("run", "--store", store, write(directory, "earlier.ndjson", EARLIER_THAN_THE_CREATING_EVENT).toString());

        JsonNode timeline = timeline("--at", "2025-10-11");

        assertThat(events(timeline)).containsExactly("inc-early CasualtiesRecorded");
        assertThat(events(timeline("--at", "2025-10-16"))).contains("inc-early IncidentReported",
                                                                    "talks-early FrameworkSubmitted")
                                                          .doesNotContain("talks-early RoundOpened");
    }

    private static StatusReport asOf(Parley parley, String id, Instant at, Instant knownAt) throws Exception {
        return parley.queries().query(new FindStatusAsOfQuery(id, at, knownAt), StatusReport.class).get();
    }

    private static StatusReport atSequence(Parley parley, String id, long sequence) throws Exception {
        return parley.queries().query(new FindStatusAtSequenceQuery(id, sequence), StatusReport.class).get();
    }

    private static IncidentView incidentOf(StatusReport report) {
        return report.incidents().stream().filter(incident -> incident.id().equals(INCIDENT)).findFirst()
                     .orElseThrow(() -> new AssertionError("no " + INCIDENT + " in " + report));
    }
}
