package dev.parley.application.postgres;

import dev.parley.application.Parley;
import dev.parley.application.commandfile.CommandFileRunner;
import dev.parley.application.fork.Fork;
import dev.parley.application.fork.ForkDiff;
import dev.parley.application.integrity.Integrity;
import dev.parley.application.integrity.Verification;
import dev.parley.application.readmodel.CatchUpListener;
import dev.parley.application.readmodel.ReadModelContents;
import dev.parley.application.testing.PostgresServer;
import dev.parley.incident.api.IncidentStatus;
import dev.parley.negotiation.api.FrameworkResponse;
import dev.parley.negotiation.api.NegotiationStatus;
import dev.parley.negotiation.api.RespondToFrameworkCommand;
import dev.parley.projections.audit.AuditTrail;
import dev.parley.projections.audit.FindAuditTrailQuery;
import dev.parley.projections.status.FindStatusAsOfQuery;
import dev.parley.projections.status.FindStatusQuery;
import dev.parley.projections.status.StatusReport;
import dev.parley.shared.api.NegotiationId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole of Parley on a real PostgreSQL server, started by the test: same migrations, same code. */
class PostgresStoreTest {

    private static final Path SCENARIO = Path.of("..", "scenarios", "pak-afghan-2025.ndjson");
    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    @RegisterExtension
    static final PostgresServer postgres = new PostgresServer();

    @TempDir
    Path keys;

    @Test
    void theShippedScenarioRunsReplaysTimeTravelsForksAndVerifiesOnPostgres() throws Exception {
        String url = postgres.freshDatabase("scenario");
        try (Parley parley = Parley.open(url)) {
            CommandFileRunner.Outcome outcome = new CommandFileRunner(parley.commands(), "postgres-test")
                    .run(SCENARIO, new CommandFileRunner.Listener() { });
            assertThat(outcome.rejections()).isEmpty();
            parley.awaitReadModels(CATCH_UP);

            StatusReport status = parley.queries().query(FindStatusQuery.all(), StatusReport.class).get();
            assertThat(status.negotiations()).singleElement()
                                             .satisfies(n -> assertThat(n.status())
                                                     .isEqualTo(NegotiationStatus.COLLAPSED));
            assertThat(status.incidents()).singleElement()
                                          .satisfies(i -> assertThat(i.status()).isEqualTo(IncidentStatus.CEASEFIRE));

            StatusReport beforeCeasefire = parley.queries().query(
                    new FindStatusAsOfQuery("pak-afg-border-posts-2025-10-12", Instant.parse("2025-10-18T00:00:00Z"),
                                            null), StatusReport.class).get();
            assertThat(beforeCeasefire.incidents()).singleElement()
                                                   .satisfies(i -> assertThat(i.status())
                                                           .isEqualTo(IncidentStatus.ACTIVE));

            try (ReadModelContents before = parley.readModels().capture()) {
                parley.readModels().replay(CATCH_UP, CatchUpListener.SILENT);
                try (ReadModelContents after = parley.readModels().capture()) {
                    assertThat(after.compareWith(before, 10).identical()).isTrue();
                }
            }

            AuditTrail audit = parley.queries().query(FindAuditTrailQuery.all(), AuditTrail.class).get();
            assertThat(audit.entries()).hasSize(13).allSatisfy(entry -> assertThat(entry.hash()).hasSize(64));

            try (Fork fork = parley.fork(11)) {
                fork.commands().sendAndWait(new RespondToFrameworkCommand(
                        new NegotiationId("pak-afg-talks-2025"), "pak-counterterrorism-framework", "AFG",
                        FrameworkResponse.ACCEPTED, Instant.parse("2025-10-29T00:00:00Z"), "What-if"));
                ForkDiff diff = fork.diff(ForkDiff.Against.HEAD);
                assertThat(diff.aggregates()).singleElement()
                                             .satisfies(a -> assertThat(a.forkEvents()).hasSize(1));
            }
            assertThat(parley.queries().query(FindAuditTrailQuery.all(), AuditTrail.class).get().entries())
                    .hasSize(13);

            Integrity integrity = new Integrity(parley.store().dataSource(), keys);
            Verification verified = integrity.verify(done -> { });
            assertThat(verified.intact()).isTrue();
            assertThat(verified.leaves()).hasSize(13);
            assertThat(integrity.checkAgainst(verified, integrity.checkpoint(verified))).isNull();

            try (Connection connection = parley.store().dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE domain_event_entry SET payload = convert_to(replace("
                                                + "convert_from(payload, 'UTF8'), '23', '24'), 'UTF8')"
                                                + " WHERE global_index = 4");
            }
            Verification tampered = integrity.verify(done -> { });
            assertThat(tampered.intact()).isFalse();
            assertThat(tampered.problem().position()).isEqualTo(4);
        }
    }
}
