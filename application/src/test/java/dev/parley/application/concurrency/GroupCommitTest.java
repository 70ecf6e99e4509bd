package dev.parley.application.concurrency;

import dev.parley.application.Parley;
import dev.parley.application.commandfile.CommandFileRunner;
import dev.parley.application.storage.GroupCommit;
import dev.parley.application.testing.PostgresServer;
import dev.parley.incident.api.RecordCasualtiesCommand;
import dev.parley.shared.api.IncidentId;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Commands of several threads that arrive while a commit is in flight share the next commit; one of them that lost a
 * race with another node fails alone, and the others of its group are stored, hashed and verify.
 */
class GroupCommitTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    private static final Instant OCT_13 = Instant.parse("2025-10-13T00:00:00Z");
    private static final Duration NO_PAUSE = Duration.ofMillis(1);
    private static final int GROUP_MATES = 3;

    @TempDir
    Path directory;

    private String url(String store) throws Exception {
        return store.equals("h2") ? "jdbc:h2:file:" + directory.resolve("parley")
                : POSTGRES.freshDatabase("group_" + System.nanoTime());
    }

    private static Connection connect(String url) throws Exception {
        return url.startsWith("jdbc:h2:") ? DriverManager.getConnection(url, "sa", "") : DriverManager.getConnection(url);
    }

    private static IncidentId incident(int index) {
        return new IncidentId(Writers.incident(index));
    }

    private static CompletableFuture<Object> send(Parley parley, int incident, String source) {
        return CompletableFuture.supplyAsync(() -> parley.commands().sendAndWait(
                new RecordCasualtiesCommand(incident(incident), Writers.SIDE_A, 1, OCT_13, source)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aConflictingCommandFailsAloneWhileTheOthersOfItsGroupCommit(String store) throws Exception {
        String url = url(store);
        try (Parley first = Parley.builder().store(url).readModels(false).build();
             Parley second = Parley.builder().store(url).readModels(false).commandRetries(0, NO_PAUSE).build()) {
            new CommandFileRunner(first.commands(), "test").run(Writers.reports(directory, 2 + GROUP_MATES),
                                                                new CommandFileRunner.Listener() { });
            // The second node caches incident 0; the first appends to it after, so the second's copy is stale.
            send(second, 0, "second").get(30, TimeUnit.SECONDS);
            send(first, 0, "first").get(30, TimeUnit.SECONDS);
            GroupCommit groups = second.groupCommit();
            GroupCommit.Groups before = groups.groups();

            CompletableFuture<Object> blocker;
            CompletableFuture<Object> stale;
            List<CompletableFuture<Object>> mates = new ArrayList<>();
            try (Connection holder = connect(url)) {
                holder.setAutoCommit(false);
                try (Statement lock = holder.createStatement()) {
                    lock.executeQuery("SELECT id FROM append_lock WHERE id = 1 FOR UPDATE").close();
                }
                // The committer takes this one alone and waits for the lock; what comes meanwhile forms one group.
                blocker = send(second, 1, "blocker");
                await().atMost(Duration.ofSeconds(20)).until(() -> sessionsWaitingForALock(holder, store) == 1);
                stale = send(second, 0, "stale");
                for (int mate = 0; mate < GROUP_MATES; mate++) {
                    mates.add(send(second, 2 + mate, "mate"));
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> groups.waiting() == 1 + GROUP_MATES);
                holder.commit();
            }

            blocker.get(30, TimeUnit.SECONDS);
            for (CompletableFuture<Object> mate : mates) {
                mate.get(30, TimeUnit.SECONDS);
            }
            assertThat(failureOf(stale)).isInstanceOf(ConcurrencyException.class)
                                        .extracting(Throwable::getMessage).asString()
                                        .contains(Writers.incident(0), "sequence [2]");
            GroupCommit.Groups after = groups.groups();
            assertThat(after.commits() - before.commits()).as("the blocker's commit, then the group's").isEqualTo(2);
            assertThat(after.appends() - before.appends()).as("the blocker and the group's mates")
                                                           .isEqualTo(1 + GROUP_MATES);
            long reports = 2 + GROUP_MATES;
            try (Connection connection = connect(url)) {
                Writers.assertWhole(connection, reports + 2 + 1 + GROUP_MATES);
                assertThat(sourcesStored(connection, "mate")).isEqualTo(GROUP_MATES);
                assertThat(sourcesStored(connection, "stale")).isZero();
            }

            // The failed append took its stale aggregate out of the cache: decided again, it builds on the store.
            send(second, 0, "stale").get(30, TimeUnit.SECONDS);
            try (Connection connection = connect(url)) {
                Writers.assertWhole(connection, reports + 2 + 1 + GROUP_MATES + 1);
            }
            assertThat(second.integrity().verify(done -> { }).intact()).isTrue();
        }
    }

    private static Throwable failureOf(CompletableFuture<Object> future) throws Exception {
        try {
            future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            return failed.getCause() instanceof CompletionException completion ? completion.getCause()
                    : failed.getCause();
        }
        throw new AssertionError("the stale command was stored");
    }

    private static long sourcesStored(Connection connection, String source) throws Exception {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT payload FROM domain_event_entry WHERE payload_type LIKE '%CasualtiesRecorded%'");
             ResultSet rows = select.executeQuery()) {
            long count = 0;
            while (rows.next()) {
                if (new String(rows.getBytes(1), java.nio.charset.StandardCharsets.UTF_8)
                        .contains("\"source\":\"" + source + "\"")) {
                    count++;
                }
            }
            return count;
        }
    }

    private static int sessionsWaitingForALock(Connection connection, String store) throws Exception {
        String query = store.equals("h2")
                ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL"
                : "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()";
        try (PreparedStatement select = connection.prepareStatement(query);
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }
}
