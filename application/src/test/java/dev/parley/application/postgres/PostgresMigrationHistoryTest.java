package dev.parley.application.postgres;

import dev.parley.application.Parley;
import dev.parley.application.commandfile.CommandFileRunner;
import dev.parley.application.testing.PostgresServer;
import dev.parley.projections.status.FindStatusQuery;
import dev.parley.projections.status.StatusReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On PostgreSQL, a store whose Parley history a release before kept in {@code flyway_schema_history} (with the key
 * and index Flyway names after it) is taken over in place, and the names are free again for an application's Flyway.
 */
class PostgresMigrationHistoryTest {

    private static final Path SCENARIO = Path.of("..", "scenarios", "pak-afghan-2025.ndjson");
    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    @RegisterExtension
    static final PostgresServer postgres = new PostgresServer();

    @TempDir
    Path keys;

    @Test
    void aStoreWithParleysHistoryInFlywaysDefaultTableIsTakenOverAndAnswersAsBefore() throws Exception {
        String url = postgres.freshDatabase("legacy");
        StatusReport before;
        try (Parley parley = Parley.builder().store(url).keys(keys).build()) {
            assertThat(new CommandFileRunner(parley.commands(), "postgres-test")
                               .run(SCENARIO, new CommandFileRunner.Listener() { }).rejections()).isEmpty();
            parley.awaitReadModels(CATCH_UP);
            before = parley.queries().query(FindStatusQuery.all(), StatusReport.class).get();
        }
        execute(url, "ALTER TABLE parley_schema_history RENAME TO flyway_schema_history",
                "ALTER TABLE flyway_schema_history RENAME CONSTRAINT parley_schema_history_pk"
                        + " TO flyway_schema_history_pk",
                "ALTER INDEX parley_schema_history_s_idx RENAME TO flyway_schema_history_s_idx");
        List<String> history = rows(url, "SELECT version, script, checksum FROM flyway_schema_history"
                + " ORDER BY installed_rank");

        try (Parley parley = Parley.builder().store(url).keys(keys).build()) {
            parley.awaitReadModels(CATCH_UP);
            assertThat(parley.queries().query(FindStatusQuery.all(), StatusReport.class).get()).isEqualTo(before);
            assertThat(parley.integrity().verify(position -> { }).intact()).isTrue();
        }
        assertThat(rows(url, "SELECT version, script, checksum FROM parley_schema_history ORDER BY installed_rank"))
                .isEqualTo(history);
        assertThat(rows(url, "SELECT relname FROM pg_class WHERE relname LIKE 'flyway_schema_history%'"))
                .as("no table, key or index left under Flyway's default names").isEmpty();
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> rows(String url, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= columns; column++) {
                    row.append(result.getString(column)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
