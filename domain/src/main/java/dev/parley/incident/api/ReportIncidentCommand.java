package dev.parley.incident.api;

import dev.parley.shared.api.Fields;
import dev.parley.shared.api.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Reports a new border incident; attackers and defenders are non-empty and share no one.
 *
 * @param incidentId the new incident's id
 * @param location where it happened
 * @param attackers the attacking sides' codes, at least one
 * @param defenders the defending sides' codes, at least one, none of them an attacker
 * @param description what happened
 * @param occurredAt when it happened in the world (valid time)
 * @param source who reported it
 */
public record ReportIncidentCommand(@TargetAggregateIdentifier IncidentId incidentId,
                                    String location,
                                    List<String> attackers,
                                    List<String> defenders,
                                    String description,
                                    Instant occurredAt,
                                    String source) implements IncidentCommand {

    /**
     * Checks every field against the contract's rules and limits ({@link Fields}).
     *
     * @param incidentId the new incident's id
     * @param location where it happened
     * @param attackers the attacking sides' codes, at least one
     * @param defenders the defending sides' codes, at least one, none of them an attacker
     * @param description what happened
     * @param occurredAt when it happened in the world (valid time)
     * @param source who reported it
     * @throws dev.parley.shared.api.DomainRuleException with {@code INVALID_COMMAND} if a field is missing, malformed
     *     or beyond its limits, or a side is both attacker and defender
     */
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
