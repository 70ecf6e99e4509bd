package dev.parley.incident.api;

import dev.parley.shared.api.DomainRuleException;
import dev.parley.shared.api.IncidentId;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static dev.parley.shared.RuleAssertions.withCode;
import static dev.parley.shared.api.ErrorCode.INVALID_COMMAND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentCommandFieldsTest {

    private static final IncidentId SPIN_BOLDAK = new IncidentId("spin-boldak-2025-10-15");
    private static final Instant OCT_15 = Instant.parse("2025-10-15T00:00:00Z");
    private static final String SOURCE = "ISPR";

    @Test
    void incidentIdMayNotBeBlank() {
        assertThatThrownBy(() -> new IncidentId(""))
                .isInstanceOfSatisfying(DomainRuleException.class, withCode(INVALID_COMMAND));
    }

    @Test
    void incidentIdReadsAsItsValue() {
        assertThat(SPIN_BOLDAK).hasToString("spin-boldak-2025-10-15");
    }

    @Test
    void incidentNeedsAttackers() {
        assertThatThrownBy(() -> report(List.of(), List.of("PAK")))
                .isInstanceOfSatisfying(DomainRuleException.class, withCode(INVALID_COMMAND));
    }

    @Test
    void incidentNeedsDefenders() {
        assertThatThrownBy(() -> report(List.of("AFG"), List.of()))
                .isInstanceOfSatisfying(DomainRuleException.class, withCode(INVALID_COMMAND));
    }

    @Test
    void incidentNeedsAttackerList() {
        assertThatThrownBy(() -> report(null, List.of("PAK")))
                .isInstanceOfSatisfying(DomainRuleException.class, withCode(INVALID_COMMAND));
    }

    @Test
    void incidentNeedsDefenderList() {
        assertThatThrownBy(() -> report(List.of("AFG"), null))
                .isInstanceOfSatisfying(DomainRuleException.class, withCode(INVALID_COMMAND));
    }

    @Test
    void noSideAttacksAndDefends() {
        assertThatThrownBy(() -> report(List.of("AFG", "PAK"), List.of("PAK")))
                .isInstanceOfSatisfying(DomainRuleException.class, withCode(INVALID_COMMAND));
    }

    @Test
    void sidesAreNamedOnce() {
        assertThatThrownBy(() -> report(List.of("AFG", "AFG"), List.of("PAK")))
                .isInstanceOfSatisfying(DomainRuleException.class, withCode(INVALID_COMMAND));
    }

    @Test
    void disjointSidesAreAccepted() {
        ReportIncidentCommand command = report(List.of("AFG"), List.of("PAK", "QAT"));

        assertThat(command.attackers()).containsExactly("AFG");
        assertThat(command.defenders()).containsExactly("PAK", "QAT");
    }

    @Test
    void negativeCountsWaitForTheIncidentToBeKnown() {
        RecordCasualtiesCommand command = new RecordCasualtiesCommand(SPIN_BOLDAK, "PAK", -1, -1, OCT_15, SOURCE);

        assertThat(command.killed()).isEqualTo(-1);
    }

    @Test
    void ceasefireMayHaveNoNegotiation() {
        assertThat(new DeclareCeasefireCommand(SPIN_BOLDAK, OCT_15, null, OCT_15, SOURCE).negotiationId()).isNull();
    }

    @Test
    void strikeTargetsMayBeEmptyButNotMissing() {
        assertThat(new RecordStrikeCommand(SPIN_BOLDAK, "PAK", List.of(), "air strikes", OCT_15, SOURCE).targets())
                .isEmpty();
        assertThatThrownBy(() -> new RecordStrikeCommand(SPIN_BOLDAK, "PAK", null, "air strikes", OCT_15, SOURCE))
                .isInstanceOfSatisfying(DomainRuleException.class, withCode(INVALID_COMMAND));
    }

    @ParameterizedTest
    @MethodSource("missingOrBlankFields")
    void missingOrBlankFieldIsAnInvalidCommand(ThrowingCallable construction) {
        assertThatThrownBy(construction).isInstanceOfSatisfying(DomainRuleException.class, withCode(INVALID_COMMAND));
    }

    static Stream<Named<ThrowingCallable>> missingOrBlankFields() {
        return Stream.of(
                Named.of("ReportIncident without incidentId",
                         () -> new ReportIncidentCommand(null, "Spin Boldak", List.of("AFG"), List.of("PAK"),
                                                         "clash", OCT_15, SOURCE)),
                Named.of("ReportIncident with a blank location",
                         () -> new ReportIncidentCommand(SPIN_BOLDAK, " ", List.of("AFG"), List.of("PAK"), "clash",
                                                         OCT_15, SOURCE)),
                Named.of("ReportIncident with a blank attacker",
                         () -> new ReportIncidentCommand(SPIN_BOLDAK, "Spin Boldak", List.of(""), List.of("PAK"),
                                                         "clash", OCT_15, SOURCE)),
                Named.of("ReportIncident with a blank description",
                         () -> new ReportIncidentCommand(SPIN_BOLDAK, "Spin Boldak", List.of("AFG"), List.of("PAK"),
                                                         "", OCT_15, SOURCE)),
                Named.of("ReportIncident without occurredAt",
                         () -> new ReportIncidentCommand(SPIN_BOLDAK, "Spin Boldak", List.of("AFG"), List.of("PAK"),
                                                         "clash", null, SOURCE)),
                Named.of("ReportIncident with a blank source",
                         () -> new ReportIncidentCommand(SPIN_BOLDAK, "Spin Boldak", List.of("AFG"), List.of("PAK"),
                                                         "clash", OCT_15, " ")),
                Named.of("RecordCasualties with a blank side",
                         () -> new RecordCasualtiesCommand(SPIN_BOLDAK, " ", 1, 0, OCT_15, SOURCE)),
                Named.of("RecordCasualties without source",
                         () -> new RecordCasualtiesCommand(SPIN_BOLDAK, "PAK", 1, OCT_15, null)),
                Named.of("RecordStrike with a blank by",
                         () -> new RecordStrikeCommand(SPIN_BOLDAK, "", List.of("Kabul"), "air strikes", OCT_15,
                                                       SOURCE)),
                Named.of("RecordStrike with a blank target",
                         () -> new RecordStrikeCommand(SPIN_BOLDAK, "PAK", List.of(" "), "air strikes", OCT_15,
                                                       SOURCE)),
                Named.of("RecordStrike naming a target twice",
                         () -> new RecordStrikeCommand(SPIN_BOLDAK, "PAK", List.of("Kabul", "Kabul"), "air strikes",
                                                       OCT_15, SOURCE)),
                Named.of("RecordStrike with a blank description",
                         () -> new RecordStrikeCommand(SPIN_BOLDAK, "PAK", List.of("Kabul"), " ", OCT_15, SOURCE)),
                Named.of("DeclareCeasefire without effectiveFrom",
                         () -> new DeclareCeasefireCommand(SPIN_BOLDAK, null, null, OCT_15, SOURCE)),
                Named.of("DeclareCeasefire without incidentId",
                         () -> new DeclareCeasefireCommand(null, OCT_15, null, OCT_15, SOURCE)),
                Named.of("DeclareCeasefire with a blank source",
                         () -> new DeclareCeasefireCommand(SPIN_BOLDAK, OCT_15, null, OCT_15, "")),
                Named.of("ReportViolation with a blank by",
                         () -> new ReportViolationCommand(SPIN_BOLDAK, " ", "shelling", OCT_15, SOURCE)),
                Named.of("ReportViolation with a blank description",
                         () -> new ReportViolationCommand(SPIN_BOLDAK, "AFG", "", OCT_15, SOURCE)),
                Named.of("ReportViolation without occurredAt",
                         () -> new ReportViolationCommand(SPIN_BOLDAK, "AFG", "shelling", null, SOURCE)));
    }

    private static ReportIncidentCommand report(List<String> attackers, List<String> defenders) {
        return new ReportIncidentCommand(SPIN_BOLDAK, "Spin Boldak", attackers, defenders, "border posts attacked",
                                         OCT_15, SOURCE);
    }
}
