package dev.parley.starter.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.application.Parley;
import dev.parley.incident.api.ReportIncidentCommand;
import dev.parley.shared.api.IncidentId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.web.enabled=true", "server.address=127.0.0.1"})
@DirtiesContext
class ConsoleInApplicationTest {

    @TempDir
    static Path directory;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + directory.resolve("app"));
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("parley.keys", () -> directory.resolve("keys").toString());
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    Parley parley;

    @Test
    void parleyWebEnabledServesTheConsolesApiOnTheApplicationsParley() throws Exception {
        parley.sendAndAwaitReadModels(new ReportIncidentCommand(new IncidentId("inc-console"), "border crossing",
                List.of("AFG"), List.of("PAK"), "exchange of fire", Instant.parse("2025-10-12T00:00:00Z"), "ISPR"),
                Duration.ofSeconds(30));

        ResponseEntity<String> status = http.getForEntity("/api/status/inc-console", String.class);
        ResponseEntity<String> before = http.getForEntity("/api/status/inc-console?at=2025-10-11", String.class);
        ResponseEntity<String> audit = http.getForEntity("/api/audit?aggregateId=inc-console", String.class);

        assertThat(status.getStatusCode().value()).isEqualTo(200);
        JsonNode incident = new ObjectMapper().readTree(status.getBody()).at("/incidents/0");
        assertThat(incident.get("id").asText()).isEqualTo("inc-console");
        assertThat(incident.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(before.getStatusCode().value()).isEqualTo(404);
        assertThat(new ObjectMapper().readTree(before.getBody()).get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(new ObjectMapper().readTree(audit.getBody()).at("/entries/0/eventType").asText())
                .isEqualTo("IncidentReported");
    }

    @Test
    void theRestOfTheApplicationsApiPathsStayTheApplicationsOwn() {
        ResponseEntity<String> other = http.getForEntity("/api/the-applications-own", String.class);

        assertThat(other.getStatusCode().value()).isEqualTo(404);
        assertThat(other.getBody()).doesNotContain("\"code\"");
        assertThat(other.getHeaders().getFirst("X-Frame-Options")).isNull();
    }
}
