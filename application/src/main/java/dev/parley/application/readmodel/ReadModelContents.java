package dev.parley.application.readmodel;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.projections.json.ParleyJson;
import dev.parley.projections.readmodel.ReadModel;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the read models hold, written row by row to files so that models of any size can be compared before
 * and after a replay without holding them in memory: identical contents compare line by line; only when they
 * differ are both sides loaded to name the differences.
 */
public final class ReadModelContents implements AutoCloseable {

    /** A table of the read model {@code readModel}; rows are written in the order of its key columns. */
    private record Table(String readModel, ReadModel.Table table) {

        String name() {
            return table.name();
        }

        List<String> keyColumns() {
            return table.keyColumns();
        }
    }

    /**
     * One row that a replay lost, added or changed; {@code before} and {@code after} are null where absent.
     *
     * @param readModel the read model's name
     * @param key       the row's key
     * @param change    what happened to the row
     * @param before    the row before, or null
     * @param after     the row after, or null
     */
    public record Difference(String readModel, String key, String change, String before, String after) {
    }

    /**
     * The differences found, at most a requested number of them, and how many there were in all.
     *
     * @param differences the differences named
     * @param total       how many there were
     */
    public record Comparison(List<Difference> differences, long total) {

        /**
         * Whether no row differs.
         *
         * @return true without differences
         */
        public boolean identical() {
            return total == 0;
        }
    }

    private static final ObjectMapper JSON = ParleyJson.mapper();

    /** The file of each table, in the order the read models and their tables are declared. */
    private final Map<Table, Path> files;

    private ReadModelContents(Map<Table, Path> files) {
        this.files = files;
    }

    /** Writes what the tables of {@code readModels} hold now to temporary files, in one read-only transaction. */
    static ReadModelContents capture(DataSource dataSource, List<ReadModel> readModels) {
        Map<Table, Path> files = new LinkedHashMap<>();
        List<Table> tables = readModels.stream()
                                       .flatMap(model -> model.tables().stream().map(table -> new Table(model.name(),
                                                                                                          table)))
                                       .toList();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            for (Table table : tables) {
                Path file = Files.createTempFile("parley-" + table.readModel() + "-", ".rows");
                files.put(table, file);
                write(connection, table, file);
            }
            connection.commit();
            return new ReadModelContents(files);
        } catch (SQLException e) {
            new ReadModelContents(files).close();
            throw new IllegalStateException("cannot read the read models: " + e.getMessage(), e);
        } catch (IOException e) {
            new ReadModelContents(files).close();
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Connection connection, Table table, Path file) throws SQLException, IOException {
        String order = String.join(", ", table.keyColumns());
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT * FROM " + table.name() + " ORDER BY " + order);
             BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            statement.setFetchSize(1_000);
            try (ResultSet rows = statement.executeQuery()) {
                ResultSetMetaData columns = rows.getMetaData();
                while (rows.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int column = 1; column <= columns.getColumnCount(); column++) {
                        row.put(columns.getColumnLabel(column).toLowerCase(), rows.getString(column));
                    }
                    List<String> key = table.keyColumns().stream().map(row::get).toList();
                    out.write(JSON.writeValueAsString(key));
                    out.write('\t');
                    out.write(JSON.writeValueAsString(row));
                    out.newLine();
                }
            }
        }
    }

    /**
     * The rows that differ between {@code before} and this, at most {@code limit} of them named.
     *
     * @param before the capture taken before
     * @param limit the most differences to name
     * @return the differences named and their total
     */
    public Comparison compareWith(ReadModelContents before, int limit) {
        List<Difference> named = new ArrayList<>();
        long total = 0;
        for (Table table : files.keySet()) {
            Path was = before.files.get(table);
            Path is = files.get(table);
            if (was == null) {
                throw new IllegalArgumentException("the earlier capture has no table " + table.name());
            }
            if (!sameLines(was, is)) {
                for (Difference difference : differences(table, read(was), read(is))) {
                    total++;
                    if (named.size() < limit) {
                        named.add(difference);
                    }
                }
            }
        }
        return new Comparison(named, total);
    }

    private static List<Difference> differences(Table table, Map<String, String> before, Map<String, String> after) {
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<Difference> differences = new ArrayList<>();
        for (String key : keys) {
            String was = before.get(key);
            String is = after.get(key);
            if (!Objects.equals(was, is)) {
                String change = was == null ? "added" : is == null ? "missing" : "changed";
                differences.add(new Difference(table.readModel(), key, change, was, is));
            }
        }
        return differences;
    }

    private static boolean sameLines(Path left, Path right) {
        try (BufferedReader one = Files.newBufferedReader(left, StandardCharsets.UTF_8);
             BufferedReader other = Files.newBufferedReader(right, StandardCharsets.UTF_8)) {
            while (true) {
                String a = one.readLine();
                String b = other.readLine();
                if (!Objects.equals(a, b)) {
                    return false;
                }
                if (a == null) {
                    return true;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> read(Path file) {
        Map<String, String> rows = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                int tab = line.indexOf('\t');
                rows.put(line.substring(0, tab), line.substring(tab + 1));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How many rows each read model holds.
     *
     * @return the rows of each read model, by name
     */
    public Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        files.forEach((table, file) -> {
            try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
                counts.merge(table.readModel(), lines.count(), Long::sum);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return counts;
    }

    @Override
    public void close() {
        files.values().forEach(file -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        });
    }
}
