package dev.parley.shared;

import dev.parley.negotiation.api.OpenRoundCommand;
import dev.parley.shared.api.DomainRuleException;
import dev.parley.shared.api.ErrorCode;
import dev.parley.shared.api.Fields;
import dev.parley.shared.api.IncidentId;
import dev.parley.shared.api.NegotiationId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The limits of the contract hold for Java callers as for command files: they live in the commands themselves. */
class FieldLimitsTest {

    private static final Instant WHEN = Instant.parse("2025-10-18T00:00:00Z");

    @Test
    void idsAreOneToTwoHundredVisibleCharactersOfValidUnicode() {
        assertThat(new IncidentId("i".repeat(200)).value()).hasSize(200);
        assertThat(new IncidentId("\ud83d\ude00".repeat(200)).value()).hasSize(400);
        for (String bad : List.of("i".repeat(201), "inc\ud800", "\udc00inc", "inc\u0000", "inc\nfake", "\u00a0",
                                  "\u200b", " \u2003\ufeff", "inc\u202e", "\u3164", "")) {
            assertThatThrownBy(() -> new IncidentId(bad)).as("%s", bad.codePoints().boxed().toList())
                    .isInstanceOf(DomainRuleException.class)
                    .extracting(e -> ((DomainRuleException) e).code()).isEqualTo(ErrorCode.INVALID_COMMAND);
        }
    }

    @Test
    void timesAreWithinTheYears1900To9999() {
        assertThat(Fields.time(Instant.parse("1900-01-01T00:00:00Z"), "t")).isEqualTo("1900-01-01T00:00:00Z");
        assertThat(Fields.time(Instant.parse("9999-12-31T23:59:59.999999999Z"), "t")).isNotNull();
        for (String bad : List.of("1899-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z", "+300000-01-01T00:00:00Z")) {
            assertThatThrownBy(() -> Fields.time(Instant.parse(bad), "occurredAt"))
                    .hasMessage("occurredAt " + Instant.parse(bad) + " is outside the accepted years 1900 to 9999");
        }
    }

    @Test
    void countsListsAndRoundsHaveTheirMaximum() {
        assertThat(Fields.count(1_000_000, "killed")).isEqualTo(1_000_000);
        assertThatThrownBy(() -> Fields.count(1_000_001, "killed"))
                .extracting(e -> ((DomainRuleException) e).code()).isEqualTo(ErrorCode.INVALID_COUNT);
        assertThatThrownBy(() -> new OpenRoundCommand(new NegotiationId("t"), 10_001, List.of("PAK", "AFG"),
                                                      List.of(), "Doha", WHEN, "s"))
                .hasMessage("round must be 1 to 10000, was 10001");
        assertThatThrownBy(() -> new OpenRoundCommand(new NegotiationId("t"), 1, List.of("PAK", "AFG"),
                                                      Collections.nCopies(101, "QAT"), "Doha", WHEN, "s"))
                .hasMessage("mediators may hold at most 100 entries, held 101");
        assertThatThrownBy(() -> new OpenRoundCommand(new NegotiationId("t"), 1, List.of("PAK", "AFG"),
                                                      List.of(), "v".repeat(10_001), WHEN, "s"))
                .hasMessage("venue may be at most 10000 characters long, was 10001");
    }
}
