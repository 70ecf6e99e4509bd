package dev.parley.application.storage;

import dev.parley.application.testing.ParleyRun;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parley's migrations run from their own location into their own history table, and a store made before that
 * layout (the same scripts from {@code db/migration}, recorded in Flyway's default {@code flyway_schema_history}) is
 * taken over in place: nothing lost, every answer as before. The scripts as the release before kept them are under
 * {@code src/test/resources/db/migration-before-parley-location}.
 */
class MigrationHistoryTest {

    private static final Path SCENARIO = Path.of("..", "scenarios", "pak-afghan-2025.ndjson");
    /** V1 to V11, all the release before had. */
    private static final int MIGRATIONS_OF_THE_RELEASE_BEFORE = 11;
    /** Those, and V20 (the tree's stored hashes) since. */
    private static final int PARLEYS_MIGRATIONS = 12;
    private static final String BEFORE_PARLEY_LOCATION = "classpath:db/migration-before-parley-location";
    private static final String HISTORY_COLUMNS = "\"installed_rank\", \"version\", \"description\", \"type\","
            + " \"script\", \"checksum\", \"installed_on\", \"success\"";
    private static final String FORK = """
            {"command":"RespondToFramework","negotiationId":"pak-afg-talks-2025","frameworkId":"pak-counterterrorism-framework","party":"AFG","response":"ACCEPTED","occurredAt":"2025-10-26","source":"test"}
            """;

    @TempDir
    Path directory;

    @Test
    void aStoreWhoseMigrationsAreInFlywaysDefaultHistoryIsTakenOverInPlaceAndAnswersAsBefore() throws Exception {
        String store = ParleyRun.storeUrl(directory.resolve("record"));
        ok("run", "--store", store, SCENARIO.toString());
        Path fork = ParleyRun.write(directory, "fork.ndjson", FORK);
        List<String> answers = answers(store, fork);
        List<List<String>> events = rows(store, "SELECT * FROM domain_event_entry ORDER BY global_index");
        List<List<String>> hashes = rows(store, "SELECT * FROM event_hash ORDER BY global_index");
        execute(store, "ALTER TABLE \"parley_schema_history\" RENAME TO \"flyway_schema_history\"");
        execute(store, "ALTER TABLE \"flyway_schema_history\" RENAME CONSTRAINT \"parley_schema_history_pk\""
                + " TO \"flyway_schema_history_pk\"");
        execute(store, "ALTER INDEX \"parley_schema_history_s_idx\" RENAME TO \"flyway_schema_history_s_idx\"");
        List<List<String>> history = rows(store, "SELECT " + HISTORY_COLUMNS + " FROM \"flyway_schema_history\""
                + " ORDER BY \"installed_rank\"");
        assertThat(withoutInstallationTimes(ofTheReleaseBefore(history)))
                .as("the store now holds what the release before left: its scripts, in Flyway's default table")
                .isEqualTo(withoutInstallationTimes(historyOfTheReleaseBefore()));
        assertThat(history.size() - ofTheReleaseBefore(history).size())
                .as("and the migrations added since").isEqualTo(PARLEYS_MIGRATIONS - MIGRATIONS_OF_THE_RELEASE_BEFORE);

        assertThat(answers(store, fork)).isEqualTo(answers);

        assertThat(tables(store)).contains("parley_schema_history").doesNotContain("flyway_schema_history");
        assertThat(rows(store, "SELECT " + HISTORY_COLUMNS + " FROM \"parley_schema_history\""
                + " ORDER BY \"installed_rank\"")).as("every row of the history, kept").isEqualTo(history);
        assertThat(rows(store, "SELECT * FROM domain_event_entry ORDER BY global_index")).isEqualTo(events);
        assertThat(rows(store, "SELECT * FROM event_hash ORDER BY global_index")).isEqualTo(hashes);
    }

    @Test
    void anApplicationsOwnDefaultHistoryIsLeftToItAndParleyKeepsItsOwn() throws Exception {
        DataSource application = dataSource(directory.resolve("application"));
        Flyway.configure().dataSource(application).locations("classpath:db/application-own").load().migrate();
        List<List<String>> applications = rows(application, "SELECT * FROM \"flyway_schema_history\"");

        try (Store store = Store.of(application)) {
            assertThat(rows(store.dataSource(), "SELECT * FROM \"flyway_schema_history\""))
                    .isEqualTo(applications);
            assertThat(rows(store.dataSource(), "SELECT \"version\" FROM \"parley_schema_history\""
                    + " WHERE \"type\" = 'SQL' ORDER BY \"installed_rank\""))
                    .hasSize(PARLEYS_MIGRATIONS);
        }
    }

    @Test
    void parleysRowsBesideAnApplicationsAreCopiedAndTheApplicationsTableIsLeftAsItWas() throws Exception {
        DataSource application = dataSource(directory.resolve("shared-history"));
        Flyway.configure().dataSource(application).locations(BEFORE_PARLEY_LOCATION).load().migrate();
        execute(application, "CREATE TABLE note (id INT PRIMARY KEY)");
        execute(application, "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
                + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\","
                + " \"success\") VALUES (100, '100', 'notes', 'SQL', 'V100__notes.sql', 7, 'sa', 1, TRUE)");
        List<List<String>> shared = rows(application, "SELECT * FROM \"flyway_schema_history\"");

        try (Store store = Store.of(application)) {
            assertThat(rows(store.dataSource(), "SELECT * FROM \"flyway_schema_history\"")).isEqualTo(shared);
            List<List<String>> parleys = rows(store.dataSource(), "SELECT " + HISTORY_COLUMNS
                    + " FROM \"parley_schema_history\" ORDER BY \"installed_rank\"");
            assertThat(parleys).as("Parley's rows, copied, then the migrations added since")
                               .hasSize(PARLEYS_MIGRATIONS);
            assertThat(parleys.subList(0, MIGRATIONS_OF_THE_RELEASE_BEFORE)).as("Parley's rows, copied")
                    .isEqualTo(rows(store.dataSource(), "SELECT " + HISTORY_COLUMNS
                    + " FROM \"flyway_schema_history\" WHERE \"script\" LIKE 'V%' AND \"version\" <> '100'"
                    + " ORDER BY \"installed_rank\""));
            execute(store.dataSource(), "INSERT INTO note (id) VALUES (1)");
        }
    }

    /** What the release before made of an empty database: its scripts, its location, Flyway's default table. */
    private List<List<String>> historyOfTheReleaseBefore() throws SQLException {
        DataSource empty = dataSource(directory.resolve("release-before"));
        Flyway.configure().dataSource(empty).locations(BEFORE_PARLEY_LOCATION).load().migrate();
        return rows(empty, "SELECT " + HISTORY_COLUMNS + " FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"");
    }

    /** The rows of a history that the release before could have written: no version after its last. */
    private static List<List<String>> ofTheReleaseBefore(List<List<String>> history) {
        return history.stream()
                      .filter(row -> row.get(1) == null || "null".equals(row.get(1))
                              || Integer.parseInt(row.get(1)) <= MIGRATIONS_OF_THE_RELEASE_BEFORE)
                      .toList();
    }

    private static List<List<String>> withoutInstallationTimes(List<List<String>> history) {
        return history.stream().map(row -> {
            List<String> kept = new ArrayList<>(row);
            kept.remove(6);
            return kept;
        }).toList();
    }

    /** What the store answers: status, timeline, audit, replay, verify and a fork, as the CLI prints them. */
    private static List<String> answers(String store, Path fork) {
        List<String> answers = new ArrayList<>();
        answers.add(ok("status", "--store", store, "--json"));
        answers.add(ok("timeline", "--store", store, "--json"));
        answers.add(ok("audit", "--store", store, "--json"));
        answers.add(ParleyRun.json(ok("replay", "--store", store, "--json")).get("identical").asText());
        answers.add(String.valueOf(ParleyRun.run("verify", "--store", store).exitCode()));
        answers.add(ParleyRun.json(ok("fork", "--store", store, "--at", "11", "--then", fork.toString(), "--json")
                                           .lines().reduce((first, last) -> last).orElseThrow()).toString());
        return answers;
    }

    private static String ok(String... args) {
        ParleyRun.Output run = ParleyRun.run(args);
        assertThat(run.exitCode()).as("parley %s; stderr: %s", List.of(args), run.err()).isZero();
        return run.out();
    }

    private static DataSource dataSource(Path path) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + path);
        dataSource.setUser("sa");
        return dataSource;
    }

    private static DataSource dataSource(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        return dataSource;
    }

    private static void execute(String url, String sql) throws SQLException {
        execute(dataSource(url), sql);
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> tables(String url) throws SQLException {
        return rows(dataSource(url), "SELECT table_name FROM information_schema.tables").stream()
                                                                                       .map(row -> row.get(0))
                                                                                       .toList();
    }

    private static List<List<String>> rows(String url, String sql) throws SQLException {
        return rows(dataSource(url), sql);
    }

    private static List<List<String>> rows(DataSource dataSource, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int column = 1; column <= columns; column++) {
                    Object value = result.getObject(column);
                    row.add(value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes)
                                    : String.valueOf(value));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
