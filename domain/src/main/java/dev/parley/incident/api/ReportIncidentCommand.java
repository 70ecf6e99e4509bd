package dev.parley.incident.api;

import dev.parley.shared.api.Fields;
import dev.parley.shared.api.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Reports a new border incident; attackers and defenders are non-empty and share no one. */
public record ReportIncidentCommand(@TargetAggregateIdentifier IncidentId incidentId,
                                    String location,
                                    List<String> attackers,
                                    List<String> defenders,
                                    String description,
                                    Instant occurredAt,
                                    String source) implements IncidentCommand {

    public ReportIncidentCommand {
        Fields.present(incidentId, "incidentId");
        Fields.text(location, "location");
        attackers = Fields.codes(attackers, "attackers", 1);
        defenders = Fields.codes(defenders, "defenders", 1);
        List<String> both = defenders;
        attackers.stream().filter(both::contains).findFirst().ifPresent(side -> {
            throw Fields.invalid(side + " cannot be both attacker and defender");
        });
        Fields.text(description, "description");
        Fields.time(occurredAt, "occurredAt");
        Fields.text(source, "source");
    }
}
