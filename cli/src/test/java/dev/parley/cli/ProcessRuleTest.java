package dev.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.application.Parley;
import dev.parley.incident.api.ReportIncidentCommand;
import dev.parley.incident.api.ReportViolationCommand;
import dev.parley.negotiation.api.DeclareCeasefireCommand;
import dev.parley.negotiation.api.OpenRoundCommand;
import dev.parley.shared.api.IncidentId;
import dev.parley.shared.api.NegotiationId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.parley.cli.Cli.eventTypes;
import static dev.parley.cli.Cli.events;
import static dev.parley.cli.Cli.parley;
import static dev.parley.cli.Cli.status;
import static dev.parley.cli.Cli.storeUrl;
import static dev.parley.cli.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The process rule of DOMAIN.md: a negotiation's ceasefire puts every incident it covers under the same ceasefire,
 * before the next command is handled, with a causation link to the negotiation's event.
 */
class ProcessRuleTest {

    private static final String CORRELATION_ID = "correlationId";
    private static final String CAUSATION_ID = "causationId";
    private static final String ACTOR = "actor";

    /** Line 4 declares the ceasefire; lines 5 to 8 already see it. */
    static final String CEASEFIRE_COVERING_TWO_INCIDENTS = """
            {"command":"ReportIncident","incidentId":"inc-a","location":"Border posts","attackers":["AFG","TTP"],"defenders":["PAK"],"description":"attack on posts","occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"ReportIncident","incidentId":"inc-b","location":"Kurram","attackers":["PAK"],"defenders":["AFG"],"description":"air strikes","occurredAt":"2025-10-14","source":"Tolo News"}
            {"command":"OpenRound","negotiationId":"talks","round":1,"parties":["PAK","AFG"],"mediators":["QAT"],"venue":"Doha","occurredAt":"2025-10-18","source":"Radio Pakistan","actor":"analyst"}
            {"command":"DeclareCeasefire","negotiationId":"talks","effectiveFrom":"2025-10-19T06:00:00+03:00","terms":"ceasefire during the talks","coversIncidents":["inc-a","inc-b"],"occurredAt":"2025-10-19","source":"Radio Pakistan"}
            {"command":"ReportViolation","incidentId":"inc-a","by":"TTP","description":"attack on a post","occurredAt":"2025-10-20","source":"ISPR"}
            {"command":"RecordStrike","incidentId":"inc-b","by":"PAK","targets":["Paktika"],"description":"strike at the ceasefire","occurredAt":"2025-10-19T03:00:00Z","source":"Tolo News"}
            {"command":"RecordStrike","incidentId":"inc-a","by":"AFG","targets":["Chaman"],"description":"strike after the ceasefire","occurredAt":"2025-10-25","source":"ISPR"}
            {"command":"RecordStrike","incidentId":"inc-b","by":"PAK","targets":["Khost"],"description":"strike just before the ceasefire","occurredAt":"2025-10-19T02:59:59Z","source":"Tolo News"}
            """;

    private static final String EFFECTIVE_FROM = "2025-10-19T03:00:00Z";

    @TempDir
    Path directory;

    private String runTwoIncidentCeasefire(String... options) {
        String store = storeUrl(directory);
        Path file = write(directory, "ceasefire.ndjson", CEASEFIRE_COVERING_TWO_INCIDENTS);
        List<String> args = new ArrayList<>(List.of("run", "--store", store));
        args.addAll(List.of(options));
        args.add(file.toString());
        Cli.Result run = parley(args.toArray(String[]::new));
        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(2);
        assertThat(run.rejectionLines()).hasSize(2);
        assertThat(run.rejectionLines().get(0)).startsWith("line 6: RecordStrike: CEASEFIRE_IN_FORCE: ");
        assertThat(run.rejectionLines().get(1)).startsWith("line 7: RecordStrike: CEASEFIRE_IN_FORCE: ");
        return store;
    }

