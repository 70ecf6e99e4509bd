package dev.parley.starter;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The auto-configured command gateway decides a command that lost a race with another writer again, through Axon's
 * retry scheduler, as often as {@code parley.command-retry.max-retries} says; never a command that broke a rule, and
 * never inside the sender's transaction, which the retry could not join.
 */
class CommandRetryTest {

    @TempDir
    Path directory;

    private HikariDataSource pool;

    @AfterEach
    void closePool() {
        if (pool != null) {
            pool.close();
        }
    }

    /** A command whose handler loses the race a given number of times, then succeeds. */
    record Contested(int conflicts) {
    }

    /** A command whose handler always refuses it. */
    record Refused() {
    }

    /** The application's own command handler, counting how often each command was tried. */
    static class Handler {

        final AtomicInteger attempts = new AtomicInteger();

        @CommandHandler
        String handle(Contested command) {
            if (attempts.incrementAndGet() <= command.conflicts()) {
                throw new ConcurrencyException("another writer appended first");
            }
            return "stored";
        }

        @CommandHandler
        void handle(Refused command) {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("refused");
        }
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Application {
    }

    @Test
    void aConflictingCommandIsDecidedAgainUntilItIsStored() {
        runner().withPropertyValues("parley.command-retry.max-retries=3", "parley.command-retry.backoff=1ms")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Object result = context.getBean(CommandGateway.class).sendAndWait(new Contested(2));
                    assertThat(result).isEqualTo("stored");
                    assertThat(context.getBean(Handler.class).attempts).hasValue(3);
                });
    }

    @Test
    void afterTheConfiguredRetriesTheConflictReachesTheSender() {
        runner().withPropertyValues("parley.command-retry.max-retries=1", "parley.command-retry.backoff=1ms")
                .run(context -> {
                    assertThatThrownBy(() -> context.getBean(CommandGateway.class).sendAndWait(new Contested(5)))
                            .isInstanceOf(ConcurrencyException.class);
                    assertThat(context.getBean(Handler.class).attempts).hasValue(2);
                });
    }

    @Test
    void aCommandThatFailsForAnyOtherReasonIsNotRetried() {
        runner().withPropertyValues("parley.command-retry.backoff=1ms")
                .run(context -> {
                    assertThatThrownBy(() -> context.getBean(CommandGateway.class).sendAndWait(new Refused()))
                            .isInstanceOf(IllegalArgumentException.class);
                    assertThat(context.getBean(Handler.class).attempts).hasValue(1);
                });
    }

    @Test
    void insideTheSendersTransactionAConflictFailsTheTransactionInsteadOfBeingRetriedOutsideIt() {
        runner().withPropertyValues("parley.command-retry.backoff=1ms")
                .run(context -> {
                    TransactionTemplate transaction =
                            new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
                    assertThatThrownBy(() -> transaction.executeWithoutResult(
                            status -> context.getBean(CommandGateway.class).sendAndWait(new Contested(1))))
                            .isInstanceOf(ConcurrencyException.class);
                    assertThat(context.getBean(Handler.class).attempts).hasValue(1);
                });
    }

    private ApplicationContextRunner runner() {
        DataSource dataSource = h2();
        return new ApplicationContextRunner()
                .withUserConfiguration(Application.class)
                .withBean(DataSource.class, () -> dataSource, definition -> definition.setDestroyMethodName(""))
                .withBean(Handler.class, Handler::new)
                .withPropertyValues("parley.keys=" + directory.resolve("keys"), "parley.read-models=false");
    }

    private DataSource h2() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + directory.resolve("app"));
        config.setUsername("sa");
        pool = new HikariDataSource(config);
        return pool;
    }
}
