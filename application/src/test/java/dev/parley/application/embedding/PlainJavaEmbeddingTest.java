package dev.parley.application.embedding;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.application.Parley;
import dev.parley.application.fork.Fork;
import dev.parley.application.fork.ForkDiff;
import dev.parley.application.storage.StoreUnusableException;
import dev.parley.incident.api.IncidentStatus;
import dev.parley.incident.api.RecordCasualtiesCommand;
import dev.parley.incident.api.ReportIncidentCommand;
import dev.parley.projections.status.CasualtyCount;
import dev.parley.projections.status.FindStatusQuery;
import dev.parley.projections.status.StatusReport;
import dev.parley.shared.api.DomainRuleException;
import dev.parley.shared.api.ErrorCode;
import dev.parley.shared.api.IncidentId;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An application that owns its DataSource embeds Parley without Spring and keeps its pool. */
class PlainJavaEmbeddingTest {

    private static final IncidentId TORKHAM = new IncidentId("torkham-2025-10-12");
    private static final Instant OCT_12 = Instant.parse("2025-10-12T00:00:00Z");

    @TempDir
    Path directory;

    private final List<HikariDataSource> pools = new ArrayList<>();

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    @Test
    void anApplicationsOwnDataSourceCarriesCommandsQueriesForksAndVerificationAndStaysOpen() throws Exception {
        DataSource dataSource = pool("app");

        try (Parley parley = Parley.builder().dataSource(dataSource).keys(directory.resolve("keys")).build()) {
            parley.commands().sendAndWait(new ReportIncidentCommand(TORKHAM, "Torkham crossing", List.of("AFG"),
                                                                    List.of("PAK"), "exchange of fire", OCT_12,
                                                                    "ISPR"));
            parley.commands().sendAndWait(new RecordCasualtiesCommand(TORKHAM, "PAK", 3, 1, OCT_12, "ISPR"));
            assertThatThrownBy(() -> parley.commands().sendAndWait(
                    new RecordCasualtiesCommand(TORKHAM, "IRN", 1, OCT_12, "ISPR")))
                    .isInstanceOfSatisfying(DomainRuleException.class,
                                            rejected -> assertThat(rejected.code()).isEqualTo(ErrorCode.NOT_INVOLVED));
            parley.awaitReadModels(Duration.ofSeconds(30));

            StatusReport status = parley.queries().query(FindStatusQuery.of(TORKHAM.value()), StatusReport.class)
                                        .get();
            assertThat(status.incidents()).singleElement().satisfies(incident -> {
                assertThat(incident.status()).isEqualTo(IncidentStatus.ACTIVE);
                assertThat(incident.casualties()).containsEntry("PAK", new CasualtyCount(3, 1));
            });

            try (Fork fork = parley.fork(2)) {
                fork.commands().sendAndWait(new RecordCasualtiesCommand(TORKHAM, "AFG", 5, OCT_12, "What-if"));
                assertThat(fork.diff(ForkDiff.Against.HEAD).aggregates()).singleElement()
                        .satisfies(diff -> assertThat(diff.forkEvents()).hasSize(1));
            }

            assertThat(parley.integrity()
                               .verify(done -> { }).intact()).isTrue();
        }

        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM domain_event_entry")) {
            count.next();
            assertThat(count.getLong(1)).as("the application's data source still works, with both events").isEqualTo(2);
        }
    }

    @Test
    void anApplicationsDatabaseThatHoldsItsOwnTablesGetsParleysBesideThem() throws Exception {
        DataSource dataSource = pool("shared");
        execute(dataSource, "CREATE TABLE customer (id INT PRIMARY KEY)");

        try (Parley parley = Parley.builder().dataSource(dataSource).readModels(false).build()) {
            parley.commands().sendAndWait(new ReportIncidentCommand(TORKHAM, "Torkham crossing", List.of("AFG"),
                                                                    List.of("PAK"), "exchange of fire", OCT_12,
                                                                    "ISPR"));
        }

        assertThat(count(dataSource, "domain_event_entry")).isEqualTo(1);
        assertThat(count(dataSource, "customer")).as("the application's table is left as it was").isZero();
    }

    @Test
    void aStoreUrlThatNamesSomeOtherDatabaseIsRefusedNotWrittenTo() throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("other");
        JdbcDataSource other = new JdbcDataSource();
        other.setURL(url);
        other.setUser("sa");
        execute(other, "CREATE TABLE customer (id INT PRIMARY KEY)");

        assertThatThrownBy(() -> Parley.open(url)).isInstanceOf(StoreUnusableException.class);
        assertThatThrownBy(() -> count(other, "domain_event_entry")).isInstanceOf(SQLException.class);
    }

    /**
     * The application's pool, which keeps its connections and so the H2 database open; a bare {@code JdbcDataSource}
     * closes and reopens the file database between connections.
     */
    private DataSource pool(String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + directory.resolve(name));
        config.setUsername("sa");
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            count.next();
            return count.getLong(1);
        }
    }
}
