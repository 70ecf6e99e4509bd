package dev.parley.starter.sample;

import dev.parley.application.Parley;
import dev.parley.incident.api.RecordCasualtiesCommand;
import dev.parley.incident.api.ReportIncidentCommand;
import dev.parley.projections.status.FindStatusQuery;
import dev.parley.projections.status.IncidentView;
import dev.parley.projections.status.StatusReport;
import dev.parley.shared.api.IncidentId;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** The application's own service: commands through Parley with read-your-writes, status through queries. */
@Service
public class IncidentDesk {

    private static final Duration READ_MODEL_WAIT = Duration.ofSeconds(30);

    private final QueryGateway queries;
    private final Parley parley;

    IncidentDesk(QueryGateway queries, Parley parley) {
        this.queries = queries;
        this.parley = parley;
    }

    public void report(ReportIncidentCommand command) throws TimeoutException, InterruptedException {
        parley.sendAndAwaitReadModels(command, READ_MODEL_WAIT);
    }

    public void recordCasualties(RecordCasualtiesCommand command) throws TimeoutException, InterruptedException {
        parley.sendAndAwaitReadModels(command, READ_MODEL_WAIT);
    }

    /** Where the incident stands: every command sent through this desk is in the read models already. */
    public IncidentView status(IncidentId incident) throws InterruptedException, ExecutionException {
        StatusReport report = queries.query(FindStatusQuery.of(incident.value()), StatusReport.class).get();
        return report.incidents().stream()
                     .findFirst()
                     .orElseThrow(() -> new IllegalArgumentException("no incident " + incident));
    }
}
