package dev.parley.application.embedding;

import dev.parley.application.Parley;
import dev.parley.incident.api.ReportIncidentCommand;
import dev.parley.projections.audit.AuditEntry;
import dev.parley.projections.audit.AuditTrail;
import dev.parley.projections.audit.FindAuditTrailQuery;
import dev.parley.projections.status.FindStatusQuery;
import dev.parley.projections.status.IncidentView;
import dev.parley.projections.status.StatusReport;
import dev.parley.shared.api.IncidentId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An embedding application's commands carry an actor without naming one, and a caller that sends a command can
 * wait until every read model includes it.
 */
class ActorAndReadYourWritesTest {

    private static final Instant OCT_12 = Instant.parse("2025-10-12T00:00:00Z");
    private static final Duration READ_MODELS = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    @Test
    void aCommandThatNamesNoActorIsRecordedAsSentByTheOperatingSystemUser() throws Exception {
        try (Parley parley = open().build()) {
            parley.sendAndAwaitReadModels(report("torkham-2025-10-12"), READ_MODELS);

            assertThat(auditOf(parley, "torkham-2025-10-12")).singleElement()
                    .extracting(AuditEntry::actor).isEqualTo(System.getProperty("user.name"));
        }
    }

    @Test
    void theApplicationsOwnActorProviderNamesTheActor() throws Exception {
        try (Parley parley = open().actors(() -> "duty-officer").build()) {
            parley.sendAndAwaitReadModels(report("kurram-2025-10-12"), READ_MODELS);

            assertThat(auditOf(parley, "kurram-2025-10-12")).singleElement()
                    .extracting(AuditEntry::actor).isEqualTo("duty-officer");
        }
    }

    @Test
    void whenSendAndAwaitReturnsEveryReadModelAlreadyIncludesTheCommandsEvents() throws Exception {
        try (Parley parley = open().build()) {
            for (int i = 0; i < 20; i++) {
                String id = "chaman-2025-10-12-" + i;
                parley.sendAndAwaitReadModels(report(id), READ_MODELS);

                StatusReport status = parley.queries().query(FindStatusQuery.of(id), StatusReport.class).get();
                assertThat(status.incidents()).extracting(IncidentView::id).containsExactly(id);
                assertThat(auditOf(parley, id)).hasSize(1);
            }
        }
    }

    private Parley.Builder open() {
        return Parley.builder().store("jdbc:h2:file:" + directory.resolve("parley")).keys(directory.resolve("keys"));
    }

    private static List<AuditEntry> auditOf(Parley parley, String id) throws Exception {
        return parley.queries().query(new FindAuditTrailQuery(id, null), AuditTrail.class).get().entries();
    }

    private static ReportIncidentCommand report(String id) {
        return new ReportIncidentCommand(new IncidentId(id), "border crossing", List.of("AFG"), List.of("PAK"),
                                         "exchange of fire", OCT_12, "ISPR");
    }
}
