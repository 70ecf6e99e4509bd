package dev.parley.application.postgres;

import dev.parley.application.testing.PostgresServer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.application.testing.ParleyRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line works unchanged against a PostgreSQL server given by URL: {@code run}, {@code status},
 * {@code timeline}, {@code replay} and {@code verify} on a real server started by the test, a fresh database each.
 * Credentials go in the URL, since an in-process run cannot set the environment.
 */
class PostgresCliTest {

    private static final String SCENARIO = Path.of("..", "scenarios", "pak-afghan-2025.ndjson").toString();
    private static final String INCIDENT = "pak-afg-border-posts-2025-10-12";
    private static final String TALKS = "pak-afg-talks-2025";
    private static final int SCENARIO_EVENTS = 13;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @RegisterExtension
    static final PostgresServer postgres = new PostgresServer();

    @TempDir
    Path directory;

    private String store;

    @BeforeEach
    void freshDatabase(TestInfo test) throws SQLException {
        String name = "cli_" + DATABASES.incrementAndGet() + "_"
                + test.getTestMethod().orElseThrow().getName().toLowerCase(Locale.ROOT);
        name = name.substring(0, Math.min(name.length(), 60));
        store = postgres.freshDatabase(name);
        assertThat(store).startsWith("jdbc:postgresql:").contains("user=postgres");
    }

    private static ParleyRun.Output parley(String... args) {
        return ParleyRun.run(args);
    }

    /** {@code parley ARGS}, checked to exit with {@code expected}. */
    private static ParleyRun.Output expecting(int expected, String... args) {
        ParleyRun.Output result = parley(args);
        assertThat(result.exitCode()).as("parley %s\n%s", String.join(" ", args), describe(result))
                                     .isEqualTo(expected);
        return result;
    }

    private static String describe(ParleyRun.Output result) {
        return "exit " + result.exitCode() + "\n--- out:\n" + result.out() + "\n--- err:\n" + result.err()
                + "\n--- console:\n" + result.console();
    }

    private void runTheScenario() {
        expecting(0, "run", "--store", store, SCENARIO);
    }

    @Test
    void theShippedScenarioRunsWithExitZeroAndEveryLineAccepted() throws SQLException {
        ParleyRun.Output run = expecting(0, "run", "--store", store, SCENARIO);

        assertThat(run.err().lines().toList())
                .containsExactly("Ran " + SCENARIO + ": 12 of 12 commands accepted.");
        assertThat(run.out()).isEmpty();
        assertThat(count("domain_event_entry")).isEqualTo(SCENARIO_EVENTS);
        assertThat(count("event_hash")).isEqualTo(SCENARIO_EVENTS);
    }

    @Test
    void statusAsJsonShowsTheCollapsedTalksAndTheIncidentUnderCeasefireWithItsCasualties() {
        runTheScenario();

        JsonNode status = ParleyRun.json(expecting(0, "status", "--store", store, "--json").out());

        assertThat(status.get("negotiations")).hasSize(1);
        JsonNode talks = status.get("negotiations").get(0);
        assertThat(talks.get("id").asText()).isEqualTo(TALKS);
        assertThat(talks.get("status").asText()).isEqualTo("COLLAPSED");
        assertThat(talks.get("currentRound").asInt()).isEqualTo(2);
        assertThat(talks.get("ceasefireInForce").asBoolean()).isTrue();
        assertThat(talks.get("mediationOffers").toString()).isEqualTo("[\"IRN\"]");
        assertThat(status.get("incidents")).hasSize(1);
        JsonNode incident = status.get("incidents").get(0);
        assertThat(incident.get("id").asText()).isEqualTo(INCIDENT);
        assertThat(incident.get("status").asText()).isEqualTo("CEASEFIRE");
        assertThat(incident.get("ceasefireEffectiveFrom").asText()).isEqualTo("2025-10-19T00:00:00Z");
        assertThat(incident.get("casualties").get("PAK").get("killed").asInt()).isEqualTo(23);
        assertThat(incident.get("casualties").get("AFG").get("killed").asInt()).isEqualTo(200);
        assertThat(incident.get("strikes")).hasSize(2);
    }

