package dev.parley.starter;

import dev.parley.application.Parley;
import dev.parley.application.integrity.Integrity;
import dev.parley.incident.api.ReportIncidentCommand;
import dev.parley.shared.api.IncidentId;
import dev.parley.starter.sample.SampleApplication;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's own {@link Integrity} replaces Parley's, the rest stays auto-configured; its own Flyway
 * migrations, in Spring Boot's default location and history table with no {@code spring.flyway.*} setting, run
 * beside Parley's, which keep to theirs.
 */
@SpringBootTest(classes = {SampleApplication.class, OwnBeansAndMigrationsTest.OwnIntegrity.class})
@DirtiesContext
class OwnBeansAndMigrationsTest {

    private static final String HISTORY = "SELECT COUNT(*) FROM \"%s\" WHERE \"success\" AND \"type\" = 'SQL'";

    @TempDir
    static Path directory;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + directory.resolve("own"));
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("parley.keys", () -> directory.resolve("parley-keys").toString());
    }

    @TestConfiguration
    static class OwnIntegrity {

        @Bean
        Integrity ownIntegrity(DataSource dataSource) {
            return new Integrity(dataSource, directory.resolve("own-keys"));
        }
    }

    @Autowired
    Integrity integrity;
    @Autowired
    CommandGateway commands;
    @Autowired
    Parley parley;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theApplicationsIntegritySignsWithItsOwnKeyWhileCommandsStillGoToParley() {
        commands.sendAndWait(new ReportIncidentCommand(new IncidentId("bajaur-2025-10-12"), "Bajaur", List.of("AFG"),
                                                       List.of("PAK"), "shelling",
                                                       Instant.parse("2025-10-12T00:00:00Z"), "ISPR"));

        integrity.checkpoint(integrity.verify(done -> { }));

        assertThat(directory.resolve("own-keys").resolve("parley-ed25519.public")).exists();
        assertThat(directory.resolve("parley-keys")).doesNotExist();
        assertThat(parley.integrity().latestCheckpoint()).as("both read the same store").isPresent();
    }

    @Test
    void theApplicationsOwnMigrationsInSpringBootsDefaultLocationRunBesideParleysInTheirOwnHistory() {
        assertThat(jdbc.queryForObject("SELECT text FROM note WHERE id = 1", String.class))
                .isEqualTo("the application's own table");
        assertThat(jdbc.queryForList("SELECT \"script\" FROM \"flyway_schema_history\" WHERE \"type\" = 'SQL'",
                                     String.class))
                .as("the application's history holds its own migration alone").containsExactly("V1__notes.sql");
        assertThat(jdbc.queryForObject(HISTORY.formatted("parley_schema_history"), Long.class))
                .as("Parley's migrations").isGreaterThanOrEqualTo(11);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM \"parley_schema_history\" WHERE \"type\" = 'BASELINE'",
                                       Long.class))
                .as("Parley started after the application's migrations and found its table there").isEqualTo(1);
    }
}
