package dev.parley.starter;

import dev.parley.application.readmodel.TallyReadModel;
import dev.parley.application.testing.Queries;
import dev.parley.projections.readmodel.ReadModel;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.application.Parley;
import dev.parley.application.fork.Forks;
import dev.parley.application.integrity.Integrity;
import dev.parley.application.messaging.ActorProvider;
import dev.parley.starter.autoconfigure.ParleyAutoConfiguration;
import dev.parley.projections.audit.AuditTrail;
import dev.parley.projections.audit.FindAuditTrailQuery;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import java.time.Duration;
import dev.parley.incident.api.RecordCasualtiesCommand;
import dev.parley.incident.api.ReportIncidentCommand;
import dev.parley.shared.api.IncidentId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Parley comes up inside Axon's auto-configuration on the application's one DataSource, binds {@code parley.*}, and
 * gives way to its own beans.
 */
class ParleyAutoConfigurationTest {

    private static final IncidentId TORKHAM = new IncidentId("torkham-2025-10-12");
    private static final Instant OCT_12 = Instant.parse("2025-10-12T00:00:00Z");
    private static final List<Class<?>> PARLEY_BEANS = List.of(Parley.class, CommandGateway.class,
                                                               QueryGateway.class, EventStore.class, Forks.class,
                                                               Integrity.class);
    private static final List<Class<?>> PARLEYS_OWN = List.of(Parley.class, Forks.class, Integrity.class);

    @TempDir
    Path directory;

    private final List<HikariDataSource> pools = new ArrayList<>();