    @Test
    void statusAtADateBeforeTheTalksShowsTheIncidentStillActiveAndNoNegotiation() {
        runTheScenario();

        JsonNode status = ParleyRun.json(expecting(0, "status", "--store", store, "--json", "--at", "2025-10-18")
                                                 .out());

        assertThat(status.get("negotiations")).isEmpty();
        assertThat(status.get("incidents")).hasSize(1);
        JsonNode incident = status.get("incidents").get(0);
        assertThat(incident.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(incident.get("ceasefireEffectiveFrom").isNull()).isTrue();
        assertThat(incident.get("casualties").get("PAK").get("killed").asInt()).isEqualTo(23);
        assertThat(incident.get("casualties").get("AFG").get("killed").asInt()).isEqualTo(200);
    }

    @Test
    void theTimelineAsJsonHasEveryEventInTheOrderThingsHappened() {
        runTheScenario();

        JsonNode timeline = ParleyRun.json(expecting(0, "timeline", "--store", store, "--json").out());

        assertThat(timeline).hasSize(SCENARIO_EVENTS);
        List<Long> positions = new ArrayList<>();
        for (int index = 0; index < timeline.size(); index++) {
            JsonNode entry = timeline.get(index);
            positions.add(entry.get("position").asLong());
            if (index > 0) {
                JsonNode previous = timeline.get(index - 1);
                Instant before = Instant.parse(previous.get("occurredAt").asText());
                Instant now = Instant.parse(entry.get("occurredAt").asText());
                assertThat(now).as("entry %d", index).isAfterOrEqualTo(before);
                if (now.equals(before)) {
                    assertThat(entry.get("position").asLong()).isGreaterThan(previous.get("position").asLong());
                }
            }
        }
        assertThat(positions).doesNotHaveDuplicates();
        assertThat(timeline.get(0).get("eventType").asText()).isEqualTo("IncidentReported");
        assertThat(timeline.get(timeline.size() - 1).get("aggregateId").asText()).isEqualTo(TALKS);
    }

    @Test
    void replayRebuildsTheReadModelsIdenticallyWithExitZero() {
        runTheScenario();

        ParleyRun.Output replay = expecting(0, "replay", "--store", store);

        assertThat(replay.out()).contains("Replayed " + SCENARIO_EVENTS + " events").contains("identical");
    }

    @Test
    void verifyIsIntactUntilAStoredPayloadIsAlteredThenExitsThreeNamingItsPosition() throws SQLException {
        runTheScenario();
        Path keys = directory.resolve("keys");

        ParleyRun.Output intact = expecting(0, "verify", "--store", store, "--keys", keys.toString());
        assertThat(intact.out()).startsWith("Intact: " + SCENARIO_EVENTS + " events verified");

        long position = alterOneByteOfAStoredPayload();
        ParleyRun.Output tampered = expecting(3, "verify", "--store", store, "--keys", keys.toString());

        assertThat(tampered.out().strip()).isEqualTo(
                "TAMPERED: position " + position + " (stream " + INCIDENT + "): "
                        + "the stored event does not match its hash (altered, swapped or forged)");
        JsonNode outcome = ParleyRun.json(expecting(3, "verify", "--store", store, "--keys", keys.toString(),
                                                    "--json").out());
        assertThat(outcome.get("intact").asBoolean()).isFalse();
        assertThat(outcome.get("firstBadPosition").asLong()).isEqualTo(position);
    }

    /** The driver then logs in as the OS user, whom the server does not know; the refusal is reported at once. */
    @Test
    void aUrlWithoutAUserFailsWithExitOneAndAPlainMessage() {
        String withoutUser = store.replaceAll("[?&]user=postgres", "");
        assertThat(withoutUser).doesNotContain("user=");

        ParleyRun.Output status = expecting(1, "status", "--store", withoutUser, "--json");

        assertThat(status.out()).isEmpty();
        // Asked for --json, the failure is JSON too.
        assertThat(status.err()).startsWith("{\"code\":\"STORE_UNUSABLE\",\"message\":\"cannot use the store at "
                                                    + withoutUser + ": ")
                                .contains("role");
        assertThat(status.err().lines()).hasSize(1);
        assertNoStackTrace(status.err());
        assertNoStackTrace(status.console());
    }

    /** Line 2 names a side that is not involved in the incident of line 1. */
    private static final String NOT_INVOLVED = """
            {"command":"ReportIncident","incidentId":"inc-1","location":"Chaman","attackers":["AFG"],"defenders":["PAK"],"description":"attack on a post","occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"RecordCasualties","incidentId":"inc-1","side":"IRN","killed":3,"occurredAt":"2025-10-12","source":"ISPR"}
            {"command":"RecordCasualties","incidentId":"inc-1","side":"PAK","killed":3,"occurredAt":"2025-10-12","source":"ISPR"}
            """;

    @Test
    void aRejectedLineIsReportedAndExitsTwoOnPostgresAsOnH2() throws SQLException {
        String file = ParleyRun.write(directory, "not-involved.ndjson", NOT_INVOLVED).toString();

        ParleyRun.Output onPostgres = expecting(2, "run", "--store", store, file);
        ParleyRun.Output onH2 = expecting(2, "run", "--store", ParleyRun.storeUrl(directory.resolve("h2")), file);

        List<String> errors = onPostgres.err().lines().toList();
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).matches("line 2: RecordCasualties: NOT_INVOLVED: IRN is not involved in incident"
                                                  + " inc-1 \\[(AFG, PAK|PAK, AFG)]");
        assertThat(errors.get(1)).isEqualTo("Ran " + file + ": 2 of 3 commands accepted, 1 rejected.");
        assertThat(onPostgres.err()).isEqualTo(onH2.err());
        assertThat(onPostgres.out()).isEqualTo(onH2.out()).isEmpty();
        assertThat(count("domain_event_entry")).as("the rejected line appended nothing").isEqualTo(2);
    }

    private static void assertNoStackTrace(String text) {
        assertThat(text).doesNotContain("Exception")
                        .doesNotContain("Caused by")
                        .doesNotContainPattern("(?m)^\\s+at [\\w$.<>]+\\(");
    }

    private long count(String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(store);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Changes the first letter of the source of the incident's casualty report, behind Parley's back. */
    private long alterOneByteOfAStoredPayload() throws SQLException {
        try (Connection connection = DriverManager.getConnection(store)) {
            long position;
            byte[] payload;
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery(
                         "SELECT global_index, payload FROM domain_event_entry WHERE aggregate_identifier = '"
                                 + INCIDENT + "' AND sequence_number = 3")) {
                assertThat(row.next()).isTrue();
                position = row.getLong(1);
                payload = row.getBytes(2);
            }
            String text = new String(payload, StandardCharsets.UTF_8);
            assertThat(text).contains("\"killed\":23", "\"source\":\"Pakistani account");
            byte[] altered = text.replace("\"source\":\"Pakistani", "\"source\":\"Qakistani")
                                 .getBytes(StandardCharsets.UTF_8);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?")) {
                update.setBytes(1, altered);
                update.setLong(2, position);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            return position;
        }
    }
}
