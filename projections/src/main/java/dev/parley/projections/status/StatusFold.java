package dev.parley.projections.status;

import dev.parley.incident.api.CasualtiesRecordedEvent;
import dev.parley.incident.api.CeasefireViolatedEvent;
import dev.parley.incident.api.IncidentReportedEvent;
import dev.parley.incident.api.IncidentStatus;
import dev.parley.incident.api.StrikeRecordedEvent;
import dev.parley.negotiation.api.CeasefireDeclaredEvent;
import dev.parley.negotiation.api.FrameworkAcceptedEvent;
import dev.parley.negotiation.api.FrameworkRejectedEvent;
import dev.parley.negotiation.api.FrameworkResponse;
import dev.parley.negotiation.api.FrameworkSubmittedEvent;
import dev.parley.negotiation.api.MediationOfferedEvent;
import dev.parley.negotiation.api.NegotiationStatus;
import dev.parley.negotiation.api.RoundConcludedEvent;
import dev.parley.negotiation.api.RoundOpenedEvent;
import dev.parley.negotiation.api.TalksCollapsedEvent;
import dev.parley.shared.api.AggregateTypes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Folds events into status views, one event at a time. Pure: the live projection and any replay or time-travelled
 * read apply exactly the same steps, so they cannot disagree.
 */
public final class StatusFold {

    private StatusFold() {
    }

    /**
     * The view of an aggregate of {@code aggregateType} after {@code event}: a {@link NegotiationView} or an
     * {@link IncidentView}; {@code current} is null before the first event, and so is the answer for other types.
     *
     * @param aggregateType the aggregate type, as in {@link AggregateTypes}
     * @param current the view before the event, or null
     * @param event the event
     * @return the view after it
     */
    public static Object apply(String aggregateType, Object current, Object event) {
        if (AggregateTypes.NEGOTIATION.equals(aggregateType)) {
            return apply((NegotiationView) current, event);
        }
        if (AggregateTypes.BORDER_INCIDENT.equals(aggregateType)) {
            return apply((IncidentView) current, event);
        }
        return null;
    }

    /**
     * The negotiation after {@code event}; {@code current} is null before the first event.
     *
     * @param current the negotiation before the event, or null
     * @param event an event of the negotiation
     * @return the negotiation after it; unchanged by events it does not know
     */
    public static NegotiationView apply(NegotiationView current, Object event) {
        if (event instanceof RoundOpenedEvent opened) {
            List<RoundView> rounds = current == null ? List.of() : current.rounds();
            RoundView round = new RoundView(opened.round(), opened.venue(), opened.mediators(), opened.occurredAt(),
                                            null, null);
            NegotiationView base = current != null ? current
                    : new NegotiationView(opened.negotiationId().value(), NegotiationStatus.ROUND_OPEN,
                                          opened.parties(), 0, List.of(), List.of(), false, null, List.of());
            return new NegotiationView(base.id(), NegotiationStatus.ROUND_OPEN, opened.parties(), opened.round(),
                                       appended(rounds, round), base.frameworks(), base.ceasefireInForce(),
                                       base.ceasefireEffectiveFrom(), base.mediationOffers());
        }
        if (event instanceof FrameworkSubmittedEvent submitted) {
            FrameworkView framework = new FrameworkView(submitted.frameworkId(), submitted.submittedBy(),
                                                        submitted.title(), Map.of());
            return withFrameworks(current, appended(current.frameworks(), framework));
        }
        if (event instanceof FrameworkAcceptedEvent accepted) {
            return answered(current, accepted.frameworkId(), accepted.party(), FrameworkResponse.ACCEPTED);
        }
        if (event instanceof FrameworkRejectedEvent rejected) {
            return answered(current, rejected.frameworkId(), rejected.party(), FrameworkResponse.REJECTED);
        }
        if (event instanceof CeasefireDeclaredEvent ceasefire) {
            return new NegotiationView(current.id(), current.status(), current.parties(), current.currentRound(),
                                       current.rounds(), current.frameworks(), true, ceasefire.effectiveFrom(),
                                       current.mediationOffers());
        }
        if (event instanceof RoundConcludedEvent concluded) {
            return closed(current, NegotiationStatus.ROUND_CONCLUDED, RoundView.CONCLUDED, concluded.outcome());
        }
        if (event instanceof TalksCollapsedEvent collapsed) {
            return closed(current, NegotiationStatus.COLLAPSED, RoundView.COLLAPSED, collapsed.reason());
        }
        if (event instanceof MediationOfferedEvent offered) {
            return new NegotiationView(current.id(), current.status(), current.parties(), current.currentRound(),
                                       current.rounds(), current.frameworks(), current.ceasefireInForce(),
                                       current.ceasefireEffectiveFrom(),
                                       appended(current.mediationOffers(), offered.mediator()));
        }
        return current;
    }