    /** As in an application: every auto-configuration on the classpath, Axon's and Parley's among them. */
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Application.class);

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Application {
    }

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    @Test
    void configuresParleyItsGatewaysForksAndIntegrityOnTheApplicationsDataSourceAndLeavesItOpen() throws Exception {
        DataSource dataSource = h2("app");
        on(dataSource)
                .withPropertyValues("parley.keys=" + directory.resolve("keys"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    PARLEY_BEANS.forEach(type -> assertThat(context).hasSingleBean(type));
                    Parley parley = context.getBean(Parley.class);
                    assertThat(context.getBean(CommandGateway.class)).isSameAs(parley.commands());
                    assertThat(context.getBean(QueryGateway.class)).isSameAs(parley.queries());
                    assertThat(context.getBean(EventStore.class)).isSameAs(parley.eventStore());

                    context.getBean(CommandGateway.class).sendAndWait(report());
                    assertThat(context.getBean(Integrity.class).verify(done -> { }).intact()).isTrue();
                });

        assertThat(count(dataSource, "domain_event_entry"))
                .as("the events went to the application's database, which is still open after the context closed")
                .isEqualTo(1);
    }

    @Test
    void withoutADataSourceNothingOfParleysIsConfigured() {
        runner.withPropertyValues("spring.autoconfigure.exclude="
                                          + "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
                                  "axon.serializer.general=jackson")
              .run(context -> {
                  assertThat(context).hasNotFailed();
                  PARLEYS_OWN.forEach(type -> assertThat(context).doesNotHaveBean(type));
              });
    }

    @Test
    void withTwoDataSourcesAndNeitherPrimaryItBacksOffRatherThanGuess() throws Exception {
        DataSource first = h2("first");
        DataSource second = h2("second");
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ParleyAutoConfiguration.class))
              .withBean("first", DataSource.class, () -> first)
              .withBean("second", DataSource.class, () -> second)
              .run(context -> {
                  assertThat(context).hasNotFailed();
                  assertThat(context).doesNotHaveBean(Parley.class);
              });
    }

    @Test
    void withoutParleyOnTheClasspathNothingIsConfigured() throws Exception {
        DataSource dataSource = h2("app");
        on(dataSource)
                .withClassLoader(new FilteredClassLoader(Parley.class))
                .withPropertyValues("axon.serializer.general=jackson")
                .run(context -> assertThat(context).doesNotHaveBean(Parley.class));
    }

    @Test
    void anApplicationsOwnActorProviderNamesWhoSentACommandThatNamesNoActor() throws Exception {
        DataSource dataSource = h2("app");
        on(dataSource)
                .withPropertyValues("parley.keys=" + directory.resolve("keys"))
                .withBean(ActorProvider.class, () -> () -> "duty-officer")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    context.getBean(CommandGateway.class).sendAndWait(report());
                    context.getBean(Parley.class).awaitReadModels(Duration.ofSeconds(30));
                    AuditTrail trail = context.getBean(QueryGateway.class)
                                              .query(new FindAuditTrailQuery(TORKHAM.value(), null),
                                                     AuditTrail.class).get();
                    assertThat(trail.entries()).singleElement()
                                               .satisfies(entry -> assertThat(entry.actor())
                                                       .isEqualTo("duty-officer"));
                });
    }

    @Test
    void anApplicationsOwnIntegritySignsWithItsOwnKeyWhileTheRestStaysOurs() throws Exception {
        DataSource dataSource = h2("app");
        Path ownKeys = directory.resolve("own-keys");
        Path propertyKeys = directory.resolve("property-keys");
        on(dataSource)
                .withBean(Integrity.class, () -> new Integrity(dataSource, ownKeys))
                .withPropertyValues("parley.keys=" + propertyKeys)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(Integrity.class).hasSingleBean(Parley.class);
                    context.getBean(CommandGateway.class).sendAndWait(report());
                    Integrity integrity = context.getBean(Integrity.class);
                    integrity.checkpoint(integrity.verify(done -> { }));
                });

        assertThat(ownKeys.resolve("parley-ed25519.public")).exists();
        assertThat(propertyKeys).doesNotExist();
    }

    @Test
    void theKeysPropertyPlacesTheSigningKey() throws Exception {
        DataSource dataSource = h2("app");
        Path keys = directory.resolve("keys");
        on(dataSource)
                .withPropertyValues("parley.keys=" + keys)
                .run(context -> {
                    Integrity integrity = context.getBean(Integrity.class);
                    integrity.checkpoint(integrity.verify(done -> { }));
                });

        assertThat(keys.resolve("parley-ed25519.public")).exists();
    }

    @Test
    void anApplicationsReadModelBeanRunsBesideParleysOwn() throws Exception {
        DataSource dataSource = h2("app");
        on(dataSource)
                .withBean(ReadModel.class, () -> TallyReadModel.DEFINITION)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Parley parley = context.getBean(Parley.class);
                    assertThat(parley.readModels().names()).containsExactly("status", "timeline", "audit",
                                                                            TallyReadModel.NAME);
                    threeEvents(context.getBean(CommandGateway.class));
                    parley.awaitReadModels(Duration.ofSeconds(30));
                    TallyReadModel.Tally tally = Queries.ask(context.getBean(QueryGateway.class),
                                                             new TallyReadModel.FindTallyQuery(null),
                                                             TallyReadModel.Tally.class);
                    assertThat(tally.eventsByType()).containsEntry("IncidentReported", 1L)
                                                    .containsEntry("CasualtiesRecorded", 2L);
                });
        assertThat(count(dataSource, "\"tally_schema_history\"")).as("its migrations ran in its own history")
                                                             .isPositive();
    }

    @Test
    void readModelsCanBeSwitchedOff() throws Exception {
        DataSource dataSource = h2("app");
        on(dataSource)
                .withPropertyValues("parley.read-models=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThatThrownBy(context.getBean(Parley.class)::readModels)
                            .isInstanceOf(IllegalStateException.class);
                });
        assertThat(count(dataSource, "token_entry")).as("no processor claimed a token").isZero();
    }

    @Test
    void snapshotEveryBindsToTheBuilder() throws Exception {
        DataSource snapshotted = h2("snapshotted");
        DataSource never = h2("never");
        on(snapshotted)
                .withPropertyValues("parley.snapshot-every=2", "parley.read-models=false")
                .run(context -> threeEvents(context.getBean(CommandGateway.class)));
        on(never)
                .withPropertyValues("parley.snapshot-every=0", "parley.read-models=false")
                .run(context -> threeEvents(context.getBean(CommandGateway.class)));

        assertThat(count(snapshotted, "snapshot_event_entry")).isEqualTo(1);
        assertThat(count(never, "snapshot_event_entry")).isZero();
    }

    @Test
    void aNegativeSnapshotIntervalStopsTheApplication() throws Exception {
        DataSource dataSource = h2("app");
        on(dataSource)
                .withPropertyValues("parley.snapshot-every=-1")
                .run(context -> assertThat(context).getFailure()
                                                   .rootCause()
                                                   .isInstanceOf(IllegalArgumentException.class)
                                                   .hasMessageContaining("snapshotEvery"));
    }

    /** The application context with one DataSource, which the test closes itself after looking into it. */
    private ApplicationContextRunner on(DataSource dataSource) {
        return runner.withBean(DataSource.class, () -> dataSource, definition -> definition.setDestroyMethodName(""));
    }

    private static ReportIncidentCommand report() {
        return new ReportIncidentCommand(TORKHAM, "Torkham crossing", List.of("AFG"), List.of("PAK"),
                                         "exchange of fire", OCT_12, "ISPR");
    }

    private static void threeEvents(CommandGateway commands) {
        commands.sendAndWait(report());
        commands.sendAndWait(new RecordCasualtiesCommand(TORKHAM, "PAK", 3, 1, OCT_12, "ISPR"));
        commands.sendAndWait(new RecordCasualtiesCommand(TORKHAM, "AFG", 2, 0, OCT_12, "ISPR"));
    }

    /** An application's pool: it keeps the H2 file database open between connections, as Spring Boot's does. */
    private DataSource h2(String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + directory.resolve(name));
        config.setUsername("sa");
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    private static long count(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            count.next();
            return count.getLong(1);
        }
    }
}
