package dev.parley.starter;

import dev.parley.application.Parley;
import dev.parley.incident.api.ReportIncidentCommand;
import dev.parley.projections.status.FindStatusQuery;
import dev.parley.projections.status.IncidentView;
import dev.parley.projections.status.StatusReport;
import dev.parley.shared.api.IncidentId;
import dev.parley.starter.sample.SampleApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database on which a release before kept Parley's migrations in Flyway's default history table, opened by an
 * application that now brings its own {@code db/migration/V1__notes.sql}: Parley's history moves to its own table
 * before the application's Flyway looks, the application's migration runs, and what was recorded is still there.
 */
@SpringBootTest(classes = SampleApplication.class)
@DirtiesContext
class StoreBeforeParleysHistoryTableTest {

    private static final String INCIDENT = "bajaur-2025-10-12";

    @TempDir
    static Path directory;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws SQLException {
        String url = "jdbc:h2:file:" + directory.resolve("before");
        try (Parley parley = Parley.builder().store(url).keys(directory.resolve("keys")).build()) {
            parley.commands().sendAndWait(new ReportIncidentCommand(
                    new IncidentId(INCIDENT), "Bajaur", List.of("AFG"), List.of("PAK"), "shelling",
                    Instant.parse("2025-10-12T00:00:00Z"), "ISPR"));
        }
        // the names the release before gave Parley's history table, its key and its index
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE \"parley_schema_history\" RENAME TO \"flyway_schema_history\"");
            statement.execute("ALTER TABLE \"flyway_schema_history\" RENAME CONSTRAINT \"parley_schema_history_pk\""
                                      + " TO \"flyway_schema_history_pk\"");
            statement.execute("ALTER INDEX \"parley_schema_history_s_idx\" RENAME TO \"flyway_schema_history_s_idx\"");
        }
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("parley.keys", () -> directory.resolve("keys").toString());
    }

    @Autowired
    Parley parley;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theApplicationsFirstMigrationRunsAndParleyKeepsWhatItRecorded() throws Exception {
        assertThat(jdbc.queryForObject("SELECT text FROM note WHERE id = 1", String.class))
                .isEqualTo("the application's own table");
        assertThat(jdbc.queryForList("SELECT \"script\" FROM \"flyway_schema_history\" WHERE \"type\" = 'SQL'",
                                     String.class)).containsExactly("V1__notes.sql");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM \"parley_schema_history\" WHERE \"type\" = 'SQL'",
                                       Long.class)).isGreaterThanOrEqualTo(11);

        parley.awaitReadModels(Duration.ofSeconds(30));
        StatusReport status = parley.queries().query(FindStatusQuery.of(INCIDENT), StatusReport.class).get();
        assertThat(status.incidents()).extracting(IncidentView::id).containsExactly(INCIDENT);
        assertThat(parley.integrity().verify(position -> { }).intact()).isTrue();
    }
}
