package dev.parley.application.readmodel;

import dev.parley.application.storage.Migrations;
import dev.parley.projections.readmodel.ReadModel;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    /** Makes a query on {@code connection} hand rows over as it reads them rather than reading them all first. */
    Restore streaming(Connection connection) throws SQLException {
        if (dialect != Dialect.H2) {
            return () -> {
            };
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LAZY_QUERY_EXECUTION TRUE");
        }
        return () -> {
            try (Statement restore = connection.createStatement()) {
                restore.execute("SET LAZY_QUERY_EXECUTION FALSE");
            }
        };
    }

    /**
     * Replaces the rows of every declared live table by the rows of its copy in this schema, on {@code connection},
     * in its transaction: a DELETE and an INSERT ... SELECT per table, which H2 and PostgreSQL both roll back whole.
     */
    void copyIntoLive(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : tables()) {
                String columns = String.join(", ", columns(connection, table));
                statement.executeUpdate("DELETE FROM " + table);
                statement.executeUpdate("INSERT INTO " + table + " (" + columns + ") SELECT " + columns + " FROM "
                                                + NAME + "." + table);
            }
        }
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
