package dev.parley.application.concurrency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Command files for writers that race on the same incidents, and the checks that the record stayed whole. */
final class Writers {

    static final String SIDE_A = "PAK";
    static final String SIDE_B = "AFG";

    private Writers() {
    }

    static String incident(int index) {
        return "contested-" + index;
    }

    /** Reports {@code incidents} incidents between the two sides. */
    static Path reports(Path directory, int incidents) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int index = 0; index < incidents; index++) {
            lines.add("{\"command\":\"ReportIncident\",\"incidentId\":\"" + incident(index) + "\",\"location\":\"post "
                              + index + "\",\"attackers\":[\"" + SIDE_B + "\"],\"defenders\":[\"" + SIDE_A
                              + "\"],\"description\":\"exchange of fire\",\"occurredAt\":\"2025-10-12\","
                              + "\"source\":\"test\"}");
        }
        return write(directory.resolve("reports.ndjson"), lines);
    }

    /**
     * {@code commands} casualty reports of one killed for {@code side}, spread round-robin over the incidents, so
     * that two writers with files like this keep appending to the same streams.
     */
    static Path casualties(Path directory, String name, String side, int commands, int incidents) throws IOException {
        List<String> lines = new ArrayList<>(commands);
        for (int index = 0; index < commands; index++) {
            lines.add("{\"command\":\"RecordCasualties\",\"incidentId\":\"" + incident(index % incidents)
                              + "\",\"side\":\"" + side + "\",\"killed\":1,\"wounded\":0,"
                              + "\"occurredAt\":\"2025-10-13\",\"source\":\"" + name + "\"}");
        }
        return write(directory.resolve(name + ".ndjson"), lines);
    }

    private static Path write(Path file, List<String> lines) throws IOException {
        return Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /**
     * Every stream's sequence numbers are 0..n-1 with no gap or repeat, every event has exactly one leaf hash, the
     * positions have no holes, and the store holds {@code expected} events.
     */
    static void assertWhole(Connection connection, long expected) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT aggregate_identifier, COUNT(*), MIN(sequence_number), MAX(sequence_number),"
                        + " COUNT(DISTINCT sequence_number) FROM domain_event_entry GROUP BY aggregate_identifier");
             ResultSet rows = select.executeQuery()) {
            long total = 0;
            while (rows.next()) {
                long count = rows.getLong(2);
                assertThat(rows.getLong(3)).as("first sequence of %s", rows.getString(1)).isZero();
                assertThat(rows.getLong(4)).as("last sequence of %s", rows.getString(1)).isEqualTo(count - 1);
                assertThat(rows.getLong(5)).as("distinct sequences of %s", rows.getString(1)).isEqualTo(count);
                total += count;
            }
            assertThat(total).as("events stored").isEqualTo(expected);
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM domain_event_entry e JOIN event_hash h ON h.global_index = e.global_index");
             ResultSet row = select.executeQuery()) {
            row.next();
            assertThat(row.getLong(1)).as("events with a leaf hash").isEqualTo(expected);
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT MIN(global_index), MAX(global_index) FROM domain_event_entry");
             ResultSet row = select.executeQuery()) {
            row.next();
            assertThat(row.getLong(2) - row.getLong(1) + 1)
                    .as("positions without holes: a conflict is refused before it takes a position")
                    .isEqualTo(expected);
        }
    }
}