    /**
     * The incident after {@code event}; {@code current} is null before the first event.
     *
     * @param current the incident before the event, or null
     * @param event an event of the incident
     * @return the incident after it; unchanged by events it does not know
     */
    public static IncidentView apply(IncidentView current, Object event) {
        if (event instanceof IncidentReportedEvent reported) {
            return new IncidentView(reported.incidentId().value(), IncidentStatus.ACTIVE, reported.location(),
                                    reported.attackers(), reported.defenders(), Map.of(), List.of(), null, 0);
        }
        if (event instanceof CasualtiesRecordedEvent casualties) {
            Map<String, CasualtyCount> summed = new LinkedHashMap<>(current.casualties());
            summed.merge(casualties.side(), new CasualtyCount(casualties.killed(), casualties.wounded()),
                         (before, added) -> before.plus(added.killed(), added.wounded()));
            return new IncidentView(current.id(), current.status(), current.location(), current.attackers(),
                                    current.defenders(), summed, current.strikes(), current.ceasefireEffectiveFrom(),
                                    current.violations());
        }
        if (event instanceof StrikeRecordedEvent strike) {
            return new IncidentView(current.id(), current.status(), current.location(), current.attackers(),
                                    current.defenders(), current.casualties(),
                                    appended(current.strikes(),
                                             new StrikeView(strike.by(), strike.targets(), strike.occurredAt())),
                                    current.ceasefireEffectiveFrom(), current.violations());
        }
        if (event instanceof dev.parley.incident.api.CeasefireDeclaredEvent ceasefire) {
            return new IncidentView(current.id(), IncidentStatus.CEASEFIRE, current.location(), current.attackers(),
                                    current.defenders(), current.casualties(), current.strikes(),
                                    ceasefire.effectiveFrom(), current.violations());
        }
        if (event instanceof CeasefireViolatedEvent) {
            return new IncidentView(current.id(), IncidentStatus.VIOLATED, current.location(), current.attackers(),
                                    current.defenders(), current.casualties(), current.strikes(),
                                    current.ceasefireEffectiveFrom(), current.violations() + 1);
        }
        return current;
    }

    private static NegotiationView answered(NegotiationView current, String frameworkId, String party,
                                            FrameworkResponse response) {
        return withFrameworks(current, replaced(current.frameworks(),
                                                framework -> framework.id().equals(frameworkId)
                                                        ? framework.answeredBy(party, response) : framework));
    }

    private static NegotiationView closed(NegotiationView current, NegotiationStatus status, String how, String why) {
        List<RoundView> rounds = replaced(current.rounds(), round -> round.round() == current.currentRound()
                ? round.close(how, why) : round);
        return new NegotiationView(current.id(), status, current.parties(), current.currentRound(), rounds,
                                   current.frameworks(), current.ceasefireInForce(), current.ceasefireEffectiveFrom(),
                                   current.mediationOffers());
    }

    private static NegotiationView withFrameworks(NegotiationView current, List<FrameworkView> frameworks) {
        return new NegotiationView(current.id(), current.status(), current.parties(), current.currentRound(),
                                   current.rounds(), frameworks, current.ceasefireInForce(),
                                   current.ceasefireEffectiveFrom(), current.mediationOffers());
    }

    private static <T> List<T> appended(List<T> list, T element) {
        List<T> longer = new ArrayList<>(list);
        longer.add(element);
        return List.copyOf(longer);
    }

    private static <T> List<T> replaced(List<T> list, UnaryOperator<T> change) {
        return list.stream().map(change).toList();
    }
}
