package dev.parley.application.storage;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every append handed to the group commit is answered, whatever becomes of its group: a group that fails before any
 * append in it was checked (no connection, the append lock not granted) fails every append in it, and the
 * committer goes on with the next group. An earlier version answered only the appends it had already admitted, and
 * the others waited forever.
 */
class GroupCommitFailureTest {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();
    private static final Duration AT_MOST = Duration.ofSeconds(30);

    @Test
    void aGroupThatCannotStartFailsEveryAppendInItAndTheNextGroupIsStillServed() {
        AtomicInteger refusals = new AtomicInteger();
        CountDownLatch firstAsked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DataSource down = new Unreachable(() -> {
            // The first group waits here until the others have queued behind it, so they form one group.
            firstAsked.countDown();
            await(release);
            refusals.incrementAndGet();
        });
        try (GroupCommit groupCommit = new GroupCommit(down, new EventHasher(down::getConnection))) {
            assertTimeoutPreemptively(AT_MOST, () -> {
                CompletableFuture<Void> first = CompletableFuture.runAsync(() -> groupCommit.append(rows("first")));
                firstAsked.await();
                List<CompletableFuture<Void>> queued = new ArrayList<>();
                for (int writer = 0; writer < 4; writer++) {
                    String stream = "queued-" + writer;
                    queued.add(CompletableFuture.runAsync(() -> groupCommit.append(rows(stream))));
                }
                while (groupCommit.waiting() < queued.size()) {
                    Thread.sleep(5);
                }
                release.countDown();

                assertFailsWithTheCause(first);
                for (CompletableFuture<Void> append : queued) {
                    assertFailsWithTheCause(append);
                }
                assertThat(refusals).as("one attempt for the first append, one for the group queued behind it")
                                    .hasValue(2);
                assertThat(groupCommit.groups().commits()).isZero();
            });
        }
    }

    @Test
    void anAppendAfterCloseIsRefusedAtOnce() {
        DataSource down = new Unreachable(() -> { });
        GroupCommit groupCommit = new GroupCommit(down, new EventHasher(down::getConnection));
        groupCommit.close();
        assertTimeoutPreemptively(AT_MOST, () ->
                assertThatThrownBy(() -> groupCommit.append(rows("late")))
                        .isInstanceOf(EventStoreException.class)
                        .hasMessageContaining("closing"));
    }

    private static void assertFailsWithTheCause(CompletableFuture<Void> append) throws Exception {
        try {
            append.get(AT_MOST.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            assertThat(failed.getCause()).isInstanceOf(EventStoreException.class)
                                         .hasMessageContaining("database unreachable");
            return;
        }
        throw new AssertionError("an append was reported stored on a database that cannot be reached");
    }

    private static List<EventRow> rows(String stream) {
        return List.of(EventRow.of(new GenericDomainEventMessage<>("Incident", stream, 0, Map.of("side", "A")),
                                   SERIALIZER));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A database that cannot be reached: each attempt runs {@code onAttempt}, then fails. */
    private record Unreachable(Runnable onAttempt) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            onAttempt.run();
            throw new SQLException("database unreachable");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
