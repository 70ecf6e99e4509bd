package dev.parley.negotiation;

import dev.parley.negotiation.api.CeasefireDeclaredEvent;
import dev.parley.negotiation.api.CollapseTalksCommand;
import dev.parley.negotiation.api.ConcludeRoundCommand;
import dev.parley.negotiation.api.DeclareCeasefireCommand;
import dev.parley.negotiation.api.FrameworkAcceptedEvent;
import dev.parley.negotiation.api.FrameworkRejectedEvent;
import dev.parley.negotiation.api.FrameworkResponse;
import dev.parley.negotiation.api.FrameworkSubmittedEvent;
import dev.parley.negotiation.api.KnownIncidents;
import dev.parley.negotiation.api.MediationOfferedEvent;
import dev.parley.negotiation.api.NegotiationStatus;
import dev.parley.negotiation.api.OfferMediationCommand;
import dev.parley.negotiation.api.OpenRoundCommand;
import dev.parley.negotiation.api.RespondToFrameworkCommand;
import dev.parley.negotiation.api.RoundConcludedEvent;
import dev.parley.negotiation.api.RoundOpenedEvent;
import dev.parley.negotiation.api.SubmitFrameworkCommand;
import dev.parley.negotiation.api.TalksCollapsedEvent;
import dev.parley.shared.api.DomainRuleException;
import dev.parley.shared.api.Fields;
import dev.parley.shared.api.IncidentId;
import dev.parley.shared.api.NegotiationId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.parley.shared.api.ErrorCode.ALREADY_RESPONDED;
import static dev.parley.shared.api.ErrorCode.CEASEFIRE_ALREADY_IN_FORCE;
import static dev.parley.shared.api.ErrorCode.DUPLICATE_FRAMEWORK;
import static dev.parley.shared.api.ErrorCode.MEDIATOR_IS_PARTY;
import static dev.parley.shared.api.ErrorCode.NOT_A_PARTY;
import static dev.parley.shared.api.ErrorCode.NO_OPEN_ROUND;
import static dev.parley.shared.api.ErrorCode.ROUND_ALREADY_OPEN;
import static dev.parley.shared.api.ErrorCode.ROUND_OUT_OF_SEQUENCE;
import static dev.parley.shared.api.ErrorCode.TIME_BEFORE_PREVIOUS;
import static dev.parley.shared.api.ErrorCode.UNKNOWN_FRAMEWORK;
import static dev.parley.shared.api.ErrorCode.UNKNOWN_INCIDENT;
import static dev.parley.shared.api.ErrorCode.UNKNOWN_NEGOTIATION;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

class Negotiation {

    @AggregateIdentifier
    private NegotiationId negotiationId;
    private List<String> parties;
    private int currentRound;
    private boolean roundOpen;
    private Instant currentRoundOpenedAt;
    private NegotiationStatus status;
    private final Map<String, Framework> frameworks = new HashMap<>();
    private boolean ceasefireInForce;

    Negotiation() {
        // required by Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenRoundCommand command) {
        if (!exists() && command.round() > 1) {
            throw new DomainRuleException(UNKNOWN_NEGOTIATION, "no negotiation " + command.negotiationId()
                    + " exists to open round " + command.round() + " in; round 1 creates it");
        }
        if (exists() && command.parties() != null && !Fields.sameEntries(command.parties(), parties)) {
            throw Fields.invalid("parties " + command.parties() + " differ from the negotiation's parties " + parties);
        }
        if (command.round() != currentRound + 1) {
            throw new DomainRuleException(ROUND_OUT_OF_SEQUENCE, "round " + command.round() + " does not follow round "
                    + currentRound + "; the next round is " + (currentRound + 1));
        }
        if (isRoundOpen()) {
            throw new DomainRuleException(ROUND_ALREADY_OPEN, "round " + currentRound + " is still open");
        }
        List<String> roundParties = exists() ? parties : command.parties();
        command.mediators().stream().filter(roundParties::contains).findFirst().ifPresent(mediator -> {
            throw new DomainRuleException(MEDIATOR_IS_PARTY, mediator + " is a party and cannot mediate");
        });
        if (exists() && command.occurredAt().isBefore(currentRoundOpenedAt)) {
            throw new DomainRuleException(TIME_BEFORE_PREVIOUS, "round " + command.round() + " would open at "
                    + command.occurredAt() + ", before round " + currentRound + " opened at " + currentRoundOpenedAt);
        }
        apply(new RoundOpenedEvent(command.negotiationId(), command.round(), roundParties, command.mediators(),
                                   command.venue(), command.occurredAt(), command.source()));
    }

    @CommandHandler
    void handle(SubmitFrameworkCommand command) {
        requireOpenRound();
        requireParty(command.submittedBy());
        if (frameworks.containsKey(command.frameworkId())) {
            throw new DomainRuleException(DUPLICATE_FRAMEWORK,
                                          "framework " + command.frameworkId() + " was already submitted");
        }
        apply(new FrameworkSubmittedEvent(command.negotiationId(), currentRound, command.frameworkId(),
                                          command.submittedBy(), command.title(), command.provisions(),
                                          command.occurredAt(), command.source()));
    }

