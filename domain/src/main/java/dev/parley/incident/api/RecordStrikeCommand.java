package dev.parley.incident.api;

import dev.parley.shared.api.Fields;
import dev.parley.shared.api.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Records a strike by an involved side; strikes under a ceasefire are violations, not strikes. */
public record RecordStrikeCommand(@TargetAggregateIdentifier IncidentId incidentId,
                                  String by,
                                  List<String> targets,
                                  String description,
                                  Instant occurredAt,
                                  String source) implements IncidentCommand {

    public RecordStrikeCommand {
        Fields.present(incidentId, "incidentId");
        Fields.code(by, "by");
        targets = Fields.texts(targets, "targets");
        Fields.text(description, "description");
        Fields.time(occurredAt, "occurredAt");
        Fields.text(source, "source");
    }
}
