package dev.parley.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.parley.application.Parley;
import dev.parley.application.integrity.CheckpointTrust;
import dev.parley.application.integrity.InclusionProof;
import dev.parley.application.integrity.Integrity;
import dev.parley.application.integrity.SignedTreeHead;
import dev.parley.projections.json.ParleyJson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.web.enabled=true", "parley.web.guard-all=true", "server.address=127.0.0.1"})
class ConsoleApiTest {

    static final String TALKS = "pak-afg-talks-2025";
    static final String INCIDENT = "pak-afg-border-posts-2025-10-12";
    static final String ISTANBUL_WHAT_IF = """
            {"command":"RespondToFramework","negotiationId":"pak-afg-talks-2025","frameworkId":"pak-counterterrorism-framework","party":"AFG","response":"ACCEPTED","occurredAt":"2025-10-29","source":"What-if"}
            {"command":"ConcludeRound","negotiationId":"pak-afg-talks-2025","outcome":"Counterterrorism framework agreed","occurredAt":"2025-10-29","source":"What-if"}
            """;

    static RecordedStore store;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry properties) {
        store = RecordedStore.withScenario(List.of());
        properties.add("test.store", () -> store.url);
        properties.add("test.keys", () -> store.keys.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    Parley parley;

    Http http() {
        return new Http(port);
    }

    @Test
    void statusShowsTheTalksCollapsedAndTheIncidentUnderCeasefire() {
        HttpResponse<String> response = http().get("/api/status");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode status = Http.json(response);
        assertThat(status.at("/negotiations/0/id").asText()).isEqualTo(TALKS);
        assertThat(status.at("/negotiations/0/status").asText()).isEqualTo("COLLAPSED");
        assertThat(status.at("/negotiations/0/ceasefireInForce").asBoolean()).isTrue();
        assertThat(status.at("/negotiations/0/mediationOffers/0").asText()).isEqualTo("IRN");
        assertThat(status.at("/incidents/0/status").asText()).isEqualTo("CEASEFIRE");
        assertThat(status.at("/incidents/0/casualties/AFG/killed").asInt()).isEqualTo(200);
    }

    @Test
    void statusAtTheTwentiethOfOctoberShowsRoundOneConcludedAndTheCeasefireInForce() {
        JsonNode status = Http.json(http().get("/api/status/" + TALKS + "?at=2025-10-20"));

        assertThat(status.get("negotiations")).hasSize(1);
        assertThat(status.get("incidents")).isEmpty();
        JsonNode talks = status.at("/negotiations/0");
        assertThat(talks.get("status").asText()).isEqualTo("ROUND_CONCLUDED");
        assertThat(talks.get("currentRound").asInt()).isEqualTo(1);
        assertThat(talks.at("/rounds/0/closedAs").asText()).isEqualTo("CONCLUDED");
        assertThat(talks.get("ceasefireInForce").asBoolean()).isTrue();
        assertThat(talks.get("ceasefireEffectiveFrom").asText()).isEqualTo("2025-10-19T00:00:00Z");
    }

    @Test
    void statusKnownAtATimeBeforeAnythingWasRecordedIsEmpty() {
        JsonNode status = Http.json(http().get("/api/status?knownAt=2001-01-01"));

        assertThat(status.get("negotiations")).isEmpty();
        assertThat(status.get("incidents")).isEmpty();
    }

    @Test
    void anUnknownAggregateIsAJson404() {
        HttpResponse<String> response = http().get("/api/status/no-such-talks");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Http.json(response).get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(Http.json(response).get("message").asText()).contains("no-such-talks");
    }

    @Test
    void unreadableAndOutOfRangeTimesAreInvalidCommandsWithoutAStackTrace() {
        HttpResponse<String> unreadable = http().get("/api/timeline?at=yesterday");
        HttpResponse<String> tooEarly = http().get("/api/status?knownAt=1850-01-01");

        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(Http.json(unreadable).get("code").asText()).isEqualTo("INVALID_COMMAND");
        assertThat(Http.json(unreadable).get("message").asText()).contains("yesterday");
        assertThat(tooEarly.statusCode()).isEqualTo(400);
        assertThat(Http.json(tooEarly).get("code").asText()).isEqualTo("INVALID_COMMAND");
        assertThat(Http.json(tooEarly)).hasSize(2);
    }

    @Test
    void timelineIsInTheOrderThingsHappenedAndStopsAtTheValidTime() {
        JsonNode all = Http.json(http().get("/api/timeline"));
        JsonNode byTwentieth = Http.json(http().get("/api/timeline?at=2025-10-20"));

        assertThat(all).hasSize(13);
        List<String> times = new ArrayList<>();
        all.forEach(entry -> times.add(entry.get("occurredAt").asText()));
        assertThat(times).isSorted();
        assertThat(byTwentieth).hasSize(9);
        byTwentieth.forEach(entry -> assertThat(entry.get("occurredAt").asText()).isLessThan("2025-10-20"));
    }

    @Test
    void auditPagesTogetherAreTheWholeTrailInStoreOrder() {
        JsonNode first = Http.json(http().get("/api/audit?limit=5"));
        JsonNode second = Http.json(http().get("/api/audit?offset=5&limit=5"));
        JsonNode third = Http.json(http().get("/api/audit?offset=10&limit=5"));
        JsonNode whole = Http.json(http().get("/api/audit?limit=1000"));

        assertThat(first.get("total").asInt()).isEqualTo(13);
        assertThat(first.get("entries")).hasSize(5);
        assertThat(third.get("entries")).hasSize(3);
        ArrayNode joined = ParleyJson.mapper().createArrayNode();
        List.of(first, second, third).forEach(page -> joined.addAll((ArrayNode) page.get("entries")));
        assertThat(joined).isEqualTo(whole.get("entries"));
        assertThat(whole.at("/entries/0/position").asLong()).isEqualTo(1);
        assertThat(whole.at("/entries/0/hash").asText()).hasSize(64);
        assertThat(whole.at("/entries/0/actor").asText()).isEqualTo("web-test");
    }

    @Test
    void auditOfOneAggregateHoldsOnlyItsEventsAndBadPagingIsRefused() {
        JsonNode incident = Http.json(http().get("/api/audit?aggregateId=" + INCIDENT));
        HttpResponse<String> noRows = http().get("/api/audit?limit=0");
        HttpResponse<String> notANumber = http().get("/api/audit?offset=first");

        assertThat(incident.get("total").asInt()).isEqualTo(6);
        incident.get("entries").forEach(entry -> assertThat(entry.get("aggregateId").asText()).isEqualTo(INCIDENT));
        assertThat(noRows.statusCode()).isEqualTo(400);
        assertThat(Http.json(noRows).get("code").asText()).isEqualTo("INVALID_COMMAND");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(Http.json(notANumber).get("message").asText()).contains("offset");
    }

    @Test
    void verifyFindsTheStoreIntactWithTheRootOfTheLatestCheckpoint() {
        JsonNode verified = Http.json(http().get("/api/verify"));
        JsonNode checkpoint = Http.json(http().get("/api/checkpoints/latest"));

        assertThat(verified.get("intact").asBoolean()).isTrue();
        assertThat(verified.get("events").asLong()).isEqualTo(13);
        assertThat(verified.get("firstBadPosition").isNull()).isTrue();
        assertThat(checkpoint.get("treeSize").asLong()).isEqualTo(13);
        assertThat(checkpoint.get("rootHash").asText()).isEqualTo(verified.get("rootHash").asText());
        assertThat(checkpoint.get("note").asText()).startsWith(checkpoint.get("origin").asText() + "\n13\n");
    }

    @Test
    void aProofDownloadedFromTheConsoleChecksOfflineAgainstTheCheckpointAndTheStoresKey() throws Exception {
        HttpResponse<String> download = http().get("/api/proofs/7?download=true");
        String note = http().get("/api/checkpoints/latest/note").body();

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"proof-7.json\"");
        InclusionProof proof = ParleyJson.mapper().readValue(download.body(), InclusionProof.class);
        assertThat(proof.position()).isEqualTo(7);
        byte[] key = new Integrity(parley.store().dataSource(), store.keys).publicKeyOrNull();
        assertThat(Integrity.checkProof(proof, SignedTreeHead.parse(note), CheckpointTrust.ownKey(key))).isNull();
        assertThat(http().get("/api/verifier-key").body()).startsWith(Http.json(
                http().get("/api/checkpoints/latest")).get("origin").asText() + "+");
    }

    @Test
    void aProofOfAPositionBeyondTheRecordIsA404() {
        HttpResponse<String> response = http().get("/api/proofs/99");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Http.json(response).get("message").asText()).contains("1 to 13");
    }

    @Test
    void theIstanbulWhatIfConcludesTheRoundInTheForkAndLeavesTheRecordAsItWas() {
        long head = parley.forks().head();
        String before = http().get("/api/status").body();

        HttpResponse<String> response = http().post("/api/forks", "application/json",
                forkRequest("\"at\":\"" + (head - 2) + "\"", ISTANBUL_WHAT_IF));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode fork = Http.json(response);
        assertThat(fork.get("accepted").asInt()).isEqualTo(2);
        assertThat(fork.get("rejections")).isEmpty();
        assertThat(fork.get("forkPoint").asLong()).isEqualTo(head - 2);
        JsonNode talks = fork.at("/diff/aggregates/0");
        assertThat(talks.get("aggregateId").asText()).isEqualTo(TALKS);
        assertThat(talks.get("forkEvents")).extracting(event -> event.get("eventType").asText())
                .containsExactly("FrameworkAccepted", "RoundConcluded");
        assertThat(talks.get("baseEventsAfterForkPoint")).extracting(event -> event.get("eventType").asText())
                .containsExactly("TalksCollapsed", "MediationOffered");
        assertThat(talks.get("statusDifferences")).anySatisfy(difference -> {
            assertThat(difference.get("field").asText()).isEqualTo("status");
            assertThat(difference.get("base").asText()).isEqualTo("COLLAPSED");
            assertThat(difference.get("fork").asText()).isEqualTo("ROUND_CONCLUDED");
        });
        assertThat(parley.forks().head()).isEqualTo(head);
        assertThat(http().get("/api/status").body()).isEqualTo(before);
    }

    @Test
    void aForkAtARecordingTimeBeforeAnythingWasRecordedStartsFromNothingAndReportsRejectionsWithTheirCodes() {
        JsonNode fork = Http.json(http().post("/api/forks", "application/json", """
                {"at":"2001-01-01","commands":[
                  {"command":"OpenRound","negotiationId":"t","round":2,"mediators":[],"venue":"Doha","occurredAt":"2025-10-19","source":"s"},
                  {"command":"RecordCasualties","incidentId":"i","side":"PAK","killed":1,"occurredAt":"2025-10-19","source":"s"},
                  {"command":"ReportIncident","incidentId":"i","location":"x","attackers":["A"],"defenders":["B"],"description":"d","occurredAt":"2025-10-12","source":"s","occuredAt":"typo"}
                ]}"""));

        assertThat(fork.get("forkPoint").asLong()).isZero();
        assertThat(fork.get("accepted").asInt()).isZero();
        assertThat(fork.get("rejections")).extracting(rejection -> rejection.get("code").asText())
                .containsExactly("UNKNOWN_NEGOTIATION", "UNKNOWN_INCIDENT", "INVALID_COMMAND");
        assertThat(fork.at("/rejections/1/line").asInt()).isEqualTo(2);
        assertThat(fork.at("/rejections/1/command").asText()).isEqualTo("RecordCasualties");
    }

    @Test
    void aForkSavedAsABranchIsListedAndOpensWithItsDiffButASecondSaveUnderTheNameIsRefused() {
        long head = parley.forks().head();
        String request = forkRequest("\"at\":" + (head - 2) + ",\"save\":\"istanbul-agreed\"", ISTANBUL_WHAT_IF);

        HttpResponse<String> saved = http().post("/api/forks", "application/json", request);
        HttpResponse<String> again = http().post("/api/forks", "application/json", request);
        JsonNode branches = Http.json(http().get("/api/branches"));
        JsonNode branch = Http.json(http().get("/api/branches/istanbul-agreed"));

        assertThat(Http.json(saved).get("savedAs").asText()).isEqualTo("istanbul-agreed");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Http.json(again).get("code").asText()).isEqualTo("BRANCH_EXISTS");
        assertThat(branches).anySatisfy(summary -> {
            assertThat(summary.get("name").asText()).isEqualTo("istanbul-agreed");
            assertThat(summary.get("forkPoint").asLong()).isEqualTo(head - 2);
            assertThat(summary.get("events").asInt()).isEqualTo(2);
        });
        assertThat(branch.at("/diff/aggregates/0/forkEvents")).hasSize(2);
        assertThat(http().get("/api/branches/no-such-branch").statusCode()).isEqualTo(404);
        assertThat(parley.forks().head()).isEqualTo(head);
    }

    @Test
    void aForkFromAnotherSiteIsRefusedAndMakesNothing() {
        String request = forkRequest("\"at\":\"3\",\"save\":\"from-elsewhere\"", ISTANBUL_WHAT_IF);

        HttpResponse<String> otherOrigin = http().post("/api/forks", "application/json", request,
                                                       "Origin", "http://evil.example");
        HttpResponse<String> crossSite = http().post("/api/forks", "application/json", request,
                                                     "Sec-Fetch-Site", "cross-site");
        HttpResponse<String> form = http().post("/api/forks", "text/plain", request);
        HttpResponse<String> sameOrigin = http().post("/api/forks", "application/json",
                                                      forkRequest("\"at\":\"3\"", ISTANBUL_WHAT_IF),
                                                      "Origin", "http://127.0.0.1:" + port);

        assertThat(otherOrigin.statusCode()).isEqualTo(403);
        assertThat(Http.json(otherOrigin).get("code").asText()).isEqualTo("CROSS_ORIGIN");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(Http.json(form).get("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(sameOrigin.statusCode()).isEqualTo(200);
        assertThat(parley.forks().branches().exists("from-elsewhere")).isFalse();
    }

    @Test
    void requestBodiesAndForksAreBounded() {
        String tooManyCommands = forkRequest("\"at\":\"3\"",
                "{\"command\":\"Collapse\",\"negotiationId\":\"t\",\"reason\":\"r\",\"occurredAt\":\"2025-10-20\","
                        + "\"source\":\"s\"}\n".repeat(1001));
        String tooLarge = "{\"at\":\"3\",\"commandFile\":\"" + "#".repeat(2 * 1024 * 1024) + "\"}";

        HttpResponse<String> many = http().post("/api/forks", "application/json", tooManyCommands);
        HttpResponse<String> large = http().post("/api/forks", "application/json", tooLarge);

        assertThat(many.statusCode()).isEqualTo(413);
        assertThat(Http.json(many).get("code").asText()).isEqualTo("TOO_MANY_COMMANDS");
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(Http.json(large).get("code").asText()).isEqualTo("TOO_LARGE");

        byte[] bytes = tooLarge.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> chunked = http().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/forks"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(bytes))));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(Http.json(chunked).get("code").asText()).isEqualTo("TOO_LARGE");
    }

    @Test
    void malformedRequestsAndUnknownPathsAnswerJsonErrorsWithoutAStackTrace() {
        HttpResponse<String> malformed = http().post("/api/forks", "application/json", "{\"at\": ");
        HttpResponse<String> neither = http().post("/api/forks", "application/json", "{\"commands\":[]}");
        HttpResponse<String> unknown = http().get("/api/nothing-here");

        for (HttpResponse<String> response : List.of(malformed, neither, unknown)) {
            assertThat(response.statusCode()).isBetween(400, 499);
            assertThat(Http.json(response).fieldNames()).toIterable().containsExactly("code", "message");
            assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception");
        }
        assertThat(Http.json(malformed).get("code").asText()).isEqualTo("INVALID_COMMAND");
        assertThat(Http.json(neither).get("code").asText()).isEqualTo("INVALID_COMMAND");
        assertThat(Http.json(unknown).get("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void theOpenApiDescriptionNamesEveryEndpoint() {
        HttpResponse<String> response = http().get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = Http.json(response).get("paths");
        assertThat(paths.fieldNames()).toIterable().contains("/api/status", "/api/status/{id}", "/api/timeline",
                "/api/audit", "/api/verify", "/api/checkpoints/latest", "/api/proofs/{position}", "/api/forks",
                "/api/branches", "/api/branches/{name}");
        assertThat(Http.json(response).get("openapi").asText()).startsWith("3.");
    }

    @Test
    void pagesAreServedFromTheJarWithAPolicyThatAllowsOnlyTheConsolesOwnScripts() {
        HttpResponse<String> page = http().get("/console/");
        HttpResponse<String> chart = http().get("/webjars/echarts/5.3.1/dist/echarts.min.js");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"board.js\" defer></script>");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-eval"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.body()).contains("echarts");
        for (String script : List.of("console.js", "board.js", "charts.js", "audit.js", "whatif.js")) {
            assertThat(http().get("/console/" + script).body()).as(script).doesNotContain("innerHTML")
                    .doesNotContain("insertAdjacentHTML").doesNotContain("document.write");
        }
    }

    static String forkRequest(String origin, String commandFile) {
        try {
            return "{" + origin + ",\"commandFile\":" + ParleyJson.mapper().writeValueAsString(commandFile) + "}";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
