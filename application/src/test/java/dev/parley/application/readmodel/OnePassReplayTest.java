package dev.parley.application.readmodel;

import dev.parley.application.Parley;
import dev.parley.application.commandfile.CommandFileRunner;
import dev.parley.projections.schema.Tables.AuditEntries;
import dev.parley.projections.schema.Tables.DomainEvents;
import dev.parley.projections.schema.Tables.TimelineEntries;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replay reads the event table once, in position order, and gives every read model every event: watched through
 * the store's own JDBC statements, with the tally of {@link TallyReadModel} beside Parley's three.
 */
class OnePassReplayTest {

    private static final Path SCENARIO = Path.of("..", "scenarios", "pak-afghan-2025.ndjson");
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    /** A read of the events' payloads, made by the rebuild, and the rows it returned. */
    private record EventRead(String sql, AtomicLong rows) {
    }

    private final List<EventRead> eventReads = new CopyOnWriteArrayList<>();

    @Test
    void theReplayReadsEveryStoredEventOnceAndEveryReadModelGetsEachOfThem() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + directory.resolve("parley").toAbsolutePath());
        h2.setUser("sa");
        // A DataSource without a pool closes the H2 database whenever its last connection closes; held open here,
        // as a pool would, it is opened once, like every store Parley opens itself.
        try (Connection holdsTheDatabaseOpen = h2.getConnection();
             Parley parley = Parley.builder().dataSource(watched(h2)).keys(directory.resolve("keys"))
                                   .readModel(TallyReadModel.DEFINITION).build()) {
            assertThat(new CommandFileRunner(parley.commands(), "one-pass")
                               .run(SCENARIO, new CommandFileRunner.Listener() { }).rejections()).isEmpty();
            parley.awaitReadModels(LIMIT);
            DataSource dataSource = parley.store().dataSource();
            List<Long> stored = positions(dataSource, DomainEvents.TABLE, DomainEvents.GLOBAL_INDEX);
            assertThat(eventReads).as("the rebuild has not read yet").isEmpty();

            ReadModels.Replay replay;
            try (ReadModelContents before = parley.readModels().capture()) {
                replay = parley.readModels().replay(LIMIT, CatchUpListener.SILENT);
                try (ReadModelContents after = parley.readModels().capture()) {
                    ReadModelContents.Comparison comparison = after.compareWith(before, 10);
                    assertThat(comparison.identical()).as("rebuilt as they were: %s", comparison.differences())
                                                      .isTrue();
                    assertThat(after.rowCounts()).containsEntry("status", 2L);
                }
            }

            assertThat(replay.events()).isEqualTo(stored.size());
            assertThat(eventReads).as("reads of the event table by the rebuild").isNotEmpty();
            assertThat(eventReads.get(0).rows().get()).as("rows of the first read").isEqualTo(stored.size());
            assertThat(eventReads.stream().mapToLong(read -> read.rows().get()).sum())
                    .as("rows of every read: each event read once").isEqualTo(stored.size());
            assertThat(eventReads).as("the full read and the catch-up after pausing").hasSizeLessThanOrEqualTo(2);
            assertThat(eventReads.get(0).sql().toLowerCase(Locale.ROOT))
                    .contains("order by " + DomainEvents.GLOBAL_INDEX);

            assertThat(positions(dataSource, TimelineEntries.TABLE, TimelineEntries.POSITION)).isEqualTo(stored);
            assertThat(positions(dataSource, AuditEntries.TABLE, AuditEntries.POSITION)).isEqualTo(stored);
            assertThat(positions(dataSource, TallyReadModel.TABLE, TallyReadModel.POSITION)).isEqualTo(stored);
        }
    }

    private static List<Long> positions(DataSource dataSource, String table, String column) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + column + " FROM " + table + " ORDER BY " + column);
             ResultSet rows = select.executeQuery()) {
            List<Long> positions = new ArrayList<>();
            while (rows.next()) {
                positions.add(rows.getLong(column));
            }
            return positions;
        }
    }

    /** {@code dataSource}, noting every read of the events' payloads that the rebuild's thread makes. */
    private DataSource watched(DataSource dataSource) {
        return proxy(DataSource.class, dataSource, (method, args, result) -> method.equals("getConnection")
                ? proxy(Connection.class, (Connection) result, this::statement) : result);
    }

    private Object statement(String method, Object[] args, Object result) {
        if (!method.equals("prepareStatement") || !(args[0] instanceof String sql)
                || !Thread.currentThread().getName().equals("parley-rebuild")) {
            return result;
        }
        String lower = sql.toLowerCase(Locale.ROOT);
        if (!lower.contains("from " + DomainEvents.TABLE) || !lower.contains(DomainEvents.PAYLOAD + ",")) {
            return result;
        }
        EventRead read = new EventRead(sql, new AtomicLong());
        eventReads.add(read);
        return proxy(PreparedStatement.class, (PreparedStatement) result, (name, ignored, value) ->
                name.equals("executeQuery") ? proxy(ResultSet.class, (ResultSet) value, (next, none, more) -> {
                    if (next.equals("next") && Boolean.TRUE.equals(more)) {
                        read.rows().incrementAndGet();
                    }
                    return more;
                }) : value);
    }

    /** What a watched call returns instead of {@code result}. */
    @FunctionalInterface
    private interface Watch {
        Object after(String method, Object[] args, Object result);
    }

    private static <T> T proxy(Class<T> type, T target, Watch watch) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            try {
                return watch.after(method.getName(), args, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
