package dev.parley.application;

import dev.parley.application.commandfile.CommandFileRunner;
import dev.parley.incident.api.IncidentStatus;
import dev.parley.negotiation.api.NegotiationStatus;
import dev.parley.projections.status.CasualtyCount;
import dev.parley.projections.status.FindStatusQuery;
import dev.parley.projections.status.IncidentView;
import dev.parley.projections.status.NegotiationView;
import dev.parley.projections.status.StatusReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ShippedScenarioTest {

    private static final Path SCENARIO = Path.of("..", "scenarios", "pak-afghan-2025.ndjson");

    @TempDir
    Path directory;

    @Test
    void theShippedScenarioEndsWithCollapsedTalksAndTheIncidentUnderCeasefire() throws Exception {
        StatusReport status;
        try (Parley parley = Parley.open("jdbc:h2:file:" + directory.resolve("parley"))) {
            CommandFileRunner.Outcome outcome = new CommandFileRunner(parley.commands(), "test")
                    .run(SCENARIO, new CommandFileRunner.Listener() { });
            assertThat(outcome.rejections()).isEmpty();
            assertThat(outcome.accepted()).isEqualTo(12);
            parley.awaitReadModels(Duration.ofSeconds(30));
            status = parley.queries().query(FindStatusQuery.all(), StatusReport.class).get();
        }

        assertThat(status.negotiations()).hasSize(1);
        NegotiationView talks = status.negotiations().get(0);
        assertThat(talks.status()).isEqualTo(NegotiationStatus.COLLAPSED);
        assertThat(talks.currentRound()).isEqualTo(2);
        assertThat(talks.rounds().get(1).mediators()).containsExactly("QAT", "TUR");
        assertThat(talks.rounds().get(1).closedAs()).isEqualTo("COLLAPSED");
        assertThat(talks.rounds().get(0).closedAs()).isEqualTo("CONCLUDED");
        assertThat(talks.ceasefireInForce()).isTrue();
        assertThat(talks.ceasefireEffectiveFrom()).isEqualTo(Instant.parse("2025-10-19T00:00:00Z"));
        assertThat(talks.mediationOffers()).containsExactly("IRN");
        assertThat(talks.frameworks()).singleElement()
                                      .satisfies(framework -> assertThat(framework.submittedBy()).isEqualTo("PAK"));

        assertThat(status.incidents()).hasSize(1);
        IncidentView incident = status.incidents().get(0);
        assertThat(incident.status()).isEqualTo(IncidentStatus.CEASEFIRE);
        assertThat(incident.attackers()).containsExactly("AFG", "TTP");
        assertThat(incident.defenders()).containsExactly("PAK");
        assertThat(incident.casualties()).isEqualTo(Map.of("PAK", new CasualtyCount(23, 0),
                                                           "AFG", new CasualtyCount(200, 0)));
        assertThat(incident.strikes()).anySatisfy(strike -> assertThat(strike.targets())
                .contains("Kabul", "Kandahar province"));
        assertThat(incident.ceasefireEffectiveFrom()).isEqualTo(Instant.parse("2025-10-19T00:00:00Z"));
    }

    @Test
    void theStatusSurvivesARestartOfTheStore() throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("parley");
        try (Parley parley = Parley.open(url)) {
            new CommandFileRunner(parley.commands(), "test").run(SCENARIO, new CommandFileRunner.Listener() { });
            parley.awaitReadModels(Duration.ofSeconds(30));
        }
        try (Parley reopened = Parley.open(url)) {
            reopened.awaitReadModels(Duration.ofSeconds(30));
            StatusReport status = reopened.queries().query(FindStatusQuery.of("pak-afg-talks-2025"),
                                                           StatusReport.class).get();
            assertThat(status.negotiations()).singleElement()
                                             .satisfies(n -> assertThat(n.status())
                                                     .isEqualTo(NegotiationStatus.COLLAPSED));
            assertThat(status.incidents()).isEmpty();
        }
    }
}
