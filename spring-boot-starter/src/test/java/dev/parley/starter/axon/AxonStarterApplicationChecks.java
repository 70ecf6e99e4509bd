package dev.parley.starter.axon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.application.Parley;
import dev.parley.application.storage.HashingEventStorageEngine;
import dev.parley.incident.api.ReportIncidentCommand;
import dev.parley.shared.api.IncidentId;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A Spring Boot application with {@code axon-spring-boot-starter} and Parley's starter on one DataSource (which each
 * subclass names: H2, PostgreSQL), driven
 * through real HTTP: one command bus, one event store (Parley's), one token store (Parley's schema), Axon's Spring
 * transactions around the application's own writes and Parley's, the application's own event handler, processors
 * configured by {@code axon.eventhandling.processors.*}, meters and health, read-your-writes and the actor from the
 * authenticated principal.
 */
@SpringBootTest(classes = AxonSampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class AxonStarterApplicationChecks {

    private static final Instant OCT_12 = Instant.parse("2025-10-12T00:00:00Z");

    @TempDir
    static Path directory;

    @DynamicPropertySource
    static void application(DynamicPropertyRegistry registry) {
        registry.add("spring.flyway.locations", () -> "classpath:db/axonsample");
        registry.add("spring.flyway.table", () -> "sample_schema_history");
        registry.add("parley.keys", () -> directory.resolve("keys").toString());
        registry.add("axon.eventhandling.processors.timeline.mode", () -> "pooled");
        registry.add("axon.eventhandling.processors.timeline.initial-segment-count", () -> "3");
        registry.add("axon.eventhandling.processors.timeline.thread-count", () -> "2");
        registry.add("management.endpoints.web.exposure.include", () -> "health,metrics");
        registry.add("management.endpoint.health.show-details", () -> "always");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ApplicationContext context;
    @Autowired
    Configuration axon;
    @Autowired
    Parley parley;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NoteDesk notes;
    @Autowired
    ReportedIncidents reportedIncidents;

    @Test
    void thereIsOneCommandBusOneEventStoreOnParleysEngineOneTokenStoreAndSpringsTransactions() {
        assertThat(context.getBeansOfType(CommandBus.class)).hasSize(1);
        assertThat(context.getBeansOfType(EventStore.class)).hasSize(1);
        assertThat(context.getBeansOfType(EventStorageEngine.class).values()).singleElement()
                .isInstanceOf(HashingEventStorageEngine.class);
        assertThat(context.getBeansOfType(TokenStore.class).values()).singleElement()
                .isInstanceOf(JdbcTokenStore.class);
        assertThat(axon.getComponent(TransactionManager.class)).isInstanceOf(SpringTransactionManager.class);
        assertThat(axon.eventStore()).isSameAs(context.getBean(EventStore.class));
        assertThat(axon.commandBus()).isSameAs(context.getBean(CommandBus.class));
        assertThat(context.getEnvironment().getProperty("axon.axonserver.enabled")).isEqualTo("false");
        assertThatThrownBy(() -> Class.forName("com.thoughtworks.xstream.XStream"))
                .as("no XStream on the classpath").isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void aReportPostedOverHttpIsAnsweredWithItsStatusAndRecordsTheAuthenticatedPrincipalAsActor() {
        ResponseEntity<JsonNode> posted = asUser().postForEntity("/incidents", report("torkham-2025-10-12"),
                                                                 JsonNode.class);

        assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(posted.getBody().at("/incidents/0/id").asText())
                .as("the read models already include the report when the answer comes")
                .isEqualTo("torkham-2025-10-12");
        JsonNode audit = asUser().getForObject("/incidents/torkham-2025-10-12/audit", JsonNode.class);
        assertThat(audit.at("/entries/0/actor").asText()).isEqualTo(SampleSecurity.USER);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                                       Long.class, "torkham-2025-10-12")).isEqualTo(1);
    }

    @Test
    void aCommandPostedAsPlainJsonThatBreaksARuleIsRefusedWithItsCode() {
        Map<String, Object> sameSides = new HashMap<>(report("both-sides-2025-10-12"));
        sameSides.put("defenders", List.of("AFG"));

        ResponseEntity<JsonNode> refused = asUser().postForEntity("/incidents", sameSides, JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("INVALID_COMMAND");
        assertThat(refused.getBody().get("message").asText()).contains("AFG cannot be both attacker and defender");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                                       Long.class, "both-sides-2025-10-12")).isZero();
    }

    @Test
    void withoutCredentialsNoCommandIsTaken() {
        ResponseEntity<String> refused = http.postForEntity("/incidents", report("refused-2025-10-12"),
                                                            String.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                                       Long.class, "refused-2025-10-12")).isZero();
    }

    @Test
    void anApplicationTransactionThatFailsAfterSendingACommandKeepsNeitherItsRowNorTheEvents() {
        long eventsBefore = count("domain_event_entry");
        long hashesBefore = count("event_hash");
        IncidentId kurram = new IncidentId("kurram-2025-10-12");

        assertThatThrownBy(() -> notes.noteAndSendThenFail("kurram", command(kurram)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sample_note WHERE text = 'kurram'", Long.class))
                .isZero();
        assertThat(count("domain_event_entry")).isEqualTo(eventsBefore);
        assertThat(count("event_hash")).isEqualTo(hashesBefore);
        asUser().postForEntity("/incidents", report(kurram.value()), JsonNode.class);
        assertThat(asUser().getForObject("/incidents/" + kurram.value(), JsonNode.class)
                           .at("/incidents").size())
                .as("the id is free: the rolled back report left nothing behind").isEqualTo(1);
    }

    @Test
    void theApplicationsOwnHandlerSeesParleysEventsAndCanBeReplayed() {
        asUser().postForEntity("/incidents", report("chaman-2025-10-12"), JsonNode.class);
        await().atMost(Duration.ofSeconds(30))
               .until(() -> reportedIncidents.seen().contains("chaman-2025-10-12"));

        StreamingEventProcessor own = axon.eventProcessingConfiguration()
                                          .eventProcessor(ReportedIncidents.GROUP, StreamingEventProcessor.class)
                                          .orElseThrow();
        own.shutDown();
        own.resetTokens();
        own.start();

        await().atMost(Duration.ofSeconds(30))
               .until(() -> reportedIncidents.seen().contains("chaman-2025-10-12"));
        assertThat(reportedIncidents.seen()).containsAll(reportedIds());
    }

    @Test
    void parleysReadModelsAreAxonProcessorsConfiguredByAxonsProperties() {
        asUser().postForEntity("/incidents", report("angoor-adda-2025-10-12"), JsonNode.class);

        for (String readModel : Parley.READ_MODELS) {
            assertThat(axon.eventProcessingConfiguration().eventProcessor(readModel, StreamingEventProcessor.class))
                    .as(readModel).isPresent();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM token_entry WHERE processor_name = 'timeline'",
                                       Long.class))
                .as("axon.eventhandling.processors.timeline.initial-segment-count").isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM token_entry WHERE processor_name = 'status'",
                                       Long.class))
                .as("Parley's default where Axon's properties say nothing").isEqualTo(1);
    }

    @Test
    void theActuatorShowsAxonsMetersAndEachReadModelsLagAndSegments() {
        asUser().postForEntity("/incidents", report("bajaur-2025-10-12"), JsonNode.class);

        JsonNode metrics = http.getForObject("/actuator/metrics", JsonNode.class);
        List<String> names = new ArrayList<>();
        metrics.get("names").forEach(name -> names.add(name.asText()));
        assertThat(names).anyMatch(name -> name.startsWith("commandBus"));
        for (String readModel : Parley.READ_MODELS) {
            assertThat(names).as(readModel).anyMatch(name -> name.startsWith(readModel + "."));
        }

        JsonNode health = http.getForObject("/actuator/health/parley", JsonNode.class);
        assertThat(health.get("status").asText()).isEqualTo("UP");
        for (String readModel : Parley.READ_MODELS) {
            JsonNode standing = health.at("/details/readModels/" + readModel);
            assertThat(standing.get("lag").asLong()).as(readModel).isZero();
            assertThat(standing.get("claimedSegments").isArray()).isTrue();
        }
        assertThat(health.at("/details/readModels/timeline/claimedSegments").size()).isEqualTo(3);
    }

    private List<String> reportedIds() {
        return jdbc.queryForList("SELECT DISTINCT aggregate_identifier FROM domain_event_entry"
                                         + " WHERE payload_type LIKE '%IncidentReported%'", String.class);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private TestRestTemplate asUser() {
        return http.withBasicAuth(SampleSecurity.USER, SampleSecurity.PASSWORD);
    }

    private static Map<String, Object> report(String id) {
        return Map.of("incidentId", id, "location", "border crossing", "attackers", List.of("AFG"),
                      "defenders", List.of("PAK"), "description", "exchange of fire",
                      "occurredAt", "2025-10-12", "source", "ISPR");
    }

    private static ReportIncidentCommand command(IncidentId id) {
        return new ReportIncidentCommand(id, "border crossing", List.of("AFG"), List.of("PAK"), "exchange of fire",
                                         OCT_12, "ISPR");
    }
}
