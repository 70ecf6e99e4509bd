package dev.parley.application.readside;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.application.Parley;
import dev.parley.application.readmodel.ReadModelContents;
import dev.parley.application.testing.ParleyRun;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives {@code parley} in-process and reads the store straight through JDBC, for the read-side tests. */
final class ReadSide {

    static final Path SCENARIO = Path.of("..", "scenarios", "pak-afghan-2025.ndjson");

    private ReadSide() {
    }

    /** What one {@code parley} invocation printed. */
    record Result(int exitCode, String out, String err) {
    }

    static Result parley(String... args) {
        ParleyRun.Output run = ParleyRun.run(args);
        return new Result(run.exitCode(), run.out(), run.err());
    }

    /** {@code parley ARGS}, checked to exit 0; its standard output. */
    static String ok(String... args) {
        Result result = parley(args);
        assertThat(result.exitCode()).as("exit code of parley %s; stderr: %s; stdout: %s", List.of(args),
                                         result.err(), result.out()).isZero();
        return result.out();
    }

    static String storeUrl(Path directory) {
        return ParleyRun.storeUrl(directory);
    }

    static Path write(Path directory, String name, String content) {
        return ParleyRun.write(directory, name, content);
    }

    static JsonNode json(String text) {
        return ParleyRun.json(text);
    }

    /** The global positions of every stored event, in order, straight from the event table. */
    static List<Long> storedPositions(DataSource dataSource) {
        return longs(dataSource, "SELECT global_index FROM domain_event_entry ORDER BY global_index");
    }

    static long count(DataSource dataSource, String table) {
        return longs(dataSource, "SELECT COUNT(*) FROM " + table).get(0);
    }

    static List<Long> longs(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            List<Long> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Each read-model row keyed by position (timeline, audit) holds exactly the positions of the stored events, no
     * duplicate and no gap; the status has one row per aggregate that has events.
     */
    static void assertOneRowPerStoredEvent(Parley parley) {
        DataSource dataSource = parley.store().dataSource();
        List<Long> stored = storedPositions(dataSource);
        assertThat(stored).isNotEmpty();
        for (String table : List.of("audit_entry", "timeline_entry")) {
            List<Long> positions = longs(dataSource, "SELECT position FROM " + table + " ORDER BY position");
            assertThat(positions).as("positions in %s", table).doesNotHaveDuplicates().isEqualTo(stored);
        }
        List<Long> aggregates = longs(dataSource,
                                      "SELECT COUNT(DISTINCT aggregate_identifier) FROM domain_event_entry");
        assertThat(count(dataSource, "status_view")).as("status rows").isEqualTo(aggregates.get(0));
    }

    /** Asserts that {@code after} holds the same rows as {@code before}, naming the first differences if not. */
    static void assertIdentical(ReadModelContents before, ReadModelContents after) {
        ReadModelContents.Comparison comparison = after.compareWith(before, 10);
        assertThat(comparison.identical())
                .as("read models identical; %d differences, first: %s", comparison.total(),
                    comparison.differences().stream().map(Object::toString)
                              .collect(Collectors.joining("\n", "\n", "")))
                .isTrue();
    }
}
