package dev.parley.application.fork;

import dev.parley.application.testing.Queries;
import dev.parley.application.commandfile.CommandFileRunner;
import dev.parley.projections.audit.AuditEntry;
import dev.parley.projections.audit.AuditTrail;
import dev.parley.projections.audit.FindAuditTrailQuery;
import dev.parley.projections.status.FindStatusQuery;
import dev.parley.projections.status.IncidentView;
import dev.parley.projections.status.NegotiationView;
import dev.parley.projections.status.StatusReport;
import dev.parley.projections.timeline.FindTimelineQuery;
import dev.parley.projections.timeline.Timeline;
import dev.parley.projections.timeline.TimelineEntry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the Java API tests of forks share: running command lines through a gateway, and asking read models. */
final class ForkApi {

    private ForkApi() {
    }

    /** Runs NDJSON command lines through {@code commands}, as {@code parley run} would. */
    static CommandFileRunner.Outcome run(CommandGateway commands, String... lines) {
        return new CommandFileRunner(commands, "fork-tester").run(List.of(lines), new CommandFileRunner.Listener() {
        });
    }

    /** Runs lines that must all be accepted. */
    static void accept(CommandGateway commands, String... lines) {
        CommandFileRunner.Outcome outcome = run(commands, lines);
        assertThat(outcome.rejections()).as("rejections").isEmpty();
        assertThat(outcome.accepted()).isEqualTo(lines.length);
    }

    static StatusReport status(QueryGateway queries) {
        return ask(queries, FindStatusQuery.all(), StatusReport.class);
    }

    static NegotiationView negotiation(QueryGateway queries, String id) {
        StatusReport report = ask(queries, FindStatusQuery.of(id), StatusReport.class);
        assertThat(report.negotiations()).as("negotiation %s", id).hasSize(1);
        return report.negotiations().get(0);
    }

    static IncidentView incident(QueryGateway queries, String id) {
        StatusReport report = ask(queries, FindStatusQuery.of(id), StatusReport.class);
        assertThat(report.incidents()).as("incident %s", id).hasSize(1);
        return report.incidents().get(0);
    }

    static List<AuditEntry> audit(QueryGateway queries) {
        return ask(queries, FindAuditTrailQuery.all(), AuditTrail.class).entries();
    }

    static List<TimelineEntry> timeline(QueryGateway queries) {
        return ask(queries, FindTimelineQuery.all(), Timeline.class).entries();
    }

    static <R> R ask(QueryGateway queries, Object query, Class<R> answer) {
        return Queries.ask(queries, query, answer);
    }

    static String reportIncident(String id, String date) {
        return "{\"command\":\"ReportIncident\",\"incidentId\":\"" + id + "\",\"location\":\"Chaman\","
                + "\"attackers\":[\"AFG\"],\"defenders\":[\"PAK\"],\"description\":\"Shelling at " + id + "\","
                + "\"occurredAt\":\"" + date + "\",\"source\":\"ISPR\"}";
    }

    static String recordCasualties(String id, String side, int killed, int wounded, String date) {
        return "{\"command\":\"RecordCasualties\",\"incidentId\":\"" + id + "\",\"side\":\"" + side + "\","
                + "\"killed\":" + killed + ",\"wounded\":" + wounded + ",\"occurredAt\":\"" + date + "\","
                + "\"source\":\"ISPR\"}";
    }

    static String respond(String party, String response, String date) {
        return "{\"command\":\"RespondToFramework\",\"negotiationId\":\"pak-afg-talks-2025\","
                + "\"frameworkId\":\"pak-counterterrorism-framework\",\"party\":\"" + party + "\",\"response\":\""
                + response + "\",\"occurredAt\":\"" + date + "\",\"source\":\"What-if analyst\"}";
    }

    static String concludeRound(String outcome, String date) {
        return "{\"command\":\"ConcludeRound\",\"negotiationId\":\"pak-afg-talks-2025\",\"outcome\":\"" + outcome
                + "\",\"occurredAt\":\"" + date + "\",\"source\":\"What-if analyst\"}";
    }

    static String collapse(String reason, String date) {
        return "{\"command\":\"Collapse\",\"negotiationId\":\"pak-afg-talks-2025\",\"reason\":\"" + reason
                + "\",\"occurredAt\":\"" + date + "\",\"source\":\"What-if analyst\"}";
    }

    static String openRound(int round, String venue, String date) {
        return "{\"command\":\"OpenRound\",\"negotiationId\":\"pak-afg-talks-2025\",\"round\":" + round
                + ",\"mediators\":[\"QAT\"],\"venue\":\"" + venue + "\",\"occurredAt\":\"" + date
                + "\",\"source\":\"What-if analyst\"}";
    }

    static String submitFramework(String id, String by, String date) {
        return "{\"command\":\"SubmitFramework\",\"negotiationId\":\"pak-afg-talks-2025\",\"frameworkId\":\"" + id
                + "\",\"submittedBy\":\"" + by + "\",\"title\":\"Framework " + id + "\",\"provisions\":[],"
                + "\"occurredAt\":\"" + date + "\",\"source\":\"What-if analyst\"}";
    }

    static String declareCeasefire(String effectiveFrom, String... incidents) {
        return "{\"command\":\"DeclareCeasefire\",\"negotiationId\":\"pak-afg-talks-2025\",\"effectiveFrom\":\""
                + effectiveFrom + "\",\"terms\":\"What-if ceasefire\",\"coversIncidents\":["
                + String.join(",", java.util.Arrays.stream(incidents).map(id -> "\"" + id + "\"").toList())
                + "],\"occurredAt\":\"" + effectiveFrom + "\",\"source\":\"What-if analyst\"}";
    }
}