    @Test
    void aNegotiationCeasefirePutsBothCoveredIncidentsUnderCeasefireBeforeTheNextLine() {
        String store = runTwoIncidentCeasefire();

        JsonNode status = status(store);
        JsonNode talks = status.get("negotiations").get(0);
        assertThat(talks.get("ceasefireInForce").booleanValue()).isTrue();
        assertThat(talks.get("ceasefireEffectiveFrom").textValue()).isEqualTo(EFFECTIVE_FROM);
        JsonNode violated = incident(status, "inc-a");
        assertThat(violated.get("status").textValue()).isEqualTo("VIOLATED");
        assertThat(violated.get("ceasefireEffectiveFrom").textValue()).isEqualTo(EFFECTIVE_FROM);
        assertThat(violated.get("violations").intValue()).isEqualTo(1);
        assertThat(violated.get("strikes")).isEmpty();
        JsonNode underCeasefire = incident(status, "inc-b");
        assertThat(underCeasefire.get("status").textValue()).isEqualTo("CEASEFIRE");
        assertThat(underCeasefire.get("ceasefireEffectiveFrom").textValue()).isEqualTo(EFFECTIVE_FROM);
        assertThat(underCeasefire.get("violations").intValue()).isZero();
        assertThat(underCeasefire.get("strikes")).singleElement()
                                                 .satisfies(strike -> assertThat(strike.get("occurredAt").textValue())
                                                         .isEqualTo("2025-10-19T02:59:59Z"));

        assertThat(eventTypes(store, "inc-a")).containsExactly("IncidentReported", "CeasefireDeclared",
                                                               "CeasefireViolated");
        assertThat(eventTypes(store, "inc-b")).containsExactly("IncidentReported", "CeasefireDeclared",
                                                               "StrikeRecorded");
    }

    @Test
    void thePropagatedCeasefireHasTheSameEffectiveFromAndSourceAndLinksTheNegotiation() {
        String store = runTwoIncidentCeasefire();

        for (String incident : List.of("inc-a", "inc-b")) {
            var ceasefire = (dev.parley.incident.api.CeasefireDeclaredEvent) propagated(store, incident).getPayload();
            assertThat(ceasefire.incidentId()).isEqualTo(new IncidentId(incident));
            assertThat(ceasefire.effectiveFrom()).isEqualTo(Instant.parse(EFFECTIVE_FROM));
            assertThat(ceasefire.source()).isEqualTo("Radio Pakistan");
            assertThat(ceasefire.negotiationId()).isEqualTo(new NegotiationId("talks"));
        }
    }

    @Test
    void thePropagatedEventIsCausedByTheNegotiationEventAndSharesItsCorrelation() {
        String store = runTwoIncidentCeasefire("--actor", "tester");
        DomainEventMessage<?> declared = negotiationCeasefire(store);
        Object correlation = declared.getMetaData().get(CORRELATION_ID);
        assertThat(correlation).isNotNull();

        DomainEventMessage<?> first = propagated(store, "inc-a");
        DomainEventMessage<?> second = propagated(store, "inc-b");

        for (DomainEventMessage<?> event : List.of(first, second)) {
            assertThat(event.getMetaData().get(CAUSATION_ID)).isEqualTo(declared.getIdentifier());
            assertThat(event.getMetaData().get(CORRELATION_ID)).isEqualTo(correlation);
        }
        assertThat(first.getIdentifier()).isNotEqualTo(second.getIdentifier());
    }

