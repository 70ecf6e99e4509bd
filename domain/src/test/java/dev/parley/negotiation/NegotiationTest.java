package dev.parley.negotiation;

import dev.parley.negotiation.api.CeasefireDeclaredEvent;
import dev.parley.negotiation.api.CollapseTalksCommand;
import dev.parley.negotiation.api.ConcludeRoundCommand;
import dev.parley.negotiation.api.DeclareCeasefireCommand;
import dev.parley.negotiation.api.FrameworkAcceptedEvent;
import dev.parley.negotiation.api.FrameworkRejectedEvent;
import dev.parley.negotiation.api.FrameworkResponse;
import dev.parley.negotiation.api.FrameworkSubmittedEvent;
import dev.parley.negotiation.api.KnownIncidents;
import dev.parley.negotiation.api.MediationOfferedEvent;
import dev.parley.negotiation.api.OfferMediationCommand;
import dev.parley.negotiation.api.OpenRoundCommand;
import dev.parley.negotiation.api.RespondToFrameworkCommand;
import dev.parley.negotiation.api.RoundConcludedEvent;
import dev.parley.negotiation.api.RoundOpenedEvent;
import dev.parley.negotiation.api.SubmitFrameworkCommand;
import dev.parley.negotiation.api.TalksCollapsedEvent;
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
import java.util.Optional;

import static dev.parley.negotiation.api.FrameworkResponse.ACCEPTED;
import static dev.parley.negotiation.api.FrameworkResponse.REJECTED;
import static dev.parley.shared.RuleMatchers.hasCode;
import static dev.parley.shared.api.ErrorCode.ALREADY_RESPONDED;
import static dev.parley.shared.api.ErrorCode.CEASEFIRE_ALREADY_IN_FORCE;
import static dev.parley.shared.api.ErrorCode.DUPLICATE_FRAMEWORK;
import static dev.parley.shared.api.ErrorCode.INVALID_COMMAND;
import static dev.parley.shared.api.ErrorCode.MEDIATOR_IS_PARTY;
import static dev.parley.shared.api.ErrorCode.NOT_A_PARTY;
import static dev.parley.shared.api.ErrorCode.NO_OPEN_ROUND;
import static dev.parley.shared.api.ErrorCode.ROUND_ALREADY_OPEN;
import static dev.parley.shared.api.ErrorCode.ROUND_OUT_OF_SEQUENCE;
import static dev.parley.shared.api.ErrorCode.TIME_BEFORE_PREVIOUS;
import static dev.parley.shared.api.ErrorCode.UNKNOWN_FRAMEWORK;
import static dev.parley.shared.api.ErrorCode.UNKNOWN_INCIDENT;
import static dev.parley.shared.api.ErrorCode.UNKNOWN_NEGOTIATION;

class NegotiationTest {

    private static final NegotiationId TALKS = new NegotiationId("pak-afg-talks-2025");
    private static final List<String> PARTIES = List.of("PAK", "AFG");
    private static final String SOURCE = "Radio Pakistan";

    private static final Instant OCT_12 = Instant.parse("2025-10-12T00:00:00Z");
    private static final Instant OCT_17 = Instant.parse("2025-10-17T00:00:00Z");
    private static final Instant OCT_18 = Instant.parse("2025-10-18T00:00:00Z");
    private static final Instant OCT_19 = Instant.parse("2025-10-19T00:00:00Z");
    private static final Instant OCT_25 = Instant.parse("2025-10-25T00:00:00Z");
    private static final Instant OCT_28 = Instant.parse("2025-10-28T00:00:00Z");

    private static final IncidentId SPIN_BOLDAK = new IncidentId("spin-boldak-2025-10-15");
    private static final Instant SPIN_BOLDAK_BEGAN = Instant.parse("2025-10-15T00:00:00Z");
    private static final IncidentId NEVER_REPORTED = new IncidentId("kurram-2025-10-20");

