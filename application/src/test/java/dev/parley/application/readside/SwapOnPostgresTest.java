package dev.parley.application.readside;

import dev.parley.application.Parley;
import dev.parley.application.commandfile.CommandFileRunner;
import dev.parley.application.readmodel.CatchUpListener;
import dev.parley.application.readmodel.ReadModelContents;
import dev.parley.application.readmodel.ReadModels;
import dev.parley.application.testing.PostgresServer;
import dev.parley.projections.ParleyReadModels;
import dev.parley.projections.schema.Tables.StatusView;
import dev.parley.projections.schema.Tables.TimelineEntries;
import dev.parley.projections.status.FindStatusQuery;
import dev.parley.projections.status.StatusReport;
import dev.parley.projections.timeline.FindTimelineQuery;
import dev.parley.projections.timeline.Timeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On PostgreSQL the swap puts the rebuilt tables themselves in place of the live ones, in one transaction: they keep
 * the indexes, constraints and grants the live ones had, and queries get the whole read models. A live table that
 * something else depends on is left in place and gets the rebuilt rows instead.
 */
class SwapOnPostgresTest {

    private static final int INCIDENTS = 40;
    private static final int EVENTS = Histories.eventsOfManyIncidents(INCIDENTS);
    private static final Duration CATCH_UP = Duration.ofMinutes(2);

    @RegisterExtension
    static final PostgresServer postgres = new PostgresServer();

    @TempDir
    Path directory;

    @Test
    void theRebuiltTablesTakeTheLiveTablesPlaceWithTheirIndexesConstraintsAndGrants() throws Exception {
        try (Parley parley = recorded(postgres.freshDatabase("exchange"))) {
            DataSource dataSource = parley.store().dataSource();
            execute(dataSource, "CREATE ROLE parley_reporter", "GRANT SELECT ON timeline_entry TO parley_reporter");
            Map<String, Long> liveTables = identities(dataSource);
            Map<String, Set<String>> attachedBefore = attached(dataSource);
            StatusReport wholeStatus = parley.queries().query(FindStatusQuery.all(), StatusReport.class).get();

            replayIdentically(parley);

            Map<String, Long> rebuiltTables = identities(dataSource);
            liveTables.forEach((table, identity) -> assertThat(rebuiltTables.get(table))
                    .as("table %s is the rebuilt one, not the live one refilled", table).isNotEqualTo(identity));
            assertThat(attached(dataSource)).isEqualTo(attachedBefore);
            assertThat(hasSelect(dataSource, "parley_reporter", TimelineEntries.TABLE)).isTrue();
            assertThat(parley.queries().query(FindStatusQuery.all(), StatusReport.class).get()).isEqualTo(wholeStatus);
            assertThat(parley.queries().query(FindTimelineQuery.all(), Timeline.class).get().entries())
                    .hasSize(EVENTS);
            assertThatThrownBy(() -> execute(dataSource, "INSERT INTO " + TimelineEntries.TABLE
                    + " SELECT * FROM " + TimelineEntries.TABLE + " LIMIT 1"))
                    .as("the primary key holds on the rebuilt table").isInstanceOf(SQLException.class);
            assertThat(schemaExists(dataSource, ReadModels.REBUILD_SCHEMA)).isFalse();
        }
    }

    @Test
    void aLiveTableAViewDependsOnKeepsItsPlaceAndGetsTheRebuiltRows() throws Exception {
        try (Parley parley = recorded(postgres.freshDatabase("copy"))) {
            DataSource dataSource = parley.store().dataSource();
            execute(dataSource, "CREATE VIEW timeline_positions AS SELECT " + TimelineEntries.POSITION + " FROM "
                    + TimelineEntries.TABLE);
            Map<String, Long> liveTables = identities(dataSource);

            replayIdentically(parley);

            Map<String, Long> after = identities(dataSource);
            assertThat(after.get(TimelineEntries.TABLE)).isEqualTo(liveTables.get(TimelineEntries.TABLE));
            assertThat(after.get(StatusView.TABLE)).isNotEqualTo(liveTables.get(StatusView.TABLE));
            assertThat(count(dataSource, "SELECT count(*) AS rows FROM timeline_positions")).isEqualTo((long) EVENTS);
        }
    }

    private Parley recorded(String url) throws Exception {
        Parley parley = Parley.builder().store(url).keys(directory.resolve("keys")).build();
        CommandFileRunner.Outcome outcome = new CommandFileRunner(parley.commands(), "swap-test")
                .run(Histories.manyIncidents(INCIDENTS), new CommandFileRunner.Listener() { });
        assertThat(outcome.rejections()).isEmpty();
        parley.awaitReadModels(CATCH_UP);
        return parley;
    }

    private static void replayIdentically(Parley parley) throws Exception {
        try (ReadModelContents captured = parley.readModels().capture()) {
            ReadModels.Replay replay = parley.readModels().replay(CATCH_UP, CatchUpListener.SILENT);
            assertThat(replay.events()).isEqualTo(EVENTS);
            try (ReadModelContents rebuilt = parley.readModels().capture()) {
                assertThat(rebuilt.compareWith(captured, 10).identical()).isTrue();
            }
        }
    }

    /** Each declared table's identity in the catalogue, which a copy keeps and an exchange changes. */
    private static Map<String, Long> identities(DataSource dataSource) throws SQLException {
        Map<String, Long> identities = new HashMap<>();
        for (String table : declaredTables()) {
            identities.put(table, count(dataSource, "SELECT to_regclass('" + table + "')::oid::bigint AS rows"));
        }
        return identities;
    }

    /** The names of each declared table's constraints and indexes. */
    private static Map<String, Set<String>> attached(DataSource dataSource) throws SQLException {
        Map<String, Set<String>> attached = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT 'constraint ' || conname AS name FROM pg_constraint WHERE conrelid = to_regclass(?)"
                             + " UNION ALL SELECT 'index ' || c.relname FROM pg_index i JOIN pg_class c"
                             + " ON c.oid = i.indexrelid WHERE i.indrelid = to_regclass(?)")) {
            for (String table : declaredTables()) {
                select.setString(1, table);
                select.setString(2, table);
                Set<String> names = new TreeSet<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        names.add(rows.getString("name"));
                    }
                }
                assertThat(names).as("table %s has a primary key", table).isNotEmpty();
                attached.put(table, names);
            }
        }
        return attached;
    }

    private static Set<String> declaredTables() {
        Set<String> tables = new TreeSet<>();
        ParleyReadModels.ALL.forEach(model -> model.tables().forEach(table -> tables.add(table.name())));
        return tables;
    }

    private static boolean hasSelect(DataSource dataSource, String role, String table) throws SQLException {
        return count(dataSource, "SELECT CASE WHEN has_table_privilege('" + role + "', '" + table
                + "', 'SELECT') THEN 1 ELSE 0 END AS rows") == 1;
    }

    private static boolean schemaExists(DataSource dataSource, String schema) throws SQLException {
        return count(dataSource, "SELECT count(*) AS rows FROM pg_namespace WHERE nspname = '" + schema + "'") > 0;
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong("rows");
        }
    }

    private static void execute(DataSource dataSource, String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
