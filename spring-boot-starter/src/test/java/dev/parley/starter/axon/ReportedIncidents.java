package dev.parley.starter.axon;

import dev.parley.incident.api.IncidentReportedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The application's own event handler, in its own processing group, fed from Parley's store. */
@Component
@ProcessingGroup(ReportedIncidents.GROUP)
public class ReportedIncidents {

    static final String GROUP = "sample-reported-incidents";

    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    @EventHandler
    void on(IncidentReportedEvent event) {
        seen.add(event.incidentId().value());
    }

    @ResetHandler
    void reset() {
        seen.clear();
    }

    Set<String> seen() {
        return Set.copyOf(seen);
    }
}
