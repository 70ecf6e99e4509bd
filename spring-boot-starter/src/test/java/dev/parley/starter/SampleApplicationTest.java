package dev.parley.starter;

import dev.parley.application.Parley;
import dev.parley.application.fork.Fork;
import dev.parley.application.fork.ForkDiff;
import dev.parley.application.fork.Forks;
import dev.parley.application.integrity.Integrity;
import dev.parley.application.integrity.Verification;
import dev.parley.incident.api.IncidentStatus;
import dev.parley.incident.api.RecordCasualtiesCommand;
import dev.parley.incident.api.ReportIncidentCommand;
import dev.parley.projections.status.CasualtyCount;
import dev.parley.projections.status.FindStatusQuery;
import dev.parley.projections.status.IncidentView;
import dev.parley.projections.status.StatusReport;
import dev.parley.shared.api.DomainRuleException;
import dev.parley.shared.api.ErrorCode;
import dev.parley.shared.api.IncidentId;
import dev.parley.starter.sample.IncidentDesk;
import dev.parley.starter.sample.SampleApplication;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A Spring Boot application with the starter and a {@code spring.datasource.url} records incidents through the
 * injected gateways, forks and verifies its history.
 */
@SpringBootTest(classes = SampleApplication.class)
@DirtiesContext
class SampleApplicationTest {

    private static final Instant OCT_12 = Instant.parse("2025-10-12T00:00:00Z");

    @TempDir
    static Path directory;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + directory.resolve("sample"));
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("parley.keys", () -> directory.resolve("keys").toString());
    }

    @Autowired
    IncidentDesk desk;
    @Autowired
    CommandGateway commands;
    @Autowired
    QueryGateway queries;
    @Autowired
    Parley parley;
    @Autowired
    Forks forks;
    @Autowired
    Integrity integrity;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void parleyStoresInTheApplicationsOwnPool() {
        assertThat(parley.store().dataSource()).isSameAs(dataSource);
        assertThat(parley.store().url()).startsWith("jdbc:h2:file:" + directory);
    }

    @Test
    void commandsGoThroughTheInjectedGatewayAndStatusComesBackThroughTheQueryGateway() throws Exception {
        IncidentId torkham = new IncidentId("torkham-2025-10-12");
        desk.report(report(torkham));
        desk.recordCasualties(new RecordCasualtiesCommand(torkham, "PAK", 3, 1, OCT_12, "ISPR"));

        IncidentView status = desk.status(torkham);
        assertThat(status.status()).isEqualTo(IncidentStatus.ACTIVE);
        assertThat(status.casualties()).containsExactlyEntriesOf(Map.of("PAK", new CasualtyCount(3, 1)));

        parley.awaitReadModels(Duration.ofSeconds(30));
        StatusReport everything = queries.query(FindStatusQuery.all(), StatusReport.class).get();
        assertThat(everything.incidents()).extracting(IncidentView::id).contains(torkham.value());
    }

    @Test
    void aBrokenRuleComesBackAsTheDomainExceptionAndAppendsNothing() {
        IncidentId kurram = new IncidentId("kurram-2025-10-12");
        commands.sendAndWait(report(kurram));
        long before = storedEvents();

        assertThatThrownBy(() -> commands.sendAndWait(new RecordCasualtiesCommand(kurram, "IRN", 1, OCT_12, "ISPR")))
                .isInstanceOfSatisfying(DomainRuleException.class,
                                        rejected -> assertThat(rejected.code()).isEqualTo(ErrorCode.NOT_INVOLVED));
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void theInjectedForksBranchOffTheRecordWithoutWritingToIt() throws Exception {
        IncidentId chaman = new IncidentId("chaman-2025-10-12");
        commands.sendAndWait(report(chaman));
        long head = forks.head();
        long before = storedEvents();

        try (Fork fork = forks.at(head)) {
            fork.commands().sendAndWait(new RecordCasualtiesCommand(chaman, "AFG", 5, OCT_12, "What-if"));
            ForkDiff diff = fork.diff(ForkDiff.Against.HEAD);
            assertThat(diff.forkPoint()).isEqualTo(head);
            assertThat(diff.aggregates()).singleElement().satisfies(aggregate -> {
                assertThat(aggregate.aggregateId()).isEqualTo(chaman.value());
                assertThat(aggregate.forkEvents()).hasSize(1);
            });
        }
        assertThat(storedEvents()).as("the fork kept its event apart from the record").isEqualTo(before);
    }

    @Test
    void theInjectedIntegrityVerifiesEveryStoredEventAndSignsWithTheConfiguredKey() {
        commands.sendAndWait(report(new IncidentId("angoor-adda-2025-10-12")));

        Verification verification = integrity.verify(done -> { });
        assertThat(verification.intact()).isTrue();
        assertThat((long) verification.leaves().size()).isEqualTo(storedEvents());

        integrity.checkpoint(verification);
        assertThat(directory.resolve("keys").resolve("parley-ed25519.public")).exists();
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    private static ReportIncidentCommand report(IncidentId incident) {
        return new ReportIncidentCommand(incident, "border crossing", List.of("AFG"), List.of("PAK"),
                                         "exchange of fire", OCT_12, "ISPR");
    }
}
