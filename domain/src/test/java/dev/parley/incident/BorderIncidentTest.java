package dev.parley.incident;

import dev.parley.incident.api.CasualtiesRecordedEvent;
import dev.parley.incident.api.CeasefireDeclaredEvent;
import dev.parley.incident.api.CeasefireViolatedEvent;
import dev.parley.incident.api.DeclareCeasefireCommand;
import dev.parley.incident.api.IncidentReportedEvent;
import dev.parley.incident.api.RecordCasualtiesCommand;
import dev.parley.incident.api.RecordStrikeCommand;
import dev.parley.incident.api.ReportIncidentCommand;
import dev.parley.incident.api.ReportViolationCommand;
import dev.parley.incident.api.StrikeRecordedEvent;
import dev.parley.shared.MissingAggregateInterceptor;
import dev.parley.shared.api.DomainRuleException;
import dev.parley.shared.api.IncidentId;
import dev.parley.shared.api.NegotiationId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.parley.shared.RuleMatchers.hasCode;
import static dev.parley.shared.api.ErrorCode.CEASEFIRE_ALREADY_IN_FORCE;
import static dev.parley.shared.api.ErrorCode.CEASEFIRE_IN_FORCE;
import static dev.parley.shared.api.ErrorCode.DUPLICATE_INCIDENT;
import static dev.parley.shared.api.ErrorCode.INVALID_COUNT;
import static dev.parley.shared.api.ErrorCode.NOT_INVOLVED;
import static dev.parley.shared.api.ErrorCode.NO_CEASEFIRE_IN_FORCE;
import static dev.parley.shared.api.ErrorCode.TIME_BEFORE_PREVIOUS;
import static dev.parley.shared.api.ErrorCode.UNKNOWN_INCIDENT;

class BorderIncidentTest {

    private static final IncidentId SPIN_BOLDAK = new IncidentId("spin-boldak-2025-10-15");
    private static final NegotiationId TALKS = new NegotiationId("pak-afg-talks-2025");
    private static final String SOURCE = "ISPR";

    private static final Instant OCT_12 = Instant.parse("2025-10-12T00:00:00Z");
    private static final Instant OCT_15 = Instant.parse("2025-10-15T00:00:00Z");
    private static final Instant OCT_15_NOON = Instant.parse("2025-10-15T12:00:00Z");
    private static final Instant OCT_19 = Instant.parse("2025-10-19T00:00:00Z");
    private static final Instant OCT_22 = Instant.parse("2025-10-22T00:00:00Z");

