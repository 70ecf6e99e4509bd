package dev.parley.starter.axon;

import dev.parley.application.Parley;
import dev.parley.incident.api.ReportIncidentCommand;
import dev.parley.projections.audit.AuditTrail;
import dev.parley.projections.audit.FindAuditTrailQuery;
import dev.parley.projections.status.FindStatusQuery;
import dev.parley.projections.status.StatusReport;
import dev.parley.shared.api.IncidentId;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The application's own REST controller: a report is sent and answered once every read model includes it, so the
 * status it returns is the one just recorded.
 */
@RestController
class IncidentController {

    private static final Duration READ_MODELS = Duration.ofSeconds(30);

    /** The request body of a report. */
    record Report(String incidentId, String location, List<String> attackers, List<String> defenders,
                  String description, Instant occurredAt, String source) {
    }

    private final Parley parley;
    private final QueryGateway queries;

    IncidentController(Parley parley, QueryGateway queries) {
        this.parley = parley;
        this.queries = queries;
    }

    @PostMapping("/incidents")
    StatusReport report(@RequestBody Report report) throws Exception {
        IncidentId id = new IncidentId(report.incidentId());
        parley.sendAndAwaitReadModels(new ReportIncidentCommand(id, report.location(), report.attackers(),
                                                                report.defenders(), report.description(),
                                                                report.occurredAt(), report.source()),
                                      READ_MODELS);
        return status(id.value());
    }

    @GetMapping("/incidents/{id}")
    StatusReport status(@PathVariable String id) throws Exception {
        return queries.query(FindStatusQuery.of(id), StatusReport.class).get();
    }

    @GetMapping("/incidents/{id}/audit")
    AuditTrail audit(@PathVariable String id) throws Exception {
        return queries.query(new FindAuditTrailQuery(id, null), AuditTrail.class).get();
    }
}
