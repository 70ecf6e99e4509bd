package dev.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.application.Parley;
import dev.parley.application.integrity.Integrity;
import dev.parley.application.integrity.KeySource;
import dev.parley.projections.json.ParleyJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's API answers what the command line's {@code --json} prints for the same question on the same store,
 * byte for byte where nothing is measured.
 */
class ApiEqualsCliTest {

    private static final Path SCENARIO = Path.of("..", "scenarios", "pak-afghan-2025.ndjson");
    private static final String TALKS = "pak-afg-talks-2025";
    private static final String WHAT_IF = """
            # the Istanbul round does not collapse
            {"command":"RespondToFramework","negotiationId":"pak-afg-talks-2025","frameworkId":"pak-counterterrorism-framework","party":"AFG","response":"ACCEPTED","occurredAt":"2025-10-29","source":"What-if"}
            {"command":"RespondToFramework","negotiationId":"pak-afg-talks-2025","frameworkId":"no-such-framework","party":"AFG","response":"ACCEPTED","occurredAt":"2025-10-29","source":"What-if"}

            {"command":"ConcludeRound","negotiationId":"pak-afg-talks-2025","outcome":"Counterterrorism framework agreed","occurredAt":"2025-10-29","source":"What-if"}
            {"command":"RecordStrike","incidentId":"pak-afg-border-posts-2025-10-12","by":"PAK","targets":["x"],"description":"d","occurredAt":"2025-10-30","source":"What-if"}
            """;

    @TempDir
    static Path directory;

    static String store;
    static Path keys;
    static Parley parley;
    static ConfigurableApplicationContext console;
    static HttpClient http = HttpClient.newHttpClient();
    static int port;

    @BeforeAll
    static void recordTheScenarioSignACheckpointAndServe() {
        store = Cli.storeUrl(directory);
        keys = directory.resolve("keys");
        assertThat(Cli.parley("run", "--store", store, "--actor", "analyst", SCENARIO.toString()).exitCode()).isZero();
        assertThat(Cli.parley("checkpoint", "--store", store, "--keys", keys.toString()).exitCode()).isZero();
        parley = Parley.open(store);
        Integrity integrity = new Integrity(parley.store().dataSource(), KeySource.directory(keys), null);
        console = ServeCommand.start(parley, integrity, 0, "127.0.0.1", null);
        port = ((WebServerApplicationContext) console).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        console.close();
        parley.close();
    }

    @Test
    void statusOfEverythingIsTheSame() {
        assertSame(cli("status", "--json"), get("/api/status"));
    }

    @Test
    void statusOfOneAggregateOnBothTimeAxesIsTheSame() {
        assertSame(cli("status", TALKS, "--at", "2025-10-20", "--json"), get("/api/status/" + TALKS + "?at=2025-10-20"));
        String recorded = Cli.json(cli("audit", TALKS, "--json")).get(3).get("recordedAt").asText();
        assertSame(cli("status", TALKS, "--at", "2025-10-26", "--known-at", recorded, "--json"),
                   get("/api/status/" + TALKS + "?at=2025-10-26&knownAt=" + recorded));
    }

    @Test
    void timelineIsTheSameNowAndAsOfAValidTime() {
        assertSame(cli("timeline", "--json"), get("/api/timeline"));
        assertSame(cli("timeline", "--at", "2025-10-20", "--json"), get("/api/timeline?at=2025-10-20"));
    }

    @Test
    void theAuditPagesTogetherAreTheCliAuditTrail() {
        JsonNode cli = Cli.json(cli("audit", "--json"));
        ArrayNode pages = ParleyJson.mapper().createArrayNode();
        for (int offset = 0; offset < cli.size(); offset += 4) {
            pages.addAll((ArrayNode) Cli.json(get("/api/audit?offset=" + offset + "&limit=4")).get("entries"));
        }
        assertThat(pages).isEqualTo(cli);
        assertThat(Cli.json(get("/api/audit?aggregateId=" + TALKS + "&limit=1000")).get("entries"))
                .isEqualTo(Cli.json(cli("audit", TALKS, "--json")));
    }

    @Test
    void verifyIsTheSameButForTheTimeItTook() {
        ObjectNode cli = (ObjectNode) Cli.json(cli("verify", "--json"));
        ObjectNode api = (ObjectNode) Cli.json(get("/api/verify"));
        assertThat(api.fieldNames()).toIterable().containsExactlyElementsOf(() -> cli.fieldNames());
        for (ObjectNode outcome : List.of(cli, api)) {
            outcome.remove(List.of("seconds", "eventsPerSecond"));
        }
        assertThat(api).isEqualTo(cli);
        assertThat(api.get("intact").asBoolean()).isTrue();
    }

    @Test
    void anInclusionProofIsTheSame() {
        assertSame(cli("prove", "5", "--keys", keys.toString()), get("/api/proofs/5"));
    }

    @Test
    void aForkRejectsTheSameLinesAndDiffsTheSameAsTheCli() throws IOException {
        long collapse = Cli.json(cli("audit", TALKS, "--json")).get(4).get("position").asLong();
        Path file = Cli.write(directory, "what-if.ndjson", WHAT_IF);
        Cli.Result fork = Cli.parley("fork", "--store", store, "--at", String.valueOf(collapse - 1), "--then",
                                     file.toString(), "--json", "--against", "fork-point");
        JsonNode api = Cli.json(post("/api/forks", "{\"at\":\"" + (collapse - 1) + "\",\"against\":\"fork-point\","
                + "\"commandFile\":" + ParleyJson.mapper().writeValueAsString(WHAT_IF) + "}"));

        List<String> lines = fork.outLines();
        assertThat(fork.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(api.get("rejections")).hasSize(lines.size() - 1);
        for (int i = 0; i < lines.size() - 1; i++) {
            assertThat(ParleyJson.mapper().writeValueAsString(api.get("rejections").get(i))).isEqualTo(lines.get(i));
        }
        assertThat(api.at("/rejections/0/code").asText()).isEqualTo("UNKNOWN_FRAMEWORK");
        assertThat(ParleyJson.mapper().writeValueAsString(api.get("diff"))).isEqualTo(lines.get(lines.size() - 1));
    }

    @Test
    void savedBranchesAreListedTheSame() throws IOException {
        post("/api/forks", "{\"at\":\"3\",\"save\":\"from-the-api\",\"commands\":[]}");
        assertSame(cli("forks", "--json"), get("/api/branches"));
        assertThat(Cli.json(get("/api/branches"))).anySatisfy(
                branch -> assertThat(branch.get("name").asText()).isEqualTo("from-the-api"));
    }

    private static void assertSame(String cli, String api) {
        assertThat(api + "\n").isEqualTo(cli);
    }

    private static String cli(String... args) {
        String[] withStore = new String[args.length + 2];
        System.arraycopy(args, 0, withStore, 0, args.length);
        withStore[args.length] = "--store";
        withStore[args.length + 1] = store;
        Cli.Result result = Cli.parley(withStore);
        assertThat(result.exitCode()).as("parley %s: %s", String.join(" ", args), result.err()).isZero();
        return result.out();
    }

    private static String get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET());
    }

    private static String post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private static String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(),
                                                       HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