    @Test
    void eventsOfUserEnteredCommandsHaveTheirOwnCorrelationNoCausationAndTheirActor() {
        String store = runTwoIncidentCeasefire("--actor", "tester");
        DomainEventMessage<?> propagatedToA = propagated(store, "inc-a");
        DomainEventMessage<?> propagatedToB = propagated(store, "inc-b");

        List<DomainEventMessage<?>> entered = new ArrayList<>();
        for (String id : List.of("inc-a", "inc-b", "talks")) {
            events(store, id).stream()
                             .filter(event -> !event.getIdentifier().equals(propagatedToA.getIdentifier())
                                     && !event.getIdentifier().equals(propagatedToB.getIdentifier()))
                             .forEach(entered::add);
        }

        assertThat(entered).as("one event per accepted line").hasSize(6);
        Set<Object> correlations = new HashSet<>();
        for (DomainEventMessage<?> event : entered) {
            String what = event.getPayloadType().getSimpleName() + " of " + event.getAggregateIdentifier();
            assertThat(event.getMetaData().get(CORRELATION_ID)).as("correlationId of %s", what).isNotNull();
            assertThat(event.getMetaData()).as("metadata of %s", what).doesNotContainKey(CAUSATION_ID);
            String expectedActor = event.getPayload() instanceof dev.parley.negotiation.api.RoundOpenedEvent
                    ? "analyst" : "tester";
            assertThat(event.getMetaData().get(ACTOR)).as("actor of %s", what).isEqualTo(expectedActor);
            correlations.add(event.getMetaData().get(CORRELATION_ID));
        }
        assertThat(correlations).as("every entered line is its own correlation").hasSize(entered.size());
    }

    @Test
    void thePropagatedEventCarriesTheActorOfTheNegotiationCommand() {
        String store = runTwoIncidentCeasefire("--actor", "tester");

        assertThat(propagated(store, "inc-a").getMetaData().get(ACTOR)).isEqualTo("tester");
        assertThat(propagated(store, "inc-b").getMetaData().get(ACTOR)).isEqualTo("tester");
    }

    @Test
    void withoutActorOptionTheActorIsTheOperatingSystemUser() {
        String store = runTwoIncidentCeasefire();

        assertThat(events(store, "inc-a").get(0).getMetaData().get(ACTOR))
                .isEqualTo(System.getProperty("user.name"));
        assertThat(negotiationCeasefire(store).getMetaData().get(ACTOR)).isEqualTo(System.getProperty("user.name"));
    }

    @Test
    void theProcessRuleAlsoHoldsInADryRunAndNothingIsWritten() {
        String store = runTwoIncidentCeasefire("--dry-run");

        for (String id : List.of("inc-a", "inc-b", "talks")) {
            assertThat(events(store, id)).as("events of %s", id).isEmpty();
        }
    }

    @Test
    void anIncidentAlreadyUnderItsOwnCeasefireKeepsItsOwnEffectiveFrom() {
        String store = storeUrl(directory);
        Path file = write(directory, "own-ceasefire.ndjson", """
                {"command":"ReportIncident","incidentId":"inc-c","location":"Chaman","attackers":["AFG"],"defenders":["PAK"],"description":"clash","occurredAt":"2025-10-12","source":"ISPR"}
                {"command":"ReportIncident","incidentId":"inc-d","location":"Kurram","attackers":["AFG"],"defenders":["PAK"],"description":"clash","occurredAt":"2025-10-13","source":"ISPR"}
                {"command":"DeclareCeasefire","incidentId":"inc-c","effectiveFrom":"2025-10-15","occurredAt":"2025-10-15","source":"Local commanders"}
                {"command":"OpenRound","negotiationId":"talks","round":1,"parties":["PAK","AFG"],"mediators":["QAT"],"venue":"Doha","occurredAt":"2025-10-18","source":"Radio Pakistan"}
                {"command":"DeclareCeasefire","negotiationId":"talks","effectiveFrom":"2025-10-19","terms":"truce","coversIncidents":["inc-c","inc-d"],"occurredAt":"2025-10-19","source":"Radio Pakistan"}
                {"command":"RecordStrike","incidentId":"inc-c","by":"AFG","targets":["Chaman"],"description":"between the two ceasefires","occurredAt":"2025-10-16","source":"ISPR"}
                {"command":"RecordStrike","incidentId":"inc-d","by":"AFG","targets":["Parachinar"],"description":"before the negotiated ceasefire","occurredAt":"2025-10-16","source":"ISPR"}
                """);

        Cli.Result run = parley("run", "--store", store, file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.rejectionLines()).singleElement().asString()
                                        .startsWith("line 6: RecordStrike: CEASEFIRE_IN_FORCE: ");
        JsonNode status = status(store);
        assertThat(status.get("negotiations").get(0).get("ceasefireInForce").booleanValue()).isTrue();
        assertThat(incident(status, "inc-c").get("ceasefireEffectiveFrom").textValue())
                .isEqualTo("2025-10-15T00:00:00Z");
        assertThat(incident(status, "inc-c").get("status").textValue()).isEqualTo("CEASEFIRE");
        assertThat(incident(status, "inc-d").get("ceasefireEffectiveFrom").textValue())
                .isEqualTo("2025-10-19T00:00:00Z");
        assertThat(incident(status, "inc-d").get("strikes")).hasSize(1);

        assertThat(eventTypes(store, "inc-c")).containsExactly("IncidentReported", "CeasefireDeclared");
        var own = (dev.parley.incident.api.CeasefireDeclaredEvent) events(store, "inc-c").get(1).getPayload();
        assertThat(own.negotiationId()).isNull();
        assertThat(own.source()).isEqualTo("Local commanders");
        assertThat(events(store, "inc-c").get(1).getMetaData()).doesNotContainKey(CAUSATION_ID);
        assertThat(eventTypes(store, "talks")).containsExactly("RoundOpened", "CeasefireDeclared");
    }

