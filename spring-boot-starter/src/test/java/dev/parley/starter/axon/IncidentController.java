package dev.parley.starter.axon;

import dev.parley.application.Parley;
import dev.parley.incident.api.ReportIncidentCommand;
import dev.parley.projections.audit.AuditTrail;
import dev.parley.projections.audit.FindAuditTrailQuery;
import dev.parley.projections.status.FindStatusQuery;
import dev.parley.projections.status.StatusReport;
import dev.parley.projections.json.ParleyJson;
import dev.parley.shared.api.DomainRuleException;
import dev.parley.shared.api.Fields;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/**
 * The application's own REST controller: a report is sent and answered once every read model includes it, so the
 * status it returns is the one just recorded.
 */
@RestController
class IncidentController {

    private static final Duration READ_MODELS = Duration.ofSeconds(30);

    /** A refused command, as HTTP clients get it. */
    record Refusal(String code, String message) {
    }

    private final Parley parley;
    private final QueryGateway queries;

    IncidentController(Parley parley, QueryGateway queries) {
        this.parley = parley;
        this.queries = queries;
    }

    /** The command itself is the request body, in the JSON of a command-file line. */
    @PostMapping("/incidents")
    StatusReport report(@RequestBody ReportIncidentCommand command) throws Exception {
        parley.sendAndAwaitReadModels(command, READ_MODELS);
        return status(command.incidentId().value());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Refusal> unreadable(HttpMessageNotReadableException error) {
        DomainRuleException broken = error.getCause() instanceof JsonProcessingException json
                ? ParleyJson.ruleBroken(json) : Fields.invalid("the body is not a command");
        return refused(broken);
    }

    @ExceptionHandler(DomainRuleException.class)
    ResponseEntity<Refusal> refused(DomainRuleException broken) {
        return ResponseEntity.badRequest().body(new Refusal(broken.code().name(), broken.getMessage()));
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
