package dev.parley.application.concurrency;

import dev.parley.application.Parley;
import dev.parley.application.commandfile.CommandFileRunner;
import dev.parley.incident.api.RecordCasualtiesCommand;
import dev.parley.projections.status.CasualtyCount;
import dev.parley.projections.status.FindStatusQuery;
import dev.parley.projections.status.StatusReport;
import dev.parley.shared.api.IncidentId;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two writers with their own Axon configurations (as two nodes would have) on one store: each decides against the
 * history it loaded, so only the store can tell them apart.
 */
class ConcurrentWritersTest {

    private static final IncidentId CONTESTED = new IncidentId(Writers.incident(0));
    private static final Instant OCT_13 = Instant.parse("2025-10-13T00:00:00Z");
    private static final Duration NO_PAUSE = Duration.ofMillis(1);

    @TempDir
    Path directory;

    private String url() {
        return "jdbc:h2:file:" + directory.resolve("parley");
    }

    /**
     * Both writers decide a casualty report on the same history while the append lock is held, then both append at
     * once when it is released.
     */
    private List<CompletableFuture<Object>> race(Parley first, Parley second) throws Exception {
        List<CompletableFuture<Object>> sent = new ArrayList<>();
        try (Connection holder = DriverManager.getConnection(url(), "sa", "")) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.executeQuery("SELECT id FROM append_lock WHERE id = 1 FOR UPDATE").close();
            }
            sent.add(CompletableFuture.supplyAsync(() -> first.commands().sendAndWait(
                    new RecordCasualtiesCommand(CONTESTED, "PAK", 1, OCT_13, "first"))));
            sent.add(CompletableFuture.supplyAsync(() -> second.commands().sendAndWait(
                    new RecordCasualtiesCommand(CONTESTED, "PAK", 2, OCT_13, "second"))));
            await().atMost(Duration.ofSeconds(20)).until(() -> sessionsWaitingForALock(holder) == 2);
            holder.commit();
        }
        return sent;
    }

    @Test
    void ofTwoWritersThatDecidedOnTheSameHistoryOneWinsAndTheOtherGetsAConcurrencyConflict() throws Exception {
        try (Parley first = Parley.builder().store(url()).readModels(false).commandRetries(0, NO_PAUSE).build();
             Parley second = Parley.builder().store(url()).readModels(false).commandRetries(0, NO_PAUSE).build()) {
            new CommandFileRunner(first.commands(), "test").run(Writers.reports(directory, 1),
                                                                new CommandFileRunner.Listener() { });
            List<CompletableFuture<Object>> sent = race(first, second);

            List<Throwable> failures = new ArrayList<>();
            for (CompletableFuture<Object> future : sent) {
                try {
                    future.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException failed) {
                    failures.add(failed.getCause() instanceof java.util.concurrent.CompletionException completion
                                         ? completion.getCause() : failed.getCause());
                }
            }
            assertThat(failures).singleElement()
                                .isInstanceOf(ConcurrencyException.class)
                                .extracting(Throwable::getMessage).asString()
                                .contains(CONTESTED.value(), "sequence [1]");
            try (Connection connection = DriverManager.getConnection(url(), "sa", "")) {
                Writers.assertWhole(connection, 2);
            }
            assertThat(first.integrity().verify(done -> { }).intact()).isTrue();
        }
    }

    @Test
    void theGatewayDecidesTheLosingCommandAgainAgainstTheHistoryThatWon() throws Exception {
        try (Parley first = Parley.builder().store(url()).readModels(false).build();
             Parley second = Parley.builder().store(url()).readModels(false).build()) {
            new CommandFileRunner(first.commands(), "test").run(Writers.reports(directory, 1),
                                                                new CommandFileRunner.Listener() { });
            List<CompletableFuture<Object>> sent = race(first, second);

            for (CompletableFuture<Object> future : sent) {
                future.get(30, TimeUnit.SECONDS);
            }
            try (Connection connection = DriverManager.getConnection(url(), "sa", "")) {
                Writers.assertWhole(connection, 3);
            }
            assertThat(first.integrity().verify(done -> { }).intact()).isTrue();
        }
    }

    @Test
    void twoThreadsOfTenThousandCommandsOnTheSameIncidentsLoseAndDuplicateNothing() throws Exception {
        int incidents = 50;
        int perWriter = 10_000;
        Path reports = Writers.reports(directory, incidents);
        Path pakistan = Writers.casualties(directory, "pakistan", Writers.SIDE_A, perWriter, incidents);
        Path afghanistan = Writers.casualties(directory, "afghanistan", Writers.SIDE_B, perWriter, incidents);

        try (Parley first = Parley.open(url());
             Parley second = Parley.builder().store(url()).readModels(false).build()) {
            new CommandFileRunner(first.commands(), "test").run(reports, new CommandFileRunner.Listener() { });
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<CommandFileRunner.Outcome> one = threads.submit(
                        () -> new CommandFileRunner(first.commands(), "one").run(pakistan,
                                                                                 new CommandFileRunner.Listener() { }));
                Future<CommandFileRunner.Outcome> two = threads.submit(
                        () -> new CommandFileRunner(second.commands(), "two").run(afghanistan,
                                                                                  new CommandFileRunner.Listener() { }));
                for (Future<CommandFileRunner.Outcome> outcome : List.of(one, two)) {
                    assertThat(outcome.get(10, TimeUnit.MINUTES)).satisfies(done -> {
                        assertThat(done.rejections()).isEmpty();
                        assertThat(done.accepted()).isEqualTo(perWriter);
                    });
                }
            } finally {
                threads.shutdownNow();
            }

            try (Connection connection = DriverManager.getConnection(url(), "sa", "")) {
                Writers.assertWhole(connection, incidents + 2L * perWriter);
            }
            assertThat(first.integrity().verify(done -> { }).intact()).isTrue();
            first.awaitReadModels(Duration.ofMinutes(2));
            StatusReport status = first.queries().query(FindStatusQuery.all(), StatusReport.class).get();
            assertThat(status.incidents()).hasSize(incidents).allSatisfy(incident -> assertThat(incident.casualties())
                    .containsEntry(Writers.SIDE_A, new CasualtyCount(perWriter / incidents, 0))
                    .containsEntry(Writers.SIDE_B, new CasualtyCount(perWriter / incidents, 0)));
        }
    }

    private static int sessionsWaitingForALock(Connection connection) throws Exception {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }
}
