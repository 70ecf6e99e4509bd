package dev.parley.application.readmodel;

import dev.parley.application.storage.Migrations;
import dev.parley.projections.readmodel.ReadModel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The schema a rebuild fills beside the live read models: each read model's own migrations run into it, and only
 * the tables the read models declare are kept, so that a projection working on a connection that looks there first
 * writes its tables there and still reads every other table (the event hashes, say) from the live schema. Works on
 * H2 ({@code SET SCHEMA} and {@code SCHEMA_SEARCH_PATH}) and PostgreSQL ({@code search_path}); the projections name
 * their tables unqualified.
 */
final class ShadowSchema {

    /** The schema's name, unquoted, so it folds to each database's case as the migrations' names do. */
    static final String NAME = "parley_rebuild";

    private enum Dialect { H2, POSTGRESQL }

    private static final Logger logger = LoggerFactory.getLogger(ShadowSchema.class);

    private final DataSource dataSource;
    private final List<ReadModel> models;
    private final Dialect dialect;

    ShadowSchema(DataSource dataSource, List<ReadModel> models) {
        this.dataSource = dataSource;
        this.models = List.copyOf(models);
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (product.equalsIgnoreCase("H2")) {
                dialect = Dialect.H2;
            } else if (product.toLowerCase(Locale.ROOT).contains("postgres")) {
                dialect = Dialect.POSTGRESQL;
            } else {
                throw new IllegalStateException("a rebuild beside the live read models needs H2 or PostgreSQL, not "
                                                        + product);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the store: " + e.getMessage(), e);
        }
    }

    /** Whether a schema of this name exists, from a rebuild under way or one that stopped without cleaning up. */
    boolean exists() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            try (ResultSet schemas = metaData.getSchemas()) {
                while (schemas.next()) {
                    if (schemas.getString("TABLE_SCHEM").equalsIgnoreCase(NAME)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    void drop() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + NAME + " CASCADE");
        }
    }

