package dev.parley.application.storage;

import dev.parley.projections.readmodel.ReadModel;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Parley's Flyway migrations, kept apart from an application's own: their own location
 * ({@code classpath:db/parley}) and history table ({@code parley_schema_history}), so an application's
 * {@code db/migration/V1__….sql} and Spring Boot's Flyway defaults never meet Parley's.
 *
 * <p>Releases before this layout ran the same scripts from {@code db/migration} with Flyway's default history table,
 * {@value #LEGACY_HISTORY_TABLE}. Such a store is taken over in place before migrating: a legacy table that holds
 * only Parley's migrations is renamed, keeping every row; one that also holds an application's migrations is left to
 * the application, and Parley's rows are copied from it into Parley's own table. Either
 * way, each of Parley's migrations recorded there must have the checksum of Parley's script, or the store is refused.
 */
public final class Migrations {

    /** Where Parley's migration scripts are on the classpath. */
    public static final String LOCATION = ReadModel.Migrations.PARLEY.location();
    /** Parley's own Flyway history table. */
    public static final String HISTORY_TABLE = ReadModel.Migrations.PARLEY.historyTable();
    /** Flyway's default history table, where releases before {@link #HISTORY_TABLE} recorded Parley's migrations. */
    public static final String LEGACY_HISTORY_TABLE = "flyway_schema_history";

    private Migrations() {
    }

    /**
     * Brings Parley's tables up to date, then those of read models kept in a history table of their own, one Flyway
     * run per history table (read models whose migrations share Parley's table run with Parley's). Only a data source
     * handed over by an application may hold other tables: a URL from a command line that names some other database
     * is refused rather than written to. A read model's own history table begins beside Parley's tables, so it starts
     * from a baseline.
     */
    static void migrate(DataSource dataSource, boolean besideOtherTables, List<ReadModel.Migrations> readModels) {
        adoptLegacyHistory(dataSource);
        Map<String, Set<String>> locations = locationsByHistoryTable(readModels);
        locations.forEach((historyTable, inTable) -> Flyway.configure()
                .dataSource(dataSource)
                .locations(inTable.toArray(String[]::new))
                .table(historyTable)
                .baselineOnMigrate(besideOtherTables || !historyTable.equals(HISTORY_TABLE))
                .baselineVersion("0")
                .load()
                .migrate());
    }

    /** Parley's location and those of {@code readModels}, grouped by the history table that records them. */
    private static Map<String, Set<String>> locationsByHistoryTable(List<ReadModel.Migrations> readModels) {
        Map<String, Set<String>> locations = new LinkedHashMap<>();
        locations.computeIfAbsent(HISTORY_TABLE, table -> new LinkedHashSet<>()).add(LOCATION);
        readModels.forEach(migrations -> locations.computeIfAbsent(migrations.historyTable(),
                                                                   table -> new LinkedHashSet<>())
                                                  .add(migrations.location()));
        return locations;
    }

    /**
     * Runs Parley's migrations and those of {@code readModels} into the schema {@code schema} (created if absent),
     * one Flyway run per history table as {@link #migrate} does, each history table kept in that schema: how a
     * rebuild makes empty tables of the read models beside the live ones.
     *
     * @param dataSource the store's data source
     * @param schema the schema to migrate into
     * @param readModels the read models' migrations
     */
    public static void migrateInto(DataSource dataSource, String schema, List<ReadModel.Migrations> readModels) {
        Map<String, Set<String>> locations = locationsByHistoryTable(readModels);
        locations.forEach((historyTable, inTable) -> Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations(inTable.toArray(String[]::new))
                .table(historyTable)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate());
    }

    private static FluentConfiguration parley(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations(LOCATION).table(HISTORY_TABLE);
    }

    /**
     * Takes over Parley's rows of a legacy history table, if there is one and no {@link #HISTORY_TABLE} yet. Meant
     * to run before any other Flyway does on the same database (an application's would otherwise validate Parley's
     * rows against its own scripts).
     *
     * @param dataSource the database
     * @return whether the legacy table held only Parley's migrations and is now {@link #HISTORY_TABLE}: the database
     *         then holds tables but no {@value #LEGACY_HISTORY_TABLE}
     */
    public static boolean adoptLegacyHistory(DataSource dataSource) {
        List<AppliedMigration> applied;
        try (Connection connection = dataSource.getConnection()) {
            if (hasTable(connection, HISTORY_TABLE) || !hasTable(connection, LEGACY_HISTORY_TABLE)) {
                return false;
            }
            applied = applied(connection);
        } catch (SQLException e) {
            throw new StoreUnusableException("cannot read the schema history: " + e.getMessage(), e);
        }
        Map<String, MigrationInfo> scripts = new HashMap<>();
        for (MigrationInfo script : parley(dataSource).load().info().all()) {
            scripts.put(script.getScript(), script);
        }
        List<AppliedMigration> parleys = new ArrayList<>();
        boolean applications = false;
        for (AppliedMigration migration : applied) {
            MigrationInfo script = migration.script() == null ? null : scripts.get(migration.script());
            if (script != null && migration.versioned()
                    && Objects.equals(script.getVersion().getVersion(), migration.version())) {
                if (migration.success() && !Objects.equals(script.getChecksum(), migration.checksum())) {
                    throw new StoreUnusableException(
                            "the store's " + LEGACY_HISTORY_TABLE + " records Parley's " + migration.script()
                                    + " with another checksum than this version's script", null);
                }
                if (migration.success()) {
                    parleys.add(migration);
                }
            } else if (migration.versioned() || migration.repeatable()) {
                applications = true;
            }
        }
        if (parleys.isEmpty()) {
            return false;
        }
        if (applications) {
            copy(dataSource, parleys);
            return false;
        }
        rename(dataSource);
        return true;
    }

    /** Copies Parley's rows of a history table it shares with an application into a table of the same shape. */
    private static void copy(DataSource dataSource, List<AppliedMigration> parleys) {
        String columns = "\"installed_rank\", \"version\", \"description\", \"type\", \"script\", \"checksum\","
                + " \"installed_by\", \"installed_on\", \"execution_time\", \"success\"";
        String legacy = "\"" + LEGACY_HISTORY_TABLE + "\"";
        String history = "\"" + HISTORY_TABLE + "\"";
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("CREATE TABLE " + history + " AS SELECT " + columns + " FROM " + legacy + " WHERE 1 = 0");
            statement.execute("ALTER TABLE " + history + " ALTER COLUMN \"installed_rank\" SET NOT NULL");
            statement.execute("ALTER TABLE " + history + " ADD CONSTRAINT \"" + HISTORY_TABLE
                                      + "_pk\" PRIMARY KEY (\"installed_rank\")");
            statement.execute("ALTER TABLE " + history
                                      + " ALTER COLUMN \"installed_on\" SET DEFAULT CURRENT_TIMESTAMP");
            statement.execute("CREATE INDEX \"" + HISTORY_TABLE + "_s_idx\" ON " + history + " (\"success\")");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + history + " (" + columns + ") SELECT " + columns + " FROM " + legacy
                            + " WHERE \"version\" = ? AND \"script\" = ? AND \"success\"")) {
                for (AppliedMigration migration : parleys) {
                    insert.setString(1, migration.version());
                    insert.setString(2, migration.script());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new StoreUnusableException("cannot copy Parley's migrations from " + LEGACY_HISTORY_TABLE + " to "
                                                     + HISTORY_TABLE + ": " + e.getMessage(), e);
        }
    }

    private static void rename(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("ALTER TABLE \"" + LEGACY_HISTORY_TABLE + "\" RENAME TO \"" + HISTORY_TABLE + "\"");
            // Flyway names the key and index after the table; left as they were, they would stop an application's
            // Flyway from creating its own flyway_schema_history later
            statement.execute("ALTER TABLE \"" + HISTORY_TABLE + "\" RENAME CONSTRAINT \"" + LEGACY_HISTORY_TABLE
                                      + "_pk\" TO \"" + HISTORY_TABLE + "_pk\"");
            statement.execute("ALTER INDEX \"" + LEGACY_HISTORY_TABLE + "_s_idx\" RENAME TO \"" + HISTORY_TABLE
                                      + "_s_idx\"");
            connection.commit();
        } catch (SQLException e) {
            // another process opening the same store may have renamed it first
            try (Connection connection = dataSource.getConnection()) {
                if (hasTable(connection, HISTORY_TABLE)) {
                    return;
                }
            } catch (SQLException ignored) {
                // the first failure says more
            }
            throw new StoreUnusableException("cannot rename " + LEGACY_HISTORY_TABLE + " to " + HISTORY_TABLE + ": "
                                                     + e.getMessage(), e);
        }
    }

    private static boolean hasTable(Connection connection, String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), table, null)) {
            return tables.next();
        }
    }

    private static List<AppliedMigration> applied(Connection connection) throws SQLException {
        List<AppliedMigration> applied = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT \"version\", \"type\", \"script\", \"checksum\", \"success\" FROM \""
                             + LEGACY_HISTORY_TABLE + "\"")) {
            while (rows.next()) {
                Object checksum = rows.getObject("checksum");
                applied.add(new AppliedMigration(rows.getString("version"), rows.getString("type"),
                                                 rows.getString("script"),
                                                 checksum == null ? null : ((Number) checksum).intValue(),
                                                 rows.getBoolean("success")));
            }
        }
        return applied;
    }

    /** A row of a Flyway history table. */
    private record AppliedMigration(String version, String type, String script, Integer checksum, boolean success) {

        private static final Set<String> MARKERS = Set.of("TABLE", "SCHEMA", "DELETE");

        /** A script that ran, as opposed to Flyway's markers (the table's creation, schemas, a baseline). */
        boolean versioned() {
            return version != null && ran();
        }

        boolean repeatable() {
            return version == null && ran();
        }

        private boolean ran() {
            return script != null && !script.isBlank() && !script.startsWith("<<")
                    && !MARKERS.contains(type) && !type.contains("BASELINE");
        }
    }
}