    @Test
    void aNegotiationCeasefireCoveringAnUnknownIncidentIsRejectedAndPutsNoIncidentUnderCeasefire() {
        String store = storeUrl(directory);
        Path file = write(directory, "unknown-covered.ndjson", """
                {"command":"ReportIncident","incidentId":"inc-a","location":"Chaman","attackers":["AFG"],"defenders":["PAK"],"description":"clash","occurredAt":"2025-10-12","source":"ISPR"}
                {"command":"OpenRound","negotiationId":"talks","round":1,"parties":["PAK","AFG"],"mediators":[],"venue":"Doha","occurredAt":"2025-10-18","source":"Radio Pakistan"}
                {"command":"DeclareCeasefire","negotiationId":"talks","effectiveFrom":"2025-10-19","terms":"truce","coversIncidents":["inc-a","inc-zz"],"occurredAt":"2025-10-19","source":"Radio Pakistan"}
                {"command":"ReportViolation","incidentId":"inc-a","by":"AFG","description":"no ceasefire to violate","occurredAt":"2025-10-20","source":"ISPR"}
                {"command":"DeclareCeasefire","negotiationId":"talks","effectiveFrom":"2025-10-19","terms":"truce","coversIncidents":["talks"],"occurredAt":"2025-10-19","source":"Radio Pakistan"}
                """);

        Cli.Result run = parley("run", "--store", store, file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.rejectionLines()).hasSize(3);
        assertThat(run.rejectionLines().get(0)).startsWith("line 3: DeclareCeasefire: UNKNOWN_INCIDENT: ");
        assertThat(run.rejectionLines().get(1)).startsWith("line 4: ReportViolation: NO_CEASEFIRE_IN_FORCE: ");
        assertThat(run.rejectionLines().get(2)).as("a negotiation is not an incident to cover")
                                               .startsWith("line 5: DeclareCeasefire: UNKNOWN_INCIDENT: ");
        assertThat(eventTypes(store, "inc-a")).containsExactly("IncidentReported");
        assertThat(eventTypes(store, "talks")).containsExactly("RoundOpened");
        assertThat(events(store, "inc-zz")).isEmpty();
    }

