package dev.parley.application.snapshots;

import dev.parley.application.Parley;
import dev.parley.application.commandfile.CommandFileRunner;
import dev.parley.incident.api.DeclareCeasefireCommand;
import dev.parley.incident.api.RecordCasualtiesCommand;
import dev.parley.incident.api.ReportIncidentCommand;
import dev.parley.negotiation.api.OpenRoundCommand;
import dev.parley.negotiation.api.SubmitFrameworkCommand;
import dev.parley.projections.status.FindStatusAtSequenceQuery;
import dev.parley.projections.status.StatusReport;
import dev.parley.shared.api.DomainRuleException;
import dev.parley.shared.api.ErrorCode;
import dev.parley.shared.api.IncidentId;
import dev.parley.shared.api.NegotiationId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Aggregates are snapshotted as Jackson documents, and a long stream loads from its snapshot and the tail. */
class SnapshotTest {

    private static final IncidentId KURRAM = new IncidentId("kurram-2025-10-12");
    private static final Instant OCT_12 = Instant.parse("2025-10-12T00:00:00Z");
    private static final NegotiationId TALKS = new NegotiationId("pak-afg-talks-2025");

    @TempDir
    Path directory;

    private String url() {
        return "jdbc:h2:file:" + directory.resolve("parley");
    }

    @Test
    void aTenThousandEventIncidentLoadsFromItsSnapshotAndTailOnly() throws Exception {
        try (Parley parley = Parley.builder().store(url()).readModels(false).snapshotEvery(100).build()) {
            parley.commands().sendAndWait(new ReportIncidentCommand(KURRAM, "Kurram", List.of("AFG", "TTP"),
                                                                    List.of("PAK"), "raids", OCT_12, "ISPR"));
            for (int report = 1; report < 10_000; report++) {
                parley.commands().sendAndWait(new RecordCasualtiesCommand(KURRAM, report % 2 == 0 ? "PAK" : "AFG",
                                                                          1, 0, OCT_12, "ISPR"));
            }
            StatusReport early = parley.queries().query(new FindStatusAtSequenceQuery(KURRAM.value(), 50),
                                                        StatusReport.class).get();
            assertThat(early.incidents()).singleElement().satisfies(incident -> {
                assertThat(incident.casualties().get("PAK").killed()).isEqualTo(25);
                assertThat(incident.casualties().get("AFG").killed()).isEqualTo(25);
            });
        }
        long snapshotSequence = latestSnapshotSequence(KURRAM.value());
        assertThat(snapshotSequence).as("a snapshot within the last 100 events").isBetween(9_900L, 9_999L);

        deleteEventsBefore(KURRAM.value(), 9_900);

        try (Parley parley = Parley.builder().store(url()).readModels(false).snapshotEvery(100).build()) {
            Instant beforeTheIncident = OCT_12.minusSeconds(3_600);
            assertThatThrownBy(() -> parley.commands().sendAndWait(
                    new DeclareCeasefireCommand(KURRAM, beforeTheIncident, null, OCT_12, "ISPR")))
                    .as("the incident's start, known only from its first event, comes from the snapshot")
                    .isInstanceOfSatisfying(DomainRuleException.class,
                                            rejected -> assertThat(rejected.code())
                                                    .isEqualTo(ErrorCode.TIME_BEFORE_PREVIOUS));
            parley.commands().sendAndWait(new DeclareCeasefireCommand(KURRAM, OCT_12.plusSeconds(86_400), null,
                                                                      OCT_12.plusSeconds(86_400), "ISPR"));
        }
        try (Connection connection = DriverManager.getConnection(url(), "sa", "");
             PreparedStatement select = connection.prepareStatement(
                     "SELECT MAX(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?")) {
            select.setString(1, KURRAM.value());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                assertThat(row.getLong(1)).isEqualTo(10_000);
            }
        }
    }

    @Test
    void aNegotiationSnapshotKeepsRoundsPartiesAndFrameworks() throws Exception {
        try (Parley parley = Parley.builder().store(url()).readModels(false).snapshotEvery(2).build()) {
            CommandFileRunner.Outcome outcome = new CommandFileRunner(parley.commands(), "snapshot-test")
                    .run(Path.of("..", "scenarios", "pak-afghan-2025.ndjson"), new CommandFileRunner.Listener() { });
            assertThat(outcome.rejections()).isEmpty();
        }
        assertThat(latestSnapshotSequence(TALKS.value())).isGreaterThanOrEqualTo(5);
        deleteEventsBefore(TALKS.value(), latestSnapshotSequence(TALKS.value()));

        try (Parley parley = Parley.builder().store(url()).readModels(false).snapshotEvery(2).build()) {
            Instant nov = Instant.parse("2025-11-05T00:00:00Z");
            assertThatThrownBy(() -> parley.commands().sendAndWait(
                    new OpenRoundCommand(TALKS, 2, null, List.of("IRN"), "Tehran", nov, "What-if")))
                    .isInstanceOfSatisfying(DomainRuleException.class, rejected -> assertThat(rejected.code())
                            .isEqualTo(ErrorCode.ROUND_OUT_OF_SEQUENCE));
            assertThatThrownBy(() -> parley.commands().sendAndWait(
                    new OpenRoundCommand(TALKS, 3, null, List.of("PAK"), "Tehran", nov, "What-if")))
                    .isInstanceOfSatisfying(DomainRuleException.class, rejected -> assertThat(rejected.code())
                            .isEqualTo(ErrorCode.MEDIATOR_IS_PARTY));
            parley.commands().sendAndWait(new OpenRoundCommand(TALKS, 3, null, List.of("IRN"), "Tehran", nov,
                                                               "What-if"));
            assertThatThrownBy(() -> parley.commands().sendAndWait(
                    new SubmitFrameworkCommand(TALKS, "pak-counterterrorism-framework", "PAK", "again", List.of(),
                                               nov, "What-if")))
                    .isInstanceOfSatisfying(DomainRuleException.class, rejected -> assertThat(rejected.code())
                            .isEqualTo(ErrorCode.DUPLICATE_FRAMEWORK));
        }
    }

    private long latestSnapshotSequence(String aggregateId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(), "sa", "");
             PreparedStatement select = connection.prepareStatement(
                     "SELECT MAX(sequence_number) FROM snapshot_event_entry WHERE aggregate_identifier = ?")) {
            select.setString(1, aggregateId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Takes away the head of a stream, so that only the snapshot can still tell what it said. */
    private void deleteEventsBefore(String aggregateId, long sequence) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(), "sa", "");
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number < ?")) {
            delete.setString(1, aggregateId);
            delete.setLong(2, sequence);
            assertThat(delete.executeUpdate()).isGreaterThan(0);
        }
    }
}
