package dev.parley.incident.api;

import dev.parley.shared.api.Fields;
import dev.parley.shared.api.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Reports a breach of the ceasefire in force by an involved side.
 *
 * @param incidentId the incident addressed
 * @param by the code of the side that broke the ceasefire
 * @param description what happened
 * @param occurredAt when it happened in the world (valid time)
 * @param source who reported it
 */
public record ReportViolationCommand(@TargetAggregateIdentifier IncidentId incidentId,
                                     String by,
                                     String description,
                                     Instant occurredAt,
                                     String source) implements IncidentCommand {

    /**
     * Checks every field against the contract's rules and limits ({@link Fields}).
     *
     * @param incidentId the incident addressed
     * @param by the code of the side that broke the ceasefire
     * @param description what happened
     * @param occurredAt when it happened in the world (valid time)
     * @param source who reported it
     * @throws dev.parley.shared.api.DomainRuleException with {@code INVALID_COMMAND} if a field is missing, malformed
     *     or beyond its limits
     */
    public ReportViolationCommand {
        Fields.present(incidentId, "incidentId");
        Fields.code(by, "by");
        Fields.text(description, "description");
        Fields.time(occurredAt, "occurredAt");
        Fields.text(source, "source");
    }
}
