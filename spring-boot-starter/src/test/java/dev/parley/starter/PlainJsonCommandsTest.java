package dev.parley.starter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.incident.api.ReportIncidentCommand;
import dev.parley.projections.json.ParleyJson;
import dev.parley.shared.api.ErrorCode;
import dev.parley.shared.api.IncidentId;
import dev.parley.starter.sample.SampleApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The application's own ObjectMapper, as Spring Boot builds it for its controllers, reads commands as plain JSON. */
@SpringBootTest(classes = SampleApplication.class)
@DirtiesContext
class PlainJsonCommandsTest {

    @TempDir
    static Path directory;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + directory.resolve("json"));
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("parley.keys", () -> directory.resolve("keys").toString());
    }

    @Autowired
    ObjectMapper applicationsMapper;

    @Test
    void aCommandReadsFromTheJsonOfACommandFileLineAndWritesItsIdsAsPlainStrings() throws Exception {
        ReportIncidentCommand command = applicationsMapper.readValue("""
                {"incidentId":"inc-3","location":"Chaman","attackers":["AFG"],"defenders":["PAK"],\
                "description":"attack","occurredAt":"2025-10-12","source":"ISPR"}""", ReportIncidentCommand.class);

        assertThat(command).isEqualTo(new ReportIncidentCommand(new IncidentId("inc-3"), "Chaman", List.of("AFG"),
                                                                List.of("PAK"), "attack",
                                                                Instant.parse("2025-10-12T00:00:00Z"), "ISPR"));
        assertThat(applicationsMapper.readTree(applicationsMapper.writeValueAsString(command)).get("incidentId")
                                     .textValue()).isEqualTo("inc-3");
    }

    @Test
    void aBrokenRuleKeepsItsCode() {
        assertThatThrownBy(() -> applicationsMapper.readValue("""
                {"incidentId":"","location":"Chaman","attackers":["AFG"],"defenders":["PAK"],\
                "description":"attack","occurredAt":"2025-10-12","source":"ISPR"}""", ReportIncidentCommand.class))
                .isInstanceOfSatisfying(JsonProcessingException.class, error -> assertThat(
                        ParleyJson.ruleBroken(error).code()).isEqualTo(ErrorCode.INVALID_COMMAND));
    }
}
