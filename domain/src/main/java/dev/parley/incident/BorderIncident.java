package dev.parley.incident;

import dev.parley.incident.api.CasualtiesRecordedEvent;
import dev.parley.incident.api.CeasefireDeclaredEvent;
import dev.parley.incident.api.CeasefireViolatedEvent;
import dev.parley.incident.api.DeclareCeasefireCommand;
import dev.parley.incident.api.IncidentReportedEvent;
import dev.parley.incident.api.RecordCasualtiesCommand;
import dev.parley.incident.api.RecordStrikeCommand;
import dev.parley.incident.api.ReportIncidentCommand;
import dev.parley.incident.api.ReportViolationCommand;
import dev.parley.incident.api.StrikeRecordedEvent;
import dev.parley.shared.api.DomainRuleException;
import dev.parley.shared.api.Fields;
import dev.parley.shared.api.IncidentId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static dev.parley.shared.api.ErrorCode.CEASEFIRE_ALREADY_IN_FORCE;
import static dev.parley.shared.api.ErrorCode.CEASEFIRE_IN_FORCE;
import static dev.parley.shared.api.ErrorCode.DUPLICATE_INCIDENT;
import static dev.parley.shared.api.ErrorCode.NOT_INVOLVED;
import static dev.parley.shared.api.ErrorCode.NO_CEASEFIRE_IN_FORCE;
import static dev.parley.shared.api.ErrorCode.TIME_BEFORE_PREVIOUS;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

class BorderIncident {

    @AggregateIdentifier
    private IncidentId incidentId;
    private Instant reportedOccurredAt;
    private final Set<String> involved = new HashSet<>();
    private Instant ceasefireEffectiveFrom;

    BorderIncident() {
        // required by Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ReportIncidentCommand command) {
        if (exists()) {
            throw new DomainRuleException(DUPLICATE_INCIDENT, "incident " + command.incidentId()
                    + " was already reported");
        }
        apply(new IncidentReportedEvent(command.incidentId(), command.location(), command.attackers(),
                                        command.defenders(), command.description(), command.occurredAt(),
                                        command.source()));
    }

    @CommandHandler
    void handle(RecordCasualtiesCommand command) {
        requireInvolved(command.side());
        Fields.count(command.killed(), "killed");
        Fields.count(command.wounded(), "wounded");
        apply(new CasualtiesRecordedEvent(command.incidentId(), command.side(), command.killed(), command.wounded(),
                                          command.occurredAt(), command.source()));
    }

    @CommandHandler
    void handle(RecordStrikeCommand command) {
        requireInvolved(command.by());
        if (isUnderCeasefireAt(command.occurredAt())) {
            throw new DomainRuleException(CEASEFIRE_IN_FORCE, "a ceasefire is in force at incident " + incidentId
                    + " since " + ceasefireEffectiveFrom + "; report a strike at " + command.occurredAt()
                    + " with ReportViolation");
        }
        apply(new StrikeRecordedEvent(command.incidentId(), command.by(), command.targets(), command.description(),
                                      command.occurredAt(), command.source()));
    }

    @CommandHandler
    void handle(DeclareCeasefireCommand command) {
        if (isCeasefireInForce()) {
            throw new DomainRuleException(CEASEFIRE_ALREADY_IN_FORCE, "incident " + incidentId
                    + " is already under a ceasefire since " + ceasefireEffectiveFrom);
        }
        if (command.effectiveFrom().isBefore(reportedOccurredAt)) {
            throw new DomainRuleException(TIME_BEFORE_PREVIOUS, "a ceasefire from " + command.effectiveFrom()
                    + " would begin before incident " + incidentId + " at " + reportedOccurredAt);
        }
        apply(new CeasefireDeclaredEvent(command.incidentId(), command.effectiveFrom(), command.negotiationId(),
                                         command.occurredAt(), command.source()));
    }

    @CommandHandler
    void handle(ReportViolationCommand command) {
        if (!isCeasefireInForce()) {
            throw new DomainRuleException(NO_CEASEFIRE_IN_FORCE, "no ceasefire is in force at incident "
                    + incidentId + " to violate");
        }
        requireInvolved(command.by());
        apply(new CeasefireViolatedEvent(command.incidentId(), command.by(), command.description(),
                                         command.occurredAt(), command.source()));
    }

    @EventSourcingHandler
    void on(IncidentReportedEvent event) {
        incidentId = event.incidentId();
        reportedOccurredAt = event.occurredAt();
        involved.addAll(event.attackers());
        involved.addAll(event.defenders());
    }

    @EventSourcingHandler
    void on(CeasefireDeclaredEvent event) {
        ceasefireEffectiveFrom = event.effectiveFrom();
    }

    private boolean exists() {
        return incidentId != null;
    }

    private boolean isCeasefireInForce() {
        return ceasefireEffectiveFrom != null;
    }

    private boolean isUnderCeasefireAt(Instant moment) {
        return isCeasefireInForce() && !moment.isBefore(ceasefireEffectiveFrom);
    }

    private void requireInvolved(String side) {
        if (!involved.contains(side)) {
            throw new DomainRuleException(NOT_INVOLVED, side + " is not involved in incident " + incidentId
                    + " " + involved);
        }
    }
}
