package dev.parley.application.storage;

import dev.parley.projections.ParleyReadModels;
import dev.parley.projections.readmodel.ReadModel;
import dev.parley.projections.schema.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one place for table and column names agrees with the migrations: every name in {@link Tables}, and every table
 * and key column a read model declares, exists in a freshly migrated store.
 */
class SchemaNamesTest {

    @TempDir
    Path directory;

    /** Every column constant of {@link Tables}, as "table.column"; a class with only a TABLE names just the table. */
    private static List<String[]> namedColumns() throws IllegalAccessException {
        List<String[]> named = new ArrayList<>();
        for (Class<?> table : Tables.class.getDeclaredClasses()) {
            String name = null;
            List<String> columns = new ArrayList<>();
            for (Field field : table.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    String value = (String) field.get(null);
                    if (field.getName().equals("TABLE")) {
                        name = value;
                    } else {
                        columns.add(value);
                    }
                }
            }
            assertThat(name).as("%s names its table", table.getSimpleName()).isNotNull();
            named.add(new String[]{name, columns.isEmpty() ? "*" : String.join(", ", columns)});
        }
        return named;
    }

    private static boolean selects(Connection connection, String table, String columns) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + columns + " FROM " + table + " WHERE 1 = 0")) {
            select.executeQuery().close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Test
    void everyTableAndColumnNamedInTablesExistsInAMigratedStore() throws Exception {
        List<String[]> named = namedColumns();
        assertThat(named).extracting(table -> table[0])
                         .contains(Tables.DomainEvents.TABLE, Tables.Tokens.TABLE, Tables.StatusView.TABLE);
        try (Store store = Store.open("jdbc:h2:file:" + directory.resolve("parley").toAbsolutePath());
             Connection connection = store.dataSource().getConnection()) {
            for (String[] table : named) {
                assertThat(selects(connection, table[0], table[1])).as("SELECT %s FROM %s", table[1], table[0])
                                                                   .isTrue();
            }
            assertThat(selects(connection, Tables.StatusView.TABLE, "no_such_column"))
                    .as("a wrong name is noticed").isFalse();
        }
    }

    @Test
    void everyTableAndKeyColumnTheBuiltInReadModelsDeclareExists() {
        try (Store store = Store.open("jdbc:h2:file:" + directory.resolve("parley").toAbsolutePath());
             Connection connection = store.dataSource().getConnection()) {
            for (ReadModel model : ParleyReadModels.ALL) {
                for (ReadModel.Table table : model.tables()) {
                    assertThat(selects(connection, table.name(), String.join(", ", table.keyColumns())))
                            .as("%s: %s %s", model.name(), table.name(), table.keyColumns()).isTrue();
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