    @Test
    void aCoveredIncidentWithoutACeasefireOfItsOwnNeverEndsUpOutsideTheNegotiatedCeasefire() {
        String store = storeUrl(directory);
        Path file = write(directory, "later-incident.ndjson", """
                {"command":"ReportIncident","incidentId":"inc-late","location":"Chaman","attackers":["AFG"],"defenders":["PAK"],"description":"clash after the agreed date","occurredAt":"2025-10-20","source":"ISPR"}
                {"command":"OpenRound","negotiationId":"talks","round":1,"parties":["PAK","AFG"],"mediators":["QAT"],"venue":"Doha","occurredAt":"2025-10-18","source":"Radio Pakistan"}
                {"command":"DeclareCeasefire","negotiationId":"talks","effectiveFrom":"2025-10-19","terms":"truce","coversIncidents":["inc-late"],"occurredAt":"2025-10-21","source":"Radio Pakistan"}
                """);

        parley("run", "--store", store, file.toString());

        boolean negotiationCovers = eventTypes(store, "talks").contains("CeasefireDeclared");
        boolean incidentUnderCeasefire = eventTypes(store, "inc-late").contains("CeasefireDeclared");
        assertThat(incidentUnderCeasefire)
                .as("the negotiation's ceasefire covering inc-late was %s, so inc-late must %s under ceasefire",
                    negotiationCovers ? "accepted" : "rejected", negotiationCovers ? "be" : "not be")
                .isEqualTo(negotiationCovers);
    }

    @Test
    void throughTheEmbeddingApiTheNextCommandAlreadySeesThePropagatedCeasefire() {
        String store = storeUrl(directory);
        NegotiationId talks = new NegotiationId("talks");
        IncidentId posts = new IncidentId("inc-a");
        Instant oct19 = Instant.parse("2025-10-19T00:00:00Z");
        try (Parley parley = Parley.builder().store(store).readModels(false).build()) {
            parley.commands().sendAndWait(new ReportIncidentCommand(
                    posts, "Border posts", List.of("AFG"), List.of("PAK"), "attack",
                    Instant.parse("2025-10-12T00:00:00Z"), "ISPR"));
            parley.commands().sendAndWait(new OpenRoundCommand(
                    talks, 1, List.of("PAK", "AFG"), List.of("QAT"), "Doha",
                    Instant.parse("2025-10-18T00:00:00Z"), "Radio Pakistan"));
            parley.commands().sendAndWait(new DeclareCeasefireCommand(
                    talks, oct19, "truce", List.of(posts), oct19, "Radio Pakistan"));
            parley.commands().sendAndWait(new ReportViolationCommand(
                    posts, "AFG", "shelling", Instant.parse("2025-10-20T00:00:00Z"), "ISPR"));
        }

        assertThat(eventTypes(store, "inc-a")).containsExactly("IncidentReported", "CeasefireDeclared",
                                                               "CeasefireViolated");
        DomainEventMessage<?> declared = negotiationCeasefire(store);
        DomainEventMessage<?> propagated = propagated(store, "inc-a");
        assertThat(propagated.getMetaData().get(CAUSATION_ID)).isEqualTo(declared.getIdentifier());
        assertThat(propagated.getMetaData().get(CORRELATION_ID))
                .isNotNull()
                .isEqualTo(declared.getMetaData().get(CORRELATION_ID));
    }

    private static DomainEventMessage<?> negotiationCeasefire(String store) {
        return events(store, "talks").stream()
                                     .filter(event -> event.getPayload()
                                             instanceof dev.parley.negotiation.api.CeasefireDeclaredEvent)
                                     .reduce((a, b) -> {
                                         throw new AssertionError("two negotiation ceasefires");
                                     })
                                     .orElseThrow(() -> new AssertionError("no negotiation ceasefire stored"));
    }

    private static DomainEventMessage<?> propagated(String store, String incident) {
        return events(store, incident).stream()
                                      .filter(event -> event.getPayload()
                                              instanceof dev.parley.incident.api.CeasefireDeclaredEvent)
                                      .reduce((a, b) -> {
                                          throw new AssertionError("two ceasefires on " + incident);
                                      })
                                      .orElseThrow(() -> new AssertionError("no ceasefire on " + incident));
    }

    private static JsonNode incident(JsonNode status, String id) {
        for (JsonNode incident : status.get("incidents")) {
            if (incident.get("id").textValue().equals(id)) {
                return incident;
            }
        }
        throw new AssertionError("no incident " + id + " in " + status);
    }
}
