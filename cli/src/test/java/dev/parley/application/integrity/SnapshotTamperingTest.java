package dev.parley.application.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.application.integrity.IntegrityCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static dev.parley.application.integrity.IntegrityCli.json;
import static dev.parley.application.integrity.IntegrityCli.parley;
import static dev.parley.application.integrity.IntegrityCli.parleyExpecting;
import static dev.parley.application.integrity.IntegrityCli.storeUrl;
import static dev.parley.application.integrity.IntegrityCli.verify;
import static dev.parley.application.integrity.IntegrityCli.verifyJson;
import static dev.parley.application.integrity.IntegrityCli.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack on snapshots: a party added to an incident's snapshot in the database. The snapshot no longer
 * decides anything (the command stays {@code NOT_INVOLVED}), and {@code verify} names the snapshot, exit 3, also when
 * the attacker recomputed the snapshot's binding.
 */
class SnapshotTamperingTest {

    private static final String INCIDENT = "inc-long";
    /** More events than Parley's default snapshot interval, so the incident is snapshotted. */
    private static final int REPORTS = 130;

    @TempDir
    Path directory;

    private String url;

    @BeforeEach
    void recordAnIncidentLongEnoughToBeSnapshotted() {
        StringBuilder lines = new StringBuilder("{\"command\":\"ReportIncident\",\"incidentId\":\"" + INCIDENT
                + "\",\"location\":\"Kurram\",\"attackers\":[\"AFG\"],\"defenders\":[\"PAK\"],"
                + "\"description\":\"shelling\",\"occurredAt\":\"2025-10-10\",\"source\":\"ISPR\"}\n");
        for (int report = 0; report < REPORTS; report++) {
            lines.append("{\"command\":\"RecordCasualties\",\"incidentId\":\"").append(INCIDENT)
                 .append("\",\"side\":\"PAK\",\"killed\":1,\"occurredAt\":\"2025-10-11\",\"source\":\"ISPR\"}\n");
        }
        url = storeUrl(directory.resolve("store"));
        parleyExpecting(0, "run", "--store", url, write(directory, "long.ndjson", lines.toString()).toString());
        assertThat(Tables.count(url, "snapshot_event_entry")).as("the incident was snapshotted").isEqualTo(1);
        parleyExpecting(0, "verify", "--store", url);
    }

    @Test
    void aPartyAddedToASnapshotDecidesNothingAndVerifyNamesTheSnapshot() {
        addIndiaToTheSnapshot(false);
        assertTamperedSnapshotReported();

        Result run = parley("run", "--store", url, write(directory, "india.ndjson", indiaReportsCasualties())
                .toString());

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
        assertThat(run.err()).as(run.describe()).contains("line 1: RecordCasualties: NOT_INVOLVED");
        assertThat(snapshotText()).as("the incident, loaded from its events, was snapshotted afresh")
                                  .doesNotContain("IND");
        parleyExpecting(0, "verify", "--store", url);
    }

    private String snapshotText() {
        try (Connection connection = Tables.connect(url);
             PreparedStatement select = connection.prepareStatement(
                     "SELECT payload FROM snapshot_event_entry WHERE aggregate_identifier = ?")) {
            select.setString(1, INCIDENT);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return new String(row.getBytes(1), StandardCharsets.UTF_8);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSnapshotWhoseBindingTheAttackerRecomputedIsStillReportedByVerify() {
        addIndiaToTheSnapshot(true);

        assertTamperedSnapshotReported();
        Result checkpoint = parley("checkpoint", "--store", url);
        assertThat(checkpoint.exitCode()).as(checkpoint.describe()).isEqualTo(3);
        assertThat(checkpoint.err()).contains("the snapshot of " + INCIDENT);
    }

    @Test
    void aSnapshotWithoutABindingAsEarlierVersionsWroteThemIsIgnoredAndReplaced() {
        addIndiaToTheSnapshot(false);
        assertThat(Tables.execute(url, "DELETE FROM snapshot_binding")).isEqualTo(1);
        assertTamperedSnapshotReported();

        Result run = parley("run", "--store", url, write(directory, "india.ndjson", indiaReportsCasualties())
                .toString());

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
        assertThat(run.err()).as(run.describe()).contains("line 1: RecordCasualties: NOT_INVOLVED");
        assertThat(Tables.count(url, "snapshot_binding")).as("the fresh snapshot is bound").isEqualTo(1);
        assertThat(snapshotText()).doesNotContain("IND");
        parleyExpecting(0, "verify", "--store", url);
    }

    private static String indiaReportsCasualties() {
        return "{\"command\":\"RecordCasualties\",\"incidentId\":\"" + INCIDENT
                + "\",\"side\":\"IND\",\"killed\":1,\"occurredAt\":\"2025-10-12\",\"source\":\"forged\"}\n";
    }

    private void assertTamperedSnapshotReported() {
        Result text = verify(url);
        assertThat(text.exitCode()).as(text.describe()).isEqualTo(3);
        assertThat(text.out()).as(text.describe()).startsWith("TAMPERED: the snapshot of " + INCIDENT + " at sequence ")
                              .doesNotContain("position");
        JsonNode outcome = verifyJson(url, 3);
        assertThat(outcome.get("stream").textValue()).isEqualTo(INCIDENT);
        assertThat(outcome.get("firstBadPosition").isNull()).as("no event is at fault").isTrue();
    }

    /** Adds IND to the parties the snapshot holds as involved; optionally recomputes its binding from the spec. */
    private void addIndiaToTheSnapshot(boolean recomputeBinding) {
        Tables.alter(url, connection -> {
            long sequence;
            String payloadType;
            ObjectNode state;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT sequence_number, payload_type, payload FROM snapshot_event_entry"
                            + " WHERE aggregate_identifier = ?")) {
                select.setString(1, INCIDENT);
                try (ResultSet row = select.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    sequence = row.getLong(1);
                    payloadType = row.getString(2);
                    state = (ObjectNode) json(new String(row.getBytes(3), StandardCharsets.UTF_8));
                }
            }
            ((ArrayNode) state.get("involved")).add("IND");
            byte[] forged = state.toString().getBytes(StandardCharsets.UTF_8);
            assertThat(Tables.execute(connection, "UPDATE snapshot_event_entry SET payload = ?"
                    + " WHERE aggregate_identifier = ?", forged, INCIDENT)).isEqualTo(1);
            if (recomputeBinding) {
                byte[] binding = binding(sequence, leafHash(connection, sequence), payloadType, forged);
                assertThat(Tables.execute(connection, "UPDATE snapshot_binding SET binding = ?"
                        + " WHERE aggregate_identifier = ?", binding, INCIDENT)).isEqualTo(1);
            }
        });
    }

    private static byte[] leafHash(Connection connection, long sequence) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT leaf_hash FROM event_hash WHERE aggregate_identifier = ? AND sequence_number = ?")) {
            select.setString(1, INCIDENT);
            select.setLong(2, sequence);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getBytes(1);
            }
        }
    }

    /** The binding as docs/integrity.md specifies it, computed here rather than by Parley. */
    private static byte[] binding(long sequence, byte[] leafHash, String payloadType, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        text(out, "parley-snapshot-v1");
        text(out, INCIDENT);
        out.writeBytes(ByteBuffer.allocate(8).putLong(sequence).array());
        out.writeBytes(leafHash);
        text(out, payloadType);
        out.writeBytes(ByteBuffer.allocate(4).putInt(payload.length).array());
        out.writeBytes(payload);
        try {
            return MessageDigest.getInstance("SHA-256").digest(out.toByteArray());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void text(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}
