package dev.parley.incident.api;

import dev.parley.shared.api.Fields;
import dev.parley.shared.api.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Records a strike by an involved side; strikes under a ceasefire are violations, not strikes.
 *
 * @param incidentId the incident addressed
 * @param by the code of the striking side
 * @param targets what was struck, distinct, possibly none
 * @param description what happened
 * @param occurredAt when it happened in the world (valid time)
 * @param source who reported it
 */
public record RecordStrikeCommand(@TargetAggregateIdentifier IncidentId incidentId,
                                  String by,
                                  List<String> targets,
                                  String description,
                                  Instant occurredAt,
                                  String source) implements IncidentCommand {

    /**
     * Checks every field against the contract's rules and limits ({@link Fields}).
     *
     * @param incidentId the incident addressed
     * @param by the code of the striking side
     * @param targets what was struck, distinct, possibly none
     * @param description what happened
     * @param occurredAt when it happened in the world (valid time)
     * @param source who reported it
     * @throws dev.parley.shared.api.DomainRuleException with {@code INVALID_COMMAND} if a field is missing, malformed
     *     or beyond its limits
     */
    public RecordStrikeCommand {
        Fields.present(incidentId, "incidentId");
        Fields.code(by, "by");
        targets = Fields.texts(targets, "targets");
        Fields.text(description, "description");
        Fields.time(occurredAt, "occurredAt");
        Fields.text(source, "source");
    }
}
