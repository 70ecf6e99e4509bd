package dev.parley.cli;

import dev.parley.projections.status.CasualtyCount;
import dev.parley.projections.status.FrameworkView;
import dev.parley.projections.status.IncidentView;
import dev.parley.projections.status.NegotiationView;
import dev.parley.projections.status.RoundView;
import dev.parley.projections.status.StatusReport;
import dev.parley.projections.status.StrikeView;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.parley.cli.TerminalText.escape;
import static dev.parley.projections.describe.EventDescriptions.time;

/** The status read model as text for people; every recorded value is escaped for the terminal. */
final class StatusText {

    private StatusText() {
    }

    static String render(StatusReport report) {
        StringBuilder text = new StringBuilder();
        if (report.negotiations().isEmpty() && report.incidents().isEmpty()) {
            return "Nothing recorded yet.\n";
        }
        report.negotiations().forEach(negotiation -> negotiation(text, negotiation));
        report.incidents().forEach(incident -> incident(text, incident));
        return text.toString();
    }

    private static void negotiation(StringBuilder text, NegotiationView negotiation) {
        text.append("Negotiation ").append(escape(negotiation.id())).append(": ").append(negotiation.status())
            .append(" (round ").append(negotiation.currentRound()).append(")\n");
        text.append("  parties: ").append(join(negotiation.parties())).append('\n');
        for (RoundView round : negotiation.rounds()) {
            text.append("  round ").append(round.round()).append(" in ").append(escape(round.venue()))
                .append(", opened ").append(time(round.openedAt()))
                .append(round.mediators().isEmpty() ? ", no mediators" : ", mediated by " + join(round.mediators()))
                .append(": ")
                .append(round.closedAs() == null ? "open" : round.closedAs() + " — " + escape(round.outcome()))
                .append('\n');
        }
        for (FrameworkView framework : negotiation.frameworks()) {
            text.append("  framework ").append(escape(framework.id())).append(" \"").append(escape(framework.title()))
                .append("\" by ").append(escape(framework.submittedBy())).append(": ")
                .append(framework.responses().isEmpty() ? "no response yet" : responses(framework.responses()))
                .append('\n');
        }
        text.append("  ceasefire: ").append(negotiation.ceasefireInForce()
                ? "in force from " + time(negotiation.ceasefireEffectiveFrom()) : "none").append('\n');
        if (!negotiation.mediationOffers().isEmpty()) {
            text.append("  mediation offered by: ").append(join(negotiation.mediationOffers())).append('\n');
        }
    }

    private static void incident(StringBuilder text, IncidentView incident) {
        text.append("Incident ").append(escape(incident.id())).append(": ").append(incident.status()).append('\n');
        text.append("  at ").append(escape(incident.location()))
            .append("; attackers ").append(join(incident.attackers()))
            .append(", defenders ").append(join(incident.defenders())).append('\n');
        text.append("  casualties: ").append(incident.casualties().isEmpty() ? "none recorded"
                : incident.casualties().entrySet().stream()
                          .map(side -> escape(side.getKey()) + " " + count(side.getValue()))
                          .collect(Collectors.joining("; "))).append('\n');
        for (StrikeView strike : incident.strikes()) {
            text.append("  strike by ").append(escape(strike.by())).append(" on ")
                .append(strike.targets().isEmpty() ? "unnamed targets" : join(strike.targets()))
                .append(" (").append(time(strike.occurredAt())).append(")\n");
        }
        text.append("  ceasefire: ").append(incident.ceasefireEffectiveFrom() == null ? "none"
                : "from " + time(incident.ceasefireEffectiveFrom()))
            .append("; violations: ").append(incident.violations()).append('\n');
    }

    private static String count(CasualtyCount count) {
        return count.killed() + " killed, " + count.wounded() + " wounded";
    }

    private static String responses(Map<String, ?> responses) {
        return responses.entrySet().stream().map(entry -> escape(entry.getKey()) + " " + escape(entry.getValue()))
                        .collect(Collectors.joining(", "));
    }

    private static String join(List<String> names) {
        return names.isEmpty() ? "none" : names.stream().map(TerminalText::escape).collect(Collectors.joining(", "));
    }
}