    private FixtureConfiguration<BorderIncident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BorderIncident.class);
        fixture.registerCommandHandlerInterceptor(new MissingAggregateInterceptor());
    }

    @Test
    void reportCreatesTheIncident() {
        fixture.givenNoPriorActivity()
               .when(new ReportIncidentCommand(SPIN_BOLDAK, "Spin Boldak", List.of("AFG"), List.of("PAK"),
                                               "border posts attacked", OCT_15, SOURCE))
               .expectSuccessfulHandlerExecution()
               .expectEvents(reported());
    }

    @Test
    void cannotReportTheSameIncidentTwice() {
        fixture.given(reported())
               .when(new ReportIncidentCommand(SPIN_BOLDAK, "Chaman", List.of("PAK"), List.of("AFG"),
                                               "retaliation", OCT_15, "Geo News"))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(DUPLICATE_INCIDENT));
    }

    @Test
    void involvedSideRecordsCasualties() {
        fixture.given(reported())
               .when(new RecordCasualtiesCommand(SPIN_BOLDAK, "PAK", 23, 29, OCT_15_NOON, SOURCE))
               .expectEvents(new CasualtiesRecordedEvent(SPIN_BOLDAK, "PAK", 23, 29, OCT_15_NOON, SOURCE));
    }

    @Test
    void woundedDefaultToZero() {
        fixture.given(reported())
               .when(new RecordCasualtiesCommand(SPIN_BOLDAK, "AFG", 9, OCT_15_NOON, SOURCE))
               .expectEvents(new CasualtiesRecordedEvent(SPIN_BOLDAK, "AFG", 9, 0, OCT_15_NOON, SOURCE));
    }

    @Test
    void zeroCasualtiesAreRecorded() {
        fixture.given(reported())
               .when(new RecordCasualtiesCommand(SPIN_BOLDAK, "AFG", 0, 0, OCT_15_NOON, SOURCE))
               .expectEvents(new CasualtiesRecordedEvent(SPIN_BOLDAK, "AFG", 0, 0, OCT_15_NOON, SOURCE));
    }

    @Test
    void lateReportMayPrecedeRecordedEvents() {
        fixture.given(reported(), ceasefireDeclared(OCT_19))
               .when(new RecordCasualtiesCommand(SPIN_BOLDAK, "PAK", 2, 1, OCT_12, SOURCE))
               .expectEvents(new CasualtiesRecordedEvent(SPIN_BOLDAK, "PAK", 2, 1, OCT_12, SOURCE));
    }

    @Test
    void cannotRecordCasualtiesOfUnknownIncident() {
        fixture.givenNoPriorActivity()
               .when(new RecordCasualtiesCommand(SPIN_BOLDAK, "PAK", 23, 29, OCT_15_NOON, SOURCE))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(UNKNOWN_INCIDENT));
    }

    @Test
    void uninvolvedSideCannotRecordCasualties() {
        fixture.given(reported())
               .when(new RecordCasualtiesCommand(SPIN_BOLDAK, "QAT", 1, 0, OCT_15_NOON, SOURCE))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(NOT_INVOLVED));
    }

    @Test
    void cannotRecordNegativeKilled() {
        fixture.given(reported())
               .when(new RecordCasualtiesCommand(SPIN_BOLDAK, "PAK", -1, 0, OCT_15_NOON, SOURCE))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(INVALID_COUNT));
    }

    @Test
    void cannotRecordNegativeWounded() {
        fixture.given(reported())
               .when(new RecordCasualtiesCommand(SPIN_BOLDAK, "PAK", 0, -3, OCT_15_NOON, SOURCE))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(INVALID_COUNT));
    }

    @Test
    void unknownIncidentIsReportedBeforeANegativeCount() {
        fixture.givenNoPriorActivity()
               .when(new RecordCasualtiesCommand(SPIN_BOLDAK, "QAT", -1, -1, OCT_15_NOON, SOURCE))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(UNKNOWN_INCIDENT));
    }

    @Test
    void uninvolvedSideIsReportedBeforeANegativeCount() {
        fixture.given(reported())
               .when(new RecordCasualtiesCommand(SPIN_BOLDAK, "QAT", -1, 0, OCT_15_NOON, SOURCE))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(NOT_INVOLVED));
    }

    @Test
    void involvedSideRecordsStrike() {
        fixture.given(reported())
               .when(strike("PAK", OCT_15_NOON))
               .expectEvents(new StrikeRecordedEvent(SPIN_BOLDAK, "PAK", List.of("Kandahar", "Kabul"),
                                                     "air strikes", OCT_15_NOON, SOURCE));
    }

    @Test
    void strikeBeforeTheCeasefireMayBeReportedLate() {
        fixture.given(reported(), ceasefireDeclared(OCT_19))
               .when(strike("PAK", OCT_15_NOON))
               .expectEvents(new StrikeRecordedEvent(SPIN_BOLDAK, "PAK", List.of("Kandahar", "Kabul"),
                                                     "air strikes", OCT_15_NOON, SOURCE));
    }

    @Test
    void cannotRecordStrikeAtUnknownIncident() {
        fixture.givenNoPriorActivity()
               .when(strike("PAK", OCT_15_NOON))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(UNKNOWN_INCIDENT));
    }

    @Test
    void uninvolvedSideCannotStrike() {
        fixture.given(reported())
               .when(strike("IRN", OCT_15_NOON))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(NOT_INVOLVED));
    }

    @Test
    void strikeWhenTheCeasefireTakesEffectIsAViolation() {
        fixture.given(reported(), ceasefireDeclared(OCT_19))
               .when(strike("PAK", OCT_19))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(CEASEFIRE_IN_FORCE));
    }

    @Test
    void strikeAfterTheCeasefireIsAViolation() {
        fixture.given(reported(), ceasefireDeclared(OCT_19))
               .when(strike("AFG", OCT_22))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(CEASEFIRE_IN_FORCE));
    }

    @Test
    void uninvolvedStrikerIsReportedBeforeTheCeasefire() {
        fixture.given(reported(), ceasefireDeclared(OCT_19))
               .when(strike("IRN", OCT_22))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(NOT_INVOLVED));
    }

    @Test
    void incidentCeasefireMayLinkTheNegotiation() {
        fixture.given(reported())
               .when(new DeclareCeasefireCommand(SPIN_BOLDAK, OCT_19, TALKS, OCT_19, SOURCE))
               .expectEvents(ceasefireDeclared(OCT_19));
    }

    @Test
    void incidentCeasefireNeedsNoNegotiation() {
        fixture.given(reported())
               .when(new DeclareCeasefireCommand(SPIN_BOLDAK, OCT_15_NOON, null, OCT_15_NOON, SOURCE))
               .expectEvents(new CeasefireDeclaredEvent(SPIN_BOLDAK, OCT_15_NOON, null, OCT_15_NOON, SOURCE));
    }

    @Test
    void ceasefireMayTakeEffectWhenTheIncidentHappened() {
        fixture.given(reported())
               .when(new DeclareCeasefireCommand(SPIN_BOLDAK, OCT_15, TALKS, OCT_19, SOURCE))
               .expectEvents(new CeasefireDeclaredEvent(SPIN_BOLDAK, OCT_15, TALKS, OCT_19, SOURCE));
    }

    @Test
    void cannotDeclareCeasefireAtUnknownIncident() {
        fixture.givenNoPriorActivity()
               .when(new DeclareCeasefireCommand(SPIN_BOLDAK, OCT_19, TALKS, OCT_19, SOURCE))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(UNKNOWN_INCIDENT));
    }

    @Test
    void cannotDeclareSecondCeasefireAtIncident() {
        fixture.given(reported(), ceasefireDeclared(OCT_19))
               .when(new DeclareCeasefireCommand(SPIN_BOLDAK, OCT_22, null, OCT_22, SOURCE))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(CEASEFIRE_ALREADY_IN_FORCE));
    }

    @Test
    void violatedCeasefireCannotBeDeclaredAgain() {
        fixture.given(reported(), ceasefireDeclared(OCT_19),
                      new CeasefireViolatedEvent(SPIN_BOLDAK, "AFG", "shelling", OCT_22, SOURCE))
               .when(new DeclareCeasefireCommand(SPIN_BOLDAK, OCT_22, null, OCT_22, SOURCE))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(CEASEFIRE_ALREADY_IN_FORCE));
    }

    @Test
    void cannotDeclareCeasefireBeforeTheIncident() {
        fixture.given(reported())
               .when(new DeclareCeasefireCommand(SPIN_BOLDAK, OCT_12, TALKS, OCT_19, SOURCE))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(TIME_BEFORE_PREVIOUS));
    }

    @Test
    void ceasefireInForceIsReportedBeforeAnEarlyStart() {
        fixture.given(reported(), ceasefireDeclared(OCT_19))
               .when(new DeclareCeasefireCommand(SPIN_BOLDAK, OCT_12, TALKS, OCT_19, SOURCE))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(CEASEFIRE_ALREADY_IN_FORCE));
    }

    @Test
    void involvedSideViolatesTheCeasefire() {
        fixture.given(reported(), ceasefireDeclared(OCT_19))
               .when(new ReportViolationCommand(SPIN_BOLDAK, "AFG", "shelling", OCT_22, SOURCE))
               .expectEvents(new CeasefireViolatedEvent(SPIN_BOLDAK, "AFG", "shelling", OCT_22, SOURCE));
    }

    @Test
    void anotherViolationMayFollowAViolation() {
        fixture.given(reported(), ceasefireDeclared(OCT_19),
                      new CeasefireViolatedEvent(SPIN_BOLDAK, "AFG", "shelling", OCT_22, SOURCE))
               .when(new ReportViolationCommand(SPIN_BOLDAK, "PAK", "drone strike", OCT_22, SOURCE))
               .expectEvents(new CeasefireViolatedEvent(SPIN_BOLDAK, "PAK", "drone strike", OCT_22, SOURCE));
    }

    @Test
    void cannotReportViolationAtUnknownIncident() {
        fixture.givenNoPriorActivity()
               .when(new ReportViolationCommand(SPIN_BOLDAK, "AFG", "shelling", OCT_22, SOURCE))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(UNKNOWN_INCIDENT));
    }

    @Test
    void cannotViolateWithoutCeasefire() {
        fixture.given(reported())
               .when(new ReportViolationCommand(SPIN_BOLDAK, "AFG", "shelling", OCT_22, SOURCE))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(NO_CEASEFIRE_IN_FORCE));
    }

    @Test
    void uninvolvedSideCannotViolate() {
        fixture.given(reported(), ceasefireDeclared(OCT_19))
               .when(new ReportViolationCommand(SPIN_BOLDAK, "TUR", "shelling", OCT_22, SOURCE))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(NOT_INVOLVED));
    }

    @Test
    void missingCeasefireIsReportedBeforeAnUninvolvedSide() {
        fixture.given(reported())
               .when(new ReportViolationCommand(SPIN_BOLDAK, "TUR", "shelling", OCT_22, SOURCE))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(NO_CEASEFIRE_IN_FORCE));
    }

    private static IncidentReportedEvent reported() {
        return new IncidentReportedEvent(SPIN_BOLDAK, "Spin Boldak", List.of("AFG"), List.of("PAK"),
                                         "border posts attacked", OCT_15, SOURCE);
    }

    private static CeasefireDeclaredEvent ceasefireDeclared(Instant effectiveFrom) {
        return new CeasefireDeclaredEvent(SPIN_BOLDAK, effectiveFrom, TALKS, effectiveFrom, SOURCE);
    }

    private static RecordStrikeCommand strike(String by, Instant occurredAt) {
        return new RecordStrikeCommand(SPIN_BOLDAK, by, List.of("Kandahar", "Kabul"), "air strikes", occurredAt,
                                       SOURCE);
    }
}
