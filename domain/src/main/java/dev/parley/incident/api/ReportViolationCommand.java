package dev.parley.incident.api;

import dev.parley.shared.api.Fields;
import dev.parley.shared.api.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Reports a breach of the ceasefire in force by an involved side. */
public record ReportViolationCommand(@TargetAggregateIdentifier IncidentId incidentId,
                                     String by,
                                     String description,
                                     Instant occurredAt,
                                     String source) implements IncidentCommand {

    public ReportViolationCommand {
        Fields.present(incidentId, "incidentId");
        Fields.code(by, "by");
        Fields.text(description, "description");
        Fields.time(occurredAt, "occurredAt");
        Fields.text(source, "source");
    }
}
