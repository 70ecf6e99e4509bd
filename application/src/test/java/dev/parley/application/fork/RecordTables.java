package dev.parley.application.fork;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reads a store's tables straight over JDBC, to show what forks and branches did (or did not do) to them. */
final class RecordTables {

    /** The tables that are not the record: saved what-if branches. */
    static final Set<String> BRANCH_TABLES = Set.of("branch", "branch_event");

    /** The claim bookkeeping of Axon's token store, rewritten by the record's own processors whenever they run. */
    static final Set<String> TOKEN_CLAIM_COLUMNS = Set.of("owner", "timestamp");

    private RecordTables() {
    }

    /**
     * Every row of every table of the store but the branch tables (the event, snapshot and token tables, every read
     * model, and whatever else the schema holds), every column, rows in a canonical order; binary columns as Base64.
     */
    static Map<String, List<String>> dump(String storeUrl) {
        return dump(storeUrl, Set.of());
    }

    /**
     * As {@link #dump(String)}, leaving out the given columns of {@code token_entry}; when any are left out, the
     * running nodes' heartbeats ({@code parley_node}) are left out too, as the same claim bookkeeping.
     */
    static Map<String, List<String>> dump(String storeUrl, Set<String> tokenColumnsLeftOut) {
        Map<String, List<String>> dump = new TreeMap<>();
        try (Connection connection = connect(storeUrl); Statement statement = connection.createStatement()) {
            for (String stored : tables(statement)) {
                String table = stored.toLowerCase();
                if (BRANCH_TABLES.contains(table)
                        || (table.equals("parley_node") && !tokenColumnsLeftOut.isEmpty())) {
                    continue;
                }
                List<String> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery("SELECT * FROM \"" + stored + "\"")) {
                    ResultSetMetaData columns = result.getMetaData();
                    while (result.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int column = 1; column <= columns.getColumnCount(); column++) {
                            String name = columns.getColumnName(column).toLowerCase();
                            if (table.equals("token_entry") && tokenColumnsLeftOut.contains(name)) {
                                continue;
                            }
                            Object value = result.getObject(column);
                            row.put(name, value instanceof byte[] bytes
                                    ? "base64:" + Base64.getEncoder().encodeToString(bytes) : value);
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                dump.put(table, rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot dump " + storeUrl + ": " + e.getMessage(), e);
        }
        assertRecordTablesPresent(dump);
        return dump;
    }

    private static void assertRecordTablesPresent(Map<String, List<String>> dump) {
        for (String table : List.of("domain_event_entry", "snapshot_event_entry", "token_entry", "status_view",
                                    "timeline_entry", "audit_entry")) {
            if (!dump.containsKey(table)) {
                throw new AssertionError("the store has no table " + table + ": " + dump.keySet());
            }
        }
    }

    /** The tables of the schema, named as stored. */
    private static List<String> tables(Statement statement) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet result = statement.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'"
                        + " AND table_type = 'BASE TABLE'")) {
            while (result.next()) {
                tables.add(result.getString(1));
            }
        }
        return tables;
    }

    /** The number of rows of every table of the store's schema, the branch tables and Flyway's included. */
    static Map<String, Long> rowCounts(String storeUrl) {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = connect(storeUrl); Statement statement = connection.createStatement()) {
            for (String stored : tables(statement)) {
                try (ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM \"" + stored + "\"")) {
                    result.next();
                    counts.put(stored.toLowerCase(), result.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the rows of " + storeUrl + ": " + e.getMessage(), e);
        }
        return counts;
    }

    /** The rows of the branch tables, every column, in key order. */
    static List<List<Object>> branchRows(String storeUrl) {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = connect(storeUrl); Statement statement = connection.createStatement()) {
            for (String query : List.of("SELECT * FROM branch ORDER BY name",
                                        "SELECT * FROM branch_event ORDER BY branch_name, position")) {
                try (ResultSet result = statement.executeQuery(query)) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        List<Object> row = new ArrayList<>();
                        for (int column = 1; column <= columns; column++) {
                            Object value = result.getObject(column);
                            row.add(value instanceof byte[] bytes ? Arrays.toString(bytes) : value);
                        }
                        rows.add(row);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the branches of " + storeUrl + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private static Connection connect(String storeUrl) throws SQLException {
        return DriverManager.getConnection(storeUrl, "sa", "");
    }
}
