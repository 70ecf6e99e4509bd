package dev.parley.starter.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** An application listening on every interface may serve the console only with a token, which guards only it. */
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.web.enabled=true", "parley.web.token=desk-token-7"})
@DirtiesContext
class ConsoleTokenInApplicationTest {

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

    @Test
    void theConsolesPathsNeedTheTokenAndTheApplicationsOwnDoNot() {
        HttpHeaders bearer = new HttpHeaders();
        bearer.setBearerAuth("desk-token-7");

        assertThat(http.getForEntity("/api/status", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(http.getForEntity("/console/index.html", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(http.exchange("/api/status", HttpMethod.GET, new HttpEntity<>(bearer), String.class)
                       .getStatusCode().value()).isEqualTo(200);
        assertThat(http.getForEntity("/api/the-applications-own", String.class).getStatusCode().value())
                .isEqualTo(404);
    }
}
