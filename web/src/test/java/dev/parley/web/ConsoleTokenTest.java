package dev.parley.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.web.enabled=true", "parley.web.guard-all=true", "server.address=0.0.0.0",
                "parley.web.token=open-sesame-42"})
class ConsoleTokenTest {

    static RecordedStore store;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry properties) {
        store = RecordedStore.withScenario(List.of());
        properties.add("test.store", () -> store.url);
        properties.add("test.keys", () -> store.keys.toString());
    }

    @LocalServerPort
    int port;

    @Test
    void listeningOnEveryInterfaceEveryRequestNeedsTheToken() {
        Http http = new Http(port);

        HttpResponse<String> without = http.get("/api/status");
        HttpResponse<String> wrong = http.get("/api/status", "Authorization", "Bearer open-sesame-43");
        HttpResponse<String> docs = http.get("/v3/api-docs");
        HttpResponse<String> bearer = http.get("/api/status", "Authorization", "Bearer open-sesame-42");

        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(Http.json(without).get("code").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(docs.statusCode()).isEqualTo(401);
        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(Http.json(bearer).at("/negotiations/0/status").asText()).isEqualTo("COLLAPSED");
    }

    @Test
    void aPageOpenedWithTheTokenLeavesAStrictHttpOnlyCookieAndDropsTheTokenFromTheAddress() {
        Http http = new Http(port);

        HttpResponse<String> opened = http.get("/api/timeline?at=2025-10-20&token=open-sesame-42");
        String cookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
        HttpResponse<String> withCookie = http.get("/api/timeline?at=2025-10-20",
                                                   "Cookie", cookie.substring(0, cookie.indexOf(';')));

        assertThat(opened.statusCode()).isEqualTo(303);
        assertThat(opened.headers().firstValue("Location")).hasValue("/api/timeline?at=2025-10-20");
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
        assertThat(withCookie.statusCode()).isEqualTo(200);
        assertThat(Http.json(withCookie)).hasSize(9);
        assertThat(http.get("/api/status?token=wrong").statusCode()).isEqualTo(401);
    }
}