    @CommandHandler
    void handle(RespondToFrameworkCommand command) {
        requireOpenRound();
        Framework framework = frameworks.get(command.frameworkId());
        if (framework == null) {
            throw new DomainRuleException(UNKNOWN_FRAMEWORK, "no framework " + command.frameworkId()
                    + " was submitted in negotiation " + negotiationId);
        }
        requireParty(command.party());
        if (framework.submittedBy().equals(command.party())) {
            throw new DomainRuleException(NOT_A_PARTY, command.party() + " submitted framework "
                    + command.frameworkId() + " and cannot answer it");
        }
        if (framework.respondents().contains(command.party())) {
            throw new DomainRuleException(ALREADY_RESPONDED, command.party() + " already answered framework "
                    + command.frameworkId());
        }
        if (command.response() == FrameworkResponse.ACCEPTED) {
            apply(new FrameworkAcceptedEvent(command.negotiationId(), command.frameworkId(), command.party(),
                                             command.occurredAt(), command.source()));
        } else {
            apply(new FrameworkRejectedEvent(command.negotiationId(), command.frameworkId(), command.party(),
                                             command.occurredAt(), command.source()));
        }
    }

    @CommandHandler
    void handle(DeclareCeasefireCommand command, KnownIncidents knownIncidents) {
        requireOpenRound();
        if (ceasefireInForce) {
            throw new DomainRuleException(CEASEFIRE_ALREADY_IN_FORCE,
                                          "a ceasefire is already in force in negotiation " + negotiationId);
        }
        Map<IncidentId, Instant> began = new HashMap<>();
        for (IncidentId incident : command.coversIncidents()) {
            began.put(incident, knownIncidents.occurredAt(incident).orElseThrow(() -> new DomainRuleException(
                    UNKNOWN_INCIDENT, "the ceasefire covers incident " + incident + ", which was never reported")));
        }
        for (IncidentId incident : command.coversIncidents()) {
            if (command.effectiveFrom().isBefore(began.get(incident))) {
                throw new DomainRuleException(TIME_BEFORE_PREVIOUS, "the ceasefire from " + command.effectiveFrom()
                        + " would begin before covered incident " + incident + " at " + began.get(incident));
            }
        }
        apply(new CeasefireDeclaredEvent(command.negotiationId(), currentRound, command.effectiveFrom(),
                                         command.terms(), command.coversIncidents(), command.occurredAt(),
                                         command.source()));
    }

    @CommandHandler
    void handle(ConcludeRoundCommand command) {
        requireOpenRound();
        apply(new RoundConcludedEvent(command.negotiationId(), currentRound, command.outcome(),
                                      command.occurredAt(), command.source()));
    }

    @CommandHandler
    void handle(CollapseTalksCommand command) {
        requireOpenRound();
        apply(new TalksCollapsedEvent(command.negotiationId(), currentRound, command.reason(),
                                      command.occurredAt(), command.source()));
    }

    @CommandHandler
    void handle(OfferMediationCommand command) {
        if (parties.contains(command.mediator())) {
            throw new DomainRuleException(MEDIATOR_IS_PARTY, command.mediator() + " is a party and cannot mediate");
        }
        apply(new MediationOfferedEvent(command.negotiationId(), command.mediator(), command.occurredAt(),
                                        command.source()));
    }

    @EventSourcingHandler
    void on(RoundOpenedEvent event) {
        negotiationId = event.negotiationId();
        parties = event.parties();
        currentRound = event.round();
        currentRoundOpenedAt = event.occurredAt();
        roundOpen = true;
        status = NegotiationStatus.ROUND_OPEN;
    }

    @EventSourcingHandler
    void on(FrameworkSubmittedEvent event) {
        frameworks.put(event.frameworkId(), new Framework(event.submittedBy(), new HashSet<>()));
    }

    @EventSourcingHandler
    void on(FrameworkAcceptedEvent event) {
        frameworks.get(event.frameworkId()).respondents().add(event.party());
    }

    @EventSourcingHandler
    void on(FrameworkRejectedEvent event) {
        frameworks.get(event.frameworkId()).respondents().add(event.party());
    }

    @EventSourcingHandler
    void on(CeasefireDeclaredEvent event) {
        ceasefireInForce = true;
    }

    @EventSourcingHandler
    void on(RoundConcludedEvent event) {
        roundOpen = false;
        status = NegotiationStatus.ROUND_CONCLUDED;
    }

    @EventSourcingHandler
    void on(TalksCollapsedEvent event) {
        roundOpen = false;
        status = NegotiationStatus.COLLAPSED;
    }

    private boolean exists() {
        return negotiationId != null;
    }

    private boolean isRoundOpen() {
        return roundOpen;
    }

    private boolean isParty(String party) {
        return parties.contains(party);
    }

    private void requireOpenRound() {
        if (!isRoundOpen()) {
            throw new DomainRuleException(NO_OPEN_ROUND, "no round of negotiation " + negotiationId
                    + " is open (last round " + currentRound + " is " + status + ")");
        }
    }

    private void requireParty(String party) {
        if (!isParty(party)) {
            throw new DomainRuleException(NOT_A_PARTY, party + " is not a party to negotiation " + negotiationId
                    + " " + parties);
        }
    }

    private record Framework(String submittedBy, Set<String> respondents) {
    }
}
