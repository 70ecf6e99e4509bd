package dev.parley.starter.sample;

import dev.parley.application.Parley;
import dev.parley.incident.api.RecordCasualtiesCommand;
import dev.parley.incident.api.ReportIncidentCommand;
import dev.parley.projections.status.FindStatusQuery;
import dev.parley.projections.status.IncidentView;
import dev.parley.projections.status.StatusReport;
import dev.parley.shared.api.IncidentId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** The application's own service: commands through the injected {@link CommandGateway}, status through queries. */
@Service
public class IncidentDesk {

    private static final Duration READ_MODEL_WAIT = Duration.ofSeconds(30);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Parley parley;

    IncidentDesk(CommandGateway commands, QueryGateway queries, Parley parley) {
        this.commands = commands;
        this.queries = queries;
        this.parley = parley;
    }

    public void report(ReportIncidentCommand command) {
        commands.sendAndWait(command);
    }

    public void recordCasualties(RecordCasualtiesCommand command) {
        commands.sendAndWait(command);
    }

    /** Where the incident stands once the read models have caught up with everything recorded. */
    public IncidentView status(IncidentId incident)
            throws TimeoutException, InterruptedException, ExecutionException {
        parley.awaitReadModels(READ_MODEL_WAIT);
        StatusReport report = queries.query(FindStatusQuery.of(incident.value()), StatusReport.class).get();
        return report.incidents().stream()
                     .findFirst()
                     .orElseThrow(() -> new IllegalArgumentException("no incident " + incident));
    }
}