    /** Creates the schema afresh with empty tables of every read model, and nothing else. */
    void create() throws SQLException {
        drop();
        String name;
        try (Connection connection = dataSource.getConnection()) {
            name = connection.getMetaData().storesUpperCaseIdentifiers() ? NAME.toUpperCase(Locale.ROOT) : NAME;
        }
        Migrations.migrateInto(dataSource, name, models.stream().map(ReadModel::migrations).distinct().toList());
        Set<String> declared = tables().stream().map(table -> table.toLowerCase(Locale.ROOT))
                                       .collect(Collectors.toSet());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> undeclared = new ArrayList<>();
            try (ResultSet tables = connection.getMetaData().getTables(null, name, "%", new String[]{"TABLE"})) {
                while (tables.next()) {
                    String table = tables.getString("TABLE_NAME");
                    if (!declared.contains(table.toLowerCase(Locale.ROOT))) {
                        undeclared.add(table);
                    }
                }
            }
            for (String table : undeclared) {
                statement.execute("DROP TABLE IF EXISTS " + NAME + "." + table + " CASCADE");
            }
        }
    }

    /** Every table the read models declare, in declaration order. */
    List<String> tables() {
        return models.stream().flatMap(model -> model.tables().stream()).map(ReadModel.Table::name).toList();
    }

    /**
     * Makes {@code connection} resolve unqualified names in this schema first and then in the live one; the
     * returned action restores it.
     */
    Restore use(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (dialect == Dialect.H2) {
                String live = connection.getSchema();
                statement.execute("SET SCHEMA " + NAME);
                statement.execute("SET SCHEMA_SEARCH_PATH " + NAME + ", \"" + live + "\"");
                return () -> {
                    try (Statement restore = connection.createStatement()) {
                        restore.execute("SET SCHEMA \"" + live + "\"");
                        restore.execute("SET SCHEMA_SEARCH_PATH \"" + live + "\"");
                    }
                };
            }
            String searchPath;
            try (ResultSet row = statement.executeQuery("SHOW search_path")) {
                row.next();
                searchPath = row.getString(1);
            }
            statement.execute("SET search_path TO " + NAME + ", " + searchPath);
            return () -> {
                try (Statement restore = connection.createStatement()) {
                    restore.execute("SET search_path TO " + searchPath);
                }
            };
        }
    }

    /** Gives back what {@link #use} changed. */
    @FunctionalInterface
    interface Restore {
        void restore() throws SQLException;
    }

    /** Gathers the planner's statistics on the rebuilt tables (PostgreSQL), so queries plan well once they are live. */
    void analyze() throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : tables()) {
                statement.execute("ANALYZE " + NAME + "." + table);
            }
        }
    }

    /**
     * Takes, first thing in the swap's transaction on {@code connection}, the locks the swap needs on the live
     * tables. On PostgreSQL each is locked exclusively: a query waits the moment the swap takes, then reads the
     * rebuilt table; on H2 the copy's row locks suffice.
     */
    void lockLive(Connection connection) throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String table : tables()) {
                statement.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
            }
        }
    }

    /**
     * Puts every declared table's rebuilt rows in place of the live ones, on {@code connection}, in its transaction,
     * which H2 and PostgreSQL both roll back whole. PostgreSQL's DDL is transactional, so there the rebuilt table
     * itself takes the live one's place ({@link #exchange}); H2 commits DDL at once, so there the rows are copied.
     */
    void swapIntoLive(Connection connection) throws SQLException {
        for (ReadModel.Table table : models.stream().flatMap(model -> model.tables().stream()).toList()) {
            if (dialect == Dialect.POSTGRESQL && exchange(connection, table.name())) {
                continue;
            }
            copy(connection, table);
        }
    }

    /**
     * Replaces the live {@code table} by the rebuilt one: drops it and moves the rebuilt table into its schema, with
     * the indexes and constraints the migrations gave it, after granting it what was granted on the live one. Only
     * where that loses nothing: when the live table has exactly the rebuilt one's indexes and constraints, no
     * trigger or row policy, and nothing depending on it (a view, a foreign key: the drop then fails, and is undone
     * to the savepoint). Otherwise returns false and leaves both tables as they were.
     */
    private boolean exchange(Connection connection, String table) throws SQLException {
        String live = liveSchema(connection, table);
        if (live == null || !attached(connection, table).equals(attached(connection, NAME + "." + table))
                || hasTriggersOrPolicies(connection, table)) {
            logger.debug("swap: {} has indexes, constraints, triggers or policies of its own; rows copied", table);
            return false;
        }
        List<String> grants = grants(connection, table);
        Savepoint before = connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            for (String grant : grants) {
                statement.execute(grant);
            }
            statement.execute("DROP TABLE " + live + "." + table);
            statement.execute("ALTER TABLE " + NAME + "." + table + " SET SCHEMA " + live);
        } catch (SQLException dependedOn) {
            logger.debug("swap: {} cannot be replaced ({}); rows copied", table, dependedOn.getMessage());
            connection.rollback(before);
            return false;
        }
        connection.releaseSavepoint(before);
        return true;
    }

    /** The schema of the live {@code table}, as the connection's search path finds it, quoted; null if none. */
    private static String liveSchema(Connection connection, String table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT quote_ident(n.nspname) AS live FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.oid = to_regclass(?)")) {
            select.setString(1, table);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString("live") : null;
            }
        }
    }

    /** The names of the constraints and indexes of {@code table}. */
    private static Set<String> attached(Connection connection, String table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 'constraint ' || conname AS attached FROM pg_constraint WHERE conrelid = to_regclass(?)"
                        + " UNION ALL SELECT 'index ' || c.relname FROM pg_index i JOIN pg_class c"
                        + " ON c.oid = i.indexrelid WHERE i.indrelid = to_regclass(?)")) {
            select.setString(1, table);
            select.setString(2, table);
            Set<String> names = new HashSet<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString("attached"));
                }
            }
            return names;
        }
    }

    private static boolean hasTriggersOrPolicies(Connection connection, String table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = to_regclass(?) AND NOT tgisinternal)"
                        + " OR EXISTS (SELECT 1 FROM pg_policy WHERE polrelid = to_regclass(?)) AS attached")) {
            select.setString(1, table);
            select.setString(2, table);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getBoolean("attached");
            }
        }
    }

    /** The grants that give the rebuilt {@code table} what was granted on the live one to others than its owner. */
    private static List<String> grants(Connection connection, String table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT a.privilege_type AS privilege, a.is_grantable AS grantable, CASE WHEN a.grantee = 0"
                        + " THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee"
                        + " FROM pg_class c, aclexplode(c.relacl) a WHERE c.oid = to_regclass(?)"
                        + " AND a.grantee <> c.relowner")) {
            select.setString(1, table);
            List<String> grants = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    grants.add("GRANT " + rows.getString("privilege") + " ON " + NAME + "." + table + " TO "
                                       + rows.getString("grantee")
                                       + (rows.getBoolean("grantable") ? " WITH GRANT OPTION" : ""));
                }
            }
            return grants;
        }
    }

    /**
     * Makes the live {@code table}'s rows those of the rebuilt one, writing only where they differ: deletes the live
     * rows that have no identical rebuilt row, then inserts the rebuilt rows whose key the live table no longer holds
     * (on H2 as they are read, {@code DIRECT}, rather than gathered first). A replay that rebuilds what the live
     * models hold, the usual case, so writes nothing. Where the declared key columns are not known to be unique in
     * both tables, every live row is deleted and every rebuilt row inserted.
     */
    private void copy(Connection connection, ReadModel.Table table) throws SQLException {
        String name = table.name();
        List<String> columns = columns(connection, name);
        String shadowed = NAME + "." + name;
        String direct = dialect == Dialect.H2 ? "DIRECT " : "";
        String list = String.join(", ", columns);
        try (Statement statement = connection.createStatement()) {
            if (!uniqueKey(connection, null, name, table.keyColumns())
                    || !uniqueKey(connection, storedName(connection), name, table.keyColumns())) {
                statement.executeUpdate("DELETE FROM " + name);
                statement.executeUpdate("INSERT INTO " + name + " (" + list + ") " + direct + "SELECT " + list
                                                + " FROM " + shadowed);
                return;
            }
            List<String> keys = table.keyColumns().stream().map(key -> key.toLowerCase(Locale.ROOT)).toList();
            String sameKey = keys.stream().map(key -> "rebuilt." + key + " = live." + key)
                                 .collect(Collectors.joining(" AND "));
            String sameRow = columns.stream().filter(column -> !keys.contains(column))
                                    .map(column -> " AND rebuilt." + column + " IS NOT DISTINCT FROM live." + column)
                                    .collect(Collectors.joining());
            statement.executeUpdate("DELETE FROM " + name + " live WHERE NOT EXISTS (SELECT 1 FROM " + shadowed
                                            + " rebuilt WHERE " + sameKey + sameRow + ")");
            statement.executeUpdate("INSERT INTO " + name + " (" + list + ") " + direct + "SELECT " + list + " FROM "
                                            + shadowed + " rebuilt WHERE NOT EXISTS (SELECT 1 FROM " + name
                                            + " live WHERE " + sameKey + ")");
        }
    }

    /** This schema's name as the database stores it. */
    private static String storedName(Connection connection) throws SQLException {
        return connection.getMetaData().storesUpperCaseIdentifiers() ? NAME.toUpperCase(Locale.ROOT) : NAME;
    }

    /**
     * Whether {@code table} in {@code schema} (null: the one the connection finds) has a unique index whose columns
     * are all among {@code keyColumns}, so that no two of its rows share a key.
     */
    private static boolean uniqueKey(Connection connection, String schema, String table, List<String> keyColumns)
            throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String stored = metaData.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        String inSchema = schema != null ? schema : connection.getSchema();
        Set<String> keys = keyColumns.stream().map(key -> key.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Map<String, Set<String>> unique = new HashMap<>();
        try (ResultSet index = metaData.getIndexInfo(null, inSchema, stored, true, true)) {
            while (index.next()) {
                String indexName = index.getString("INDEX_NAME");
                String column = index.getString("COLUMN_NAME");
                if (indexName != null && column != null && !index.getBoolean("NON_UNIQUE")) {
                    unique.computeIfAbsent(indexName, ignored -> new HashSet<>())
                          .add(column.toLowerCase(Locale.ROOT));
                }
            }
        }
        return unique.values().stream().anyMatch(keys::containsAll);
    }

    /** The columns of {@code table}'s copy, by name, which the migrations made the same as the live table's. */
    private static List<String> columns(Connection connection, String table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + NAME + "." + table
                                                                            + " WHERE 1 = 0");
             ResultSet none = select.executeQuery()) {
            ResultSetMetaData metaData = none.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int column = 1; column <= metaData.getColumnCount(); column++) {
                columns.add(metaData.getColumnName(column).toLowerCase(Locale.ROOT));
            }
            return columns;
        }
    }
}