    private FixtureConfiguration<Negotiation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Negotiation.class);
        fixture.registerCommandHandlerInterceptor(new MissingAggregateInterceptor());
        fixture.registerInjectableResource((KnownIncidents) incident -> SPIN_BOLDAK.equals(incident)
                ? Optional.of(SPIN_BOLDAK_BEGAN) : Optional.empty());
    }

    @Test
    void firstRoundCreatesTheNegotiation() {
        fixture.givenNoPriorActivity()
               .when(openRound(1, PARTIES, List.of("QAT"), "Doha", OCT_18))
               .expectSuccessfulHandlerExecution()
               .expectEvents(dohaOpened());
    }

    @Test
    void laterRoundWithoutPartiesKeepsTheNegotiationsParties() {
        fixture.given(dohaOpened(), dohaConcluded())
               .when(openRound(2, null, List.of("TUR", "QAT"), "Istanbul", OCT_25))
               .expectEvents(istanbulOpened());
    }

    @Test
    void laterRoundMayRepeatThePartiesInAnyOrder() {
        fixture.given(dohaOpened(), dohaConcluded())
               .when(openRound(2, List.of("AFG", "PAK"), List.of("TUR", "QAT"), "Istanbul", OCT_25))
               .expectEvents(istanbulOpened());
    }

    @Test
    void cannotOpenLaterRoundWithOtherParties() {
        fixture.given(dohaOpened(), dohaConcluded())
               .when(openRound(2, List.of("PAK", "IRN"), List.of("TUR"), "Istanbul", OCT_25))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(INVALID_COMMAND));
    }

    @Test
    void talksReopenAfterCollapse() {
        fixture.given(dohaOpened(), dohaCollapsed())
               .when(openRound(2, null, List.of("TUR", "QAT"), "Istanbul", OCT_25))
               .expectEvents(istanbulOpened());
    }

    @Test
    void cannotOpenLaterRoundOfUnknownNegotiation() {
        fixture.givenNoPriorActivity()
               .when(openRound(2, PARTIES, List.of("TUR"), "Istanbul", OCT_25))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(UNKNOWN_NEGOTIATION));
    }

    @Test
    void cannotSkipARound() {
        fixture.given(dohaOpened(), dohaConcluded())
               .when(openRound(3, null, List.of("TUR"), "Istanbul", OCT_25))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(ROUND_OUT_OF_SEQUENCE));
    }

    @Test
    void cannotOpenTheFirstRoundTwice() {
        fixture.given(dohaOpened(), dohaConcluded())
               .when(openRound(1, PARTIES, List.of("QAT"), "Doha", OCT_25))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(ROUND_OUT_OF_SEQUENCE));
    }

    @Test
    void cannotOpenRoundWhileAnotherIsOpen() {
        fixture.given(dohaOpened())
               .when(openRound(2, null, List.of("TUR"), "Istanbul", OCT_25))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(ROUND_ALREADY_OPEN));
    }

    @Test
    void cannotOpenFirstRoundMediatedByAParty() {
        fixture.givenNoPriorActivity()
               .when(openRound(1, PARTIES, List.of("QAT", "PAK"), "Doha", OCT_18))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(MEDIATOR_IS_PARTY));
    }

    @Test
    void cannotOpenLaterRoundMediatedByAParty() {
        fixture.given(dohaOpened(), dohaConcluded())
               .when(openRound(2, null, List.of("AFG"), "Istanbul", OCT_25))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(MEDIATOR_IS_PARTY));
    }

    @Test
    void laterRoundMayOpenAtTheSameMomentAsThePrevious() {
        fixture.given(dohaOpened(), dohaConcluded())
               .when(openRound(2, null, List.of("QAT"), "Doha", OCT_18))
               .expectEvents(new RoundOpenedEvent(TALKS, 2, PARTIES, List.of("QAT"), "Doha", OCT_18, SOURCE));
    }

    @Test
    void cannotOpenRoundBeforeThePreviousRoundOpened() {
        fixture.given(dohaOpened(), dohaConcluded())
               .when(openRound(2, null, List.of("TUR"), "Istanbul", OCT_17))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(TIME_BEFORE_PREVIOUS));
    }

    @Test
    void unknownNegotiationIsReportedBeforeTheRoundSequence() {
        fixture.givenNoPriorActivity()
               .when(openRound(3, PARTIES, List.of("PAK"), "Istanbul", OCT_25))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(UNKNOWN_NEGOTIATION));
    }

    @Test
    void otherPartiesAreReportedBeforeTheRoundSequence() {
        fixture.given(dohaOpened())
               .when(openRound(3, List.of("PAK", "IRN"), List.of("AFG"), "Istanbul", OCT_12))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(INVALID_COMMAND));
    }

    @Test
    void roundSequenceIsReportedBeforeAnOpenRound() {
        fixture.given(dohaOpened())
               .when(openRound(3, null, List.of("AFG"), "Istanbul", OCT_12))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(ROUND_OUT_OF_SEQUENCE));
    }

    @Test
    void openRoundIsReportedBeforeAMediatingParty() {
        fixture.given(dohaOpened())
               .when(openRound(2, null, List.of("AFG"), "Istanbul", OCT_12))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(ROUND_ALREADY_OPEN));
    }

    @Test
    void mediatingPartyIsReportedBeforeAnEarlyOpening() {
        fixture.given(dohaOpened(), dohaConcluded())
               .when(openRound(2, null, List.of("AFG"), "Istanbul", OCT_12))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(MEDIATOR_IS_PARTY));
    }

    @Test
    void partySubmitsFrameworkInTheOpenRound() {
        fixture.given(dohaOpened())
               .when(submit("doha-framework", "PAK"))
               .expectEvents(new FrameworkSubmittedEvent(TALKS, 1, "doha-framework", "PAK", "Doha framework",
                                                         List.of("halt cross-border attacks", "verify"),
                                                         OCT_19, SOURCE));
    }

    @Test
    void cannotSubmitFrameworkToUnknownNegotiation() {
        fixture.givenNoPriorActivity()
               .when(submit("doha-framework", "PAK"))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(UNKNOWN_NEGOTIATION));
    }

    @Test
    void cannotSubmitFrameworkWithoutOpenRound() {
        fixture.given(dohaOpened(), dohaConcluded())
               .when(submit("doha-framework", "PAK"))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(NO_OPEN_ROUND));
    }

    @Test
    void cannotSubmitFrameworkAfterCollapse() {
        fixture.given(dohaOpened(), dohaCollapsed())
               .when(submit("doha-framework", "PAK"))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(NO_OPEN_ROUND));
    }

    @Test
    void mediatorCannotSubmitFramework() {
        fixture.given(dohaOpened())
               .when(submit("doha-framework", "QAT"))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(NOT_A_PARTY));
    }

    @Test
    void cannotSubmitTheSameFrameworkTwice() {
        fixture.given(dohaOpened(), frameworkSubmitted(1, "doha-framework", "PAK"))
               .when(submit("doha-framework", "AFG"))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(DUPLICATE_FRAMEWORK));
    }

    @Test
    void cannotReuseFrameworkIdOfAnEarlierRound() {
        fixture.given(dohaOpened(), frameworkSubmitted(1, "doha-framework", "PAK"), dohaConcluded(),
                      istanbulOpened())
               .when(submit("doha-framework", "AFG"))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(DUPLICATE_FRAMEWORK));
    }

    @Test
    void submissionToClosedRoundIsRejectedBeforeItsNonPartySubmitter() {
        fixture.given(dohaOpened(), dohaConcluded())
               .when(submit("doha-framework", "QAT"))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(NO_OPEN_ROUND));
    }

    @Test
    void nonPartySubmitterIsReportedBeforeADuplicateFramework() {
        fixture.given(dohaOpened(), frameworkSubmitted(1, "doha-framework", "PAK"))
               .when(submit("doha-framework", "QAT"))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(NOT_A_PARTY));
    }

    @Test
    void otherPartyAcceptsFramework() {
        fixture.given(dohaOpened(), frameworkSubmitted(1, "doha-framework", "PAK"))
               .when(respond("doha-framework", "AFG", ACCEPTED))
               .expectEvents(new FrameworkAcceptedEvent(TALKS, "doha-framework", "AFG", OCT_19, SOURCE));
    }

    @Test
    void otherPartyRejectsFramework() {
        fixture.given(dohaOpened(), frameworkSubmitted(1, "doha-framework", "PAK"))
               .when(respond("doha-framework", "AFG", REJECTED))
               .expectEvents(new FrameworkRejectedEvent(TALKS, "doha-framework", "AFG", OCT_19, SOURCE));
    }

    @Test
    void cannotRespondInUnknownNegotiation() {
        fixture.givenNoPriorActivity()
               .when(respond("doha-framework", "AFG", ACCEPTED))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(UNKNOWN_NEGOTIATION));
    }

    @Test
    void cannotRespondWithoutOpenRound() {
        fixture.given(dohaOpened(), frameworkSubmitted(1, "doha-framework", "PAK"), dohaConcluded())
               .when(respond("doha-framework", "AFG", ACCEPTED))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(NO_OPEN_ROUND));
    }

    @Test
    void cannotRespondToUnknownFramework() {
        fixture.given(dohaOpened(), frameworkSubmitted(1, "doha-framework", "PAK"))
               .when(respond("istanbul-framework", "AFG", ACCEPTED))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(UNKNOWN_FRAMEWORK));
    }

    @Test
    void mediatorCannotRespond() {
        fixture.given(dohaOpened(), frameworkSubmitted(1, "doha-framework", "PAK"))
               .when(respond("doha-framework", "QAT", ACCEPTED))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(NOT_A_PARTY));
    }

    @Test
    void submitterCannotRespondToOwnFramework() {
        fixture.given(dohaOpened(), frameworkSubmitted(1, "doha-framework", "PAK"))
               .when(respond("doha-framework", "PAK", ACCEPTED))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(NOT_A_PARTY));
    }

    @Test
    void partyCannotRespondTwiceToAFramework() {
        fixture.given(dohaOpened(), frameworkSubmitted(1, "doha-framework", "PAK"),
                      new FrameworkAcceptedEvent(TALKS, "doha-framework", "AFG", OCT_19, SOURCE))
               .when(respond("doha-framework", "AFG", REJECTED))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(ALREADY_RESPONDED));
    }

    @Test
    void partyCannotRespondAgainAfterRejecting() {
        fixture.given(dohaOpened(), frameworkSubmitted(1, "doha-framework", "PAK"),
                      new FrameworkRejectedEvent(TALKS, "doha-framework", "AFG", OCT_19, SOURCE))
               .when(respond("doha-framework", "AFG", ACCEPTED))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(ALREADY_RESPONDED));
    }

    @Test
    void responseInClosedRoundIsRejectedBeforeItsUnknownFramework() {
        fixture.given(dohaOpened(), dohaConcluded())
               .when(respond("doha-framework", "QAT", ACCEPTED))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(NO_OPEN_ROUND));
    }

    @Test
    void unknownFrameworkIsReportedBeforeANonPartyResponding() {
        fixture.given(dohaOpened())
               .when(respond("doha-framework", "QAT", ACCEPTED))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(UNKNOWN_FRAMEWORK));
    }

    @Test
    void openRoundDeclaresCeasefireOverKnownIncidents() {
        fixture.given(dohaOpened())
               .when(declareCeasefire(List.of(SPIN_BOLDAK)))
               .expectEvents(ceasefireDeclared(List.of(SPIN_BOLDAK)));
    }

    @Test
    void ceasefireMayBeginTheMomentACoveredIncidentBegan() {
        fixture.given(dohaOpened())
               .when(new DeclareCeasefireCommand(TALKS, SPIN_BOLDAK_BEGAN, "immediate ceasefire",
                                                 List.of(SPIN_BOLDAK), OCT_19, SOURCE))
               .expectEvents(new CeasefireDeclaredEvent(TALKS, 1, SPIN_BOLDAK_BEGAN, "immediate ceasefire",
                                                        List.of(SPIN_BOLDAK), OCT_19, SOURCE));
    }

    @Test
    void cannotDeclareCeasefireBeginningBeforeACoveredIncidentBegan() {
        fixture.given(dohaOpened())
               .when(new DeclareCeasefireCommand(TALKS, SPIN_BOLDAK_BEGAN.minusSeconds(1), "immediate ceasefire",
                                                 List.of(SPIN_BOLDAK), OCT_19, SOURCE))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(TIME_BEFORE_PREVIOUS));
    }

    @Test
    void ceasefireMayCoverNoIncident() {
        fixture.given(dohaOpened())
               .when(declareCeasefire(List.of()))
               .expectEvents(ceasefireDeclared(List.of()));
    }

    @Test
    void cannotDeclareCeasefireInUnknownNegotiation() {
        fixture.givenNoPriorActivity()
               .when(declareCeasefire(List.of(SPIN_BOLDAK)))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(UNKNOWN_NEGOTIATION));
    }

    @Test
    void cannotDeclareCeasefireWithoutOpenRound() {
        fixture.given(dohaOpened(), dohaConcluded())
               .when(declareCeasefire(List.of(SPIN_BOLDAK)))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(NO_OPEN_ROUND));
    }

    @Test
    void cannotDeclareSecondCeasefireInNegotiation() {
        fixture.given(dohaOpened(), ceasefireDeclared(List.of(SPIN_BOLDAK)))
               .when(declareCeasefire(List.of()))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(CEASEFIRE_ALREADY_IN_FORCE));
    }

    @Test
    void ceasefireStaysInForceAfterCollapse() {
        fixture.given(dohaOpened(), ceasefireDeclared(List.of(SPIN_BOLDAK)), dohaCollapsed(), istanbulOpened())
               .when(declareCeasefire(List.of()))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(CEASEFIRE_ALREADY_IN_FORCE));
    }

    @Test
    void cannotCoverAnIncidentThatWasNeverReported() {
        fixture.given(dohaOpened())
               .when(declareCeasefire(List.of(SPIN_BOLDAK, NEVER_REPORTED)))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(UNKNOWN_INCIDENT));
    }

    @Test
    void ceasefireInClosedRoundIsRejectedBeforeItsUnknownIncident() {
        fixture.given(dohaOpened(), dohaConcluded())
               .when(declareCeasefire(List.of(NEVER_REPORTED)))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(NO_OPEN_ROUND));
    }

    @Test
    void ceasefireInForceIsReportedBeforeAnUnknownIncident() {
        fixture.given(dohaOpened(), ceasefireDeclared(List.of(SPIN_BOLDAK)))
               .when(declareCeasefire(List.of(NEVER_REPORTED)))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(CEASEFIRE_ALREADY_IN_FORCE));
    }

    @Test
    void openRoundConcludesWithOutcome() {
        fixture.given(dohaOpened())
               .when(new ConcludeRoundCommand(TALKS, "ceasefire agreed", OCT_19, SOURCE))
               .expectEvents(dohaConcluded());
    }

    @Test
    void cannotConcludeRoundOfUnknownNegotiation() {
        fixture.givenNoPriorActivity()
               .when(new ConcludeRoundCommand(TALKS, "ceasefire agreed", OCT_19, SOURCE))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(UNKNOWN_NEGOTIATION));
    }

    @Test
    void cannotConcludeRoundTwice() {
        fixture.given(dohaOpened(), dohaConcluded())
               .when(new ConcludeRoundCommand(TALKS, "follow-up in Istanbul", OCT_19, SOURCE))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(NO_OPEN_ROUND));
    }

    @Test
    void cannotConcludeCollapsedRound() {
        fixture.given(dohaOpened(), dohaCollapsed())
               .when(new ConcludeRoundCommand(TALKS, "ceasefire agreed", OCT_19, SOURCE))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(NO_OPEN_ROUND));
    }

    @Test
    void openRoundCollapsesWithReason() {
        fixture.given(dohaOpened())
               .when(new CollapseTalksCommand(TALKS, "delegations walked out", OCT_19, SOURCE))
               .expectEvents(dohaCollapsed());
    }

    @Test
    void collapseKeepsTheCeasefireInForce() {
        fixture.given(dohaOpened(), ceasefireDeclared(List.of(SPIN_BOLDAK)))
               .when(new CollapseTalksCommand(TALKS, "delegations walked out", OCT_19, SOURCE))
               .expectEvents(dohaCollapsed());
    }

    @Test
    void cannotCollapseTalksOfUnknownNegotiation() {
        fixture.givenNoPriorActivity()
               .when(new CollapseTalksCommand(TALKS, "delegations walked out", OCT_19, SOURCE))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(UNKNOWN_NEGOTIATION));
    }

    @Test
    void cannotCollapseWithoutOpenRound() {
        fixture.given(dohaOpened(), dohaCollapsed())
               .when(new CollapseTalksCommand(TALKS, "delegations walked out", OCT_19, SOURCE))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(NO_OPEN_ROUND));
    }

    @Test
    void nonPartyOffersMediation() {
        fixture.given(dohaOpened(), dohaCollapsed())
               .when(new OfferMediationCommand(TALKS, "IRN", OCT_28, "IRNA"))
               .expectEvents(new MediationOfferedEvent(TALKS, "IRN", OCT_28, "IRNA"));
    }

    @Test
    void cannotOfferMediationInUnknownNegotiation() {
        fixture.givenNoPriorActivity()
               .when(new OfferMediationCommand(TALKS, "IRN", OCT_28, "IRNA"))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(UNKNOWN_NEGOTIATION));
    }

    @Test
    void partyCannotOfferMediation() {
        fixture.given(dohaOpened())
               .when(new OfferMediationCommand(TALKS, "AFG", OCT_28, "IRNA"))
               .expectNoEvents()
               .expectException(DomainRuleException.class)
               .expectException(hasCode(MEDIATOR_IS_PARTY));
    }

    private static OpenRoundCommand openRound(int round, List<String> parties, List<String> mediators, String venue,
                                              Instant occurredAt) {
        return new OpenRoundCommand(TALKS, round, parties, mediators, venue, occurredAt, SOURCE);
    }

    private static SubmitFrameworkCommand submit(String frameworkId, String submittedBy) {
        return new SubmitFrameworkCommand(TALKS, frameworkId, submittedBy, "Doha framework",
                                          List.of("halt cross-border attacks", "verify"), OCT_19, SOURCE);
    }

    private static RespondToFrameworkCommand respond(String frameworkId, String party, FrameworkResponse response) {
        return new RespondToFrameworkCommand(TALKS, frameworkId, party, response, OCT_19, SOURCE);
    }

    private static DeclareCeasefireCommand declareCeasefire(List<IncidentId> covered) {
        return new DeclareCeasefireCommand(TALKS, OCT_19, "immediate ceasefire", covered, OCT_19, SOURCE);
    }

    private static RoundOpenedEvent dohaOpened() {
        return new RoundOpenedEvent(TALKS, 1, PARTIES, List.of("QAT"), "Doha", OCT_18, SOURCE);
    }

    private static RoundConcludedEvent dohaConcluded() {
        return new RoundConcludedEvent(TALKS, 1, "ceasefire agreed", OCT_19, SOURCE);
    }

    private static TalksCollapsedEvent dohaCollapsed() {
        return new TalksCollapsedEvent(TALKS, 1, "delegations walked out", OCT_19, SOURCE);
    }

    private static RoundOpenedEvent istanbulOpened() {
        return new RoundOpenedEvent(TALKS, 2, PARTIES, List.of("TUR", "QAT"), "Istanbul", OCT_25, SOURCE);
    }

    private static FrameworkSubmittedEvent frameworkSubmitted(int round, String frameworkId, String submittedBy) {
        return new FrameworkSubmittedEvent(TALKS, round, frameworkId, submittedBy, "Doha framework",
                                           List.of("halt cross-border attacks", "verify"), OCT_19, SOURCE);
    }

    private static CeasefireDeclaredEvent ceasefireDeclared(List<IncidentId> covered) {
        return new CeasefireDeclaredEvent(TALKS, 1, OCT_19, "immediate ceasefire", covered, OCT_19, SOURCE);
    }
}
