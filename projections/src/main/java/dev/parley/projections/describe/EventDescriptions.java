package dev.parley.projections.describe;

import dev.parley.shared.api.EventTypes;

import dev.parley.incident.api.CasualtiesRecordedEvent;
import dev.parley.incident.api.CeasefireViolatedEvent;
import dev.parley.incident.api.IncidentReportedEvent;
import dev.parley.incident.api.StrikeRecordedEvent;
import dev.parley.negotiation.api.CeasefireDeclaredEvent;
import dev.parley.negotiation.api.FrameworkAcceptedEvent;
import dev.parley.negotiation.api.FrameworkRejectedEvent;
import dev.parley.negotiation.api.FrameworkSubmittedEvent;
import dev.parley.negotiation.api.MediationOfferedEvent;
import dev.parley.negotiation.api.RoundConcludedEvent;
import dev.parley.negotiation.api.RoundOpenedEvent;
import dev.parley.negotiation.api.TalksCollapsedEvent;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

/** Says in one line what an event records, for a reader who knows nothing of Parley. */
public final class EventDescriptions {

    private EventDescriptions() {
    }

    /**
     * The event in one line, naming its parties, sides and times; an event type without a sentence of its own is
     * described by its name.
     *
     * @param event an event payload
     * @return the sentence
     */
    public static String describe(Object event) {
        if (event instanceof RoundOpenedEvent e) {
            return "Round " + e.round() + " of " + e.negotiationId() + " opened in " + e.venue() + " between "
                    + and(e.parties()) + (e.mediators().isEmpty() ? ", without mediators"
                    : ", mediated by " + and(e.mediators()));
        }
        if (event instanceof FrameworkSubmittedEvent e) {
            return e.submittedBy() + " submitted framework " + e.frameworkId() + " \"" + e.title() + "\" in round "
                    + e.round() + " of " + e.negotiationId();
        }
        if (event instanceof FrameworkAcceptedEvent e) {
            return e.party() + " accepted framework " + e.frameworkId() + " in " + e.negotiationId();
        }
        if (event instanceof FrameworkRejectedEvent e) {
            return e.party() + " rejected framework " + e.frameworkId() + " in " + e.negotiationId();
        }
        if (event instanceof CeasefireDeclaredEvent e) {
            return "Ceasefire declared in " + e.negotiationId() + " from " + time(e.effectiveFrom()) + ": " + e.terms()
                    + (e.coversIncidents().isEmpty() ? "" : " (covers " + and(e.coversIncidents()) + ")");
        }
        if (event instanceof RoundConcludedEvent e) {
            return "Round " + e.round() + " of " + e.negotiationId() + " concluded: " + e.outcome();
        }
        if (event instanceof TalksCollapsedEvent e) {
            return "Talks in " + e.negotiationId() + " collapsed in round " + e.round() + ": " + e.reason();
        }
        if (event instanceof MediationOfferedEvent e) {
            return e.mediator() + " offered to mediate in " + e.negotiationId();
        }
        if (event instanceof IncidentReportedEvent e) {
            return "Incident " + e.incidentId() + " at " + e.location() + ": " + and(e.attackers()) + " against "
                    + and(e.defenders()) + " — " + e.description();
        }
        if (event instanceof CasualtiesRecordedEvent e) {
            return "Casualties in " + e.incidentId() + ": " + e.side() + " " + e.killed() + " killed"
                    + (e.wounded() > 0 ? ", " + e.wounded() + " wounded" : "");
        }
        if (event instanceof StrikeRecordedEvent e) {
            return e.by() + " struck " + (e.targets().isEmpty() ? "" : and(e.targets()) + " ") + "in "
                    + e.incidentId() + " — " + e.description();
        }
        if (event instanceof dev.parley.incident.api.CeasefireDeclaredEvent e) {
            return "Incident " + e.incidentId() + " under ceasefire from " + time(e.effectiveFrom())
                    + (e.negotiationId() == null ? "" : " (agreed in " + e.negotiationId() + ")");
        }
        if (event instanceof CeasefireViolatedEvent e) {
            return e.by() + " violated the ceasefire at " + e.incidentId() + " — " + e.description();
        }
        return EventTypes.nameOf(event.getClass());
    }

    /**
     * A time as a date when it falls on midnight UTC, else the full instant.
     *
     * @param instant a time
     * @return {@code 2025-10-12} or {@code 2025-10-12T08:30:00Z}
     */
    public static String time(Instant instant) {
        if (instant.atOffset(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        }
        return instant.toString();
    }

    private static String and(List<?> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "nobody" : String.valueOf(items.get(0));
        }
        List<String> names = items.stream().map(String::valueOf).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
