package dev.parley.web;

import dev.parley.web.api.Console;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleOffByDefaultTest {

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
    ApplicationContext context;

    @Test
    void withoutParleyWebEnabledTheApplicationServesNoConsole() {
        assertThat(context.getBeansOfType(Console.class)).isEmpty();
        assertThat(new Http(port).get("/api/status").statusCode()).isEqualTo(404);
        assertThat(new Http(port).get("/api/status").body()).doesNotContain("negotiations");
    }
}
