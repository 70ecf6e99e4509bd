package dev.parley.negotiation.api;

import dev.parley.shared.api.DomainRuleException;
import dev.parley.shared.api.IncidentId;
import dev.parley.shared.api.NegotiationId;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static dev.parley.shared.RuleAssertions.withCode;
import static dev.parley.shared.api.ErrorCode.INVALID_COMMAND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NegotiationCommandFieldsTest {

    private static final NegotiationId TALKS = new NegotiationId("pak-afg-talks-2025");
    private static final List<String> PARTIES = List.of("PAK", "AFG");
    private static final Instant OCT_18 = Instant.parse("2025-10-18T00:00:00Z");
    private static final String SOURCE = "Radio Pakistan";
    private static final IncidentId SPIN_BOLDAK = new IncidentId("spin-boldak-2025-10-15");

    @Test
    void negotiationIdMayNotBeBlank() {
        assertThatThrownBy(() -> new NegotiationId(" "))
                .isInstanceOfSatisfying(DomainRuleException.class, withCode(INVALID_COMMAND));
    }

    @Test
    void negotiationIdReadsAsItsValue() {
        assertThat(TALKS).hasToString("pak-afg-talks-2025");
    }

    @Test
    void roundMustBeOneOrMore() {
        assertThatThrownBy(() -> new OpenRoundCommand(TALKS, 0, PARTIES, List.of(), "Doha", OCT_18, SOURCE))
                .isInstanceOfSatisfying(DomainRuleException.class, withCode(INVALID_COMMAND));
    }

    @Test
    void firstRoundNeedsParties() {
        assertThatThrownBy(() -> new OpenRoundCommand(TALKS, 1, null, List.of(), "Doha", OCT_18, SOURCE))
                .isInstanceOfSatisfying(DomainRuleException.class, withCode(INVALID_COMMAND));
    }

    @Test
    void firstRoundNeedsTwoParties() {
        assertThatThrownBy(() -> new OpenRoundCommand(TALKS, 1, List.of("PAK"), List.of(), "Doha", OCT_18, SOURCE))
                .isInstanceOfSatisfying(DomainRuleException.class, withCode(INVALID_COMMAND));
    }

    @Test
    void firstRoundNeedsDistinctParties() {
        assertThatThrownBy(() -> new OpenRoundCommand(TALKS, 1, List.of("PAK", "PAK"), List.of(), "Doha", OCT_18,
                                                      SOURCE))
                .isInstanceOfSatisfying(DomainRuleException.class, withCode(INVALID_COMMAND));
    }

    @Test
    void partiesMayNotBeBlank() {
        assertThatThrownBy(() -> new OpenRoundCommand(TALKS, 1, List.of("PAK", " "), List.of(), "Doha", OCT_18,
                                                      SOURCE))
                .isInstanceOfSatisfying(DomainRuleException.class, withCode(INVALID_COMMAND));
    }

    @Test
    void laterRoundMayOmitParties() {
        OpenRoundCommand command = new OpenRoundCommand(TALKS, 2, null, List.of("TUR"), "Istanbul", OCT_18, SOURCE);

        assertThat(command.parties()).isNull();
    }

    @Test
    void laterRoundNamingPartiesNeedsTwo() {
        assertThatThrownBy(() -> new OpenRoundCommand(TALKS, 2, List.of("PAK"), List.of(), "Istanbul", OCT_18,
                                                      SOURCE))
                .isInstanceOfSatisfying(DomainRuleException.class, withCode(INVALID_COMMAND));
    }

    @Test
    void laterRoundNamingPartiesNeedsDistinctOnes() {
        assertThatThrownBy(() -> new OpenRoundCommand(TALKS, 2, List.of("PAK", "AFG", "AFG"), List.of(), "Istanbul",
                                                      OCT_18, SOURCE))
                .isInstanceOfSatisfying(DomainRuleException.class, withCode(INVALID_COMMAND));
    }

    @Test
    void mediatorsMayBeEmptyButNotMissing() {
        assertThat(new OpenRoundCommand(TALKS, 1, PARTIES, List.of(), "Doha", OCT_18, SOURCE).mediators()).isEmpty();
        assertThatThrownBy(() -> new OpenRoundCommand(TALKS, 1, PARTIES, null, "Doha", OCT_18, SOURCE))
                .isInstanceOfSatisfying(DomainRuleException.class, withCode(INVALID_COMMAND));
    }

    @Test
    void venueIsRequired() {
        assertThatThrownBy(() -> new OpenRoundCommand(TALKS, 1, PARTIES, List.of(), "", OCT_18, SOURCE))
                .isInstanceOfSatisfying(DomainRuleException.class, withCode(INVALID_COMMAND));
    }

    @Test
    void provisionsMayBeEmptyButNotMissing() {
        assertThat(new SubmitFrameworkCommand(TALKS, "f1", "PAK", "Doha framework", List.of(), OCT_18, SOURCE)
                           .provisions()).isEmpty();
        assertThatThrownBy(() -> new SubmitFrameworkCommand(TALKS, "f1", "PAK", "Doha framework", null, OCT_18,
                                                            SOURCE))
                .isInstanceOfSatisfying(DomainRuleException.class, withCode(INVALID_COMMAND));
    }

    @Test
    void provisionsMayNotBeBlank() {
        assertThatThrownBy(() -> new SubmitFrameworkCommand(TALKS, "f1", "PAK", "Doha framework", List.of(" "),
                                                            OCT_18, SOURCE))
                .isInstanceOfSatisfying(DomainRuleException.class, withCode(INVALID_COMMAND));
    }

    @Test
    void responseIsRequired() {
        assertThatThrownBy(() -> new RespondToFrameworkCommand(TALKS, "f1", "AFG", null, OCT_18, SOURCE))
                .isInstanceOfSatisfying(DomainRuleException.class, withCode(INVALID_COMMAND));
    }

    @Test
    void coveredIncidentsMayBeEmptyButNotMissing() {
        assertThat(new DeclareCeasefireCommand(TALKS, OCT_18, "truce", List.of(), OCT_18, SOURCE).coversIncidents())
                .isEmpty();
        assertThatThrownBy(() -> new DeclareCeasefireCommand(TALKS, OCT_18, "truce", null, OCT_18, SOURCE))
                .isInstanceOfSatisfying(DomainRuleException.class, withCode(INVALID_COMMAND));
    }

    @Test
    void ceasefireCannotCoverTheSameIncidentTwice() {
        assertThatThrownBy(() -> new DeclareCeasefireCommand(TALKS, OCT_18, "truce",
                                                             List.of(SPIN_BOLDAK, SPIN_BOLDAK), OCT_18, SOURCE))
                .isInstanceOfSatisfying(DomainRuleException.class, withCode(INVALID_COMMAND));
    }

    @Test
    void ceasefireCannotCoverAMissingIncident() {
        assertThatThrownBy(() -> new DeclareCeasefireCommand(TALKS, OCT_18, "truce",
                                                             Arrays.asList(SPIN_BOLDAK, null), OCT_18, SOURCE))
                .isInstanceOfSatisfying(DomainRuleException.class, withCode(INVALID_COMMAND));
    }

    @ParameterizedTest
    @MethodSource("missingOrBlankFields")
    void missingOrBlankFieldIsAnInvalidCommand(ThrowingCallable construction) {
        assertThatThrownBy(construction).isInstanceOfSatisfying(DomainRuleException.class, withCode(INVALID_COMMAND));
    }

    static Stream<Named<ThrowingCallable>> missingOrBlankFields() {
        return Stream.of(
                Named.of("OpenRound without negotiationId",
                         () -> new OpenRoundCommand(null, 1, PARTIES, List.of(), "Doha", OCT_18, SOURCE)),
                Named.of("OpenRound with a blank mediator",
                         () -> new OpenRoundCommand(TALKS, 1, PARTIES, List.of(""), "Doha", OCT_18, SOURCE)),
                Named.of("OpenRound naming a mediator twice",
                         () -> new OpenRoundCommand(TALKS, 1, PARTIES, List.of("QAT", "QAT"), "Doha", OCT_18, SOURCE)),
                Named.of("OpenRound without occurredAt",
                         () -> new OpenRoundCommand(TALKS, 1, PARTIES, List.of(), "Doha", null, SOURCE)),
                Named.of("OpenRound with a blank source",
                         () -> new OpenRoundCommand(TALKS, 1, PARTIES, List.of(), "Doha", OCT_18, " ")),
                Named.of("SubmitFramework with a blank frameworkId",
                         () -> new SubmitFrameworkCommand(TALKS, " ", "PAK", "title", List.of(), OCT_18, SOURCE)),
                Named.of("SubmitFramework without submittedBy",
                         () -> new SubmitFrameworkCommand(TALKS, "f1", null, "title", List.of(), OCT_18, SOURCE)),
                Named.of("SubmitFramework with a blank title",
                         () -> new SubmitFrameworkCommand(TALKS, "f1", "PAK", "", List.of(), OCT_18, SOURCE)),
                Named.of("SubmitFramework without source",
                         () -> new SubmitFrameworkCommand(TALKS, "f1", "PAK", "title", List.of(), OCT_18, null)),
                Named.of("RespondToFramework with a blank frameworkId",
                         () -> new RespondToFrameworkCommand(TALKS, "", "AFG", FrameworkResponse.ACCEPTED, OCT_18,
                                                             SOURCE)),
                Named.of("RespondToFramework with a blank party",
                         () -> new RespondToFrameworkCommand(TALKS, "f1", " ", FrameworkResponse.ACCEPTED, OCT_18,
                                                             SOURCE)),
                Named.of("RespondToFramework without occurredAt",
                         () -> new RespondToFrameworkCommand(TALKS, "f1", "AFG", FrameworkResponse.ACCEPTED, null,
                                                             SOURCE)),
                Named.of("DeclareCeasefire without effectiveFrom",
                         () -> new DeclareCeasefireCommand(TALKS, null, "truce", List.of(), OCT_18, SOURCE)),
                Named.of("DeclareCeasefire with blank terms",
                         () -> new DeclareCeasefireCommand(TALKS, OCT_18, " ", List.of(), OCT_18, SOURCE)),
                Named.of("DeclareCeasefire with a blank source",
                         () -> new DeclareCeasefireCommand(TALKS, OCT_18, "truce", List.of(), OCT_18, "")),
                Named.of("ConcludeRound with a blank outcome",
                         () -> new ConcludeRoundCommand(TALKS, " ", OCT_18, SOURCE)),
                Named.of("ConcludeRound without negotiationId",
                         () -> new ConcludeRoundCommand(null, "agreed", OCT_18, SOURCE)),
                Named.of("Collapse with a blank reason",
                         () -> new CollapseTalksCommand(TALKS, "", OCT_18, SOURCE)),
                Named.of("Collapse without occurredAt",
                         () -> new CollapseTalksCommand(TALKS, "walkout", null, SOURCE)),
                Named.of("OfferMediation with a blank mediator",
                         () -> new OfferMediationCommand(TALKS, " ", OCT_18, "IRNA")),
                Named.of("OfferMediation with a blank source",
                         () -> new OfferMediationCommand(TALKS, "IRN", OCT_18, " ")));
    }
}
