package dev.parley.application.readside;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Command files of a known shape, big enough for a replay to take a while. */
final class Histories {

    private static final LocalDate FIRST_DAY = LocalDate.parse("2025-09-01");

    private Histories() {
    }

    /**
     * {@code incidents} incidents with three casualty reports and three strikes each (7 events per incident), then a
     * negotiation whose ceasefire covers every tenth incident (4 negotiation events plus one propagated ceasefire per
     * covered incident), then a late casualty report on each covered incident. Every line is accepted.
     */
    static List<String> manyIncidents(int incidents) {
        List<String> lines = new ArrayList<>();
        List<String> covered = new ArrayList<>();
        for (int i = 0; i < incidents; i++) {
            String id = "inc-" + i;
            LocalDate day = FIRST_DAY.plusDays(i % 40);
            boolean pakAttacks = i % 2 == 0;
            String attacker = pakAttacks ? "PAK" : "AFG";
            String defender = pakAttacks ? "AFG" : "PAK";
            lines.add(line("ReportIncident", "incidentId", id, "location", "Border post " + i,
                           "attackers", List.of(attacker), "defenders", List.of(defender),
                           "description", "clash number " + i, "occurredAt", day.toString(), "source", "ISPR"));
            for (int k = 0; k < 3; k++) {
                lines.add(line("RecordCasualties", "incidentId", id, "side", k % 2 == 0 ? attacker : defender,
                               "killed", (i + k) % 7, "wounded", (i * k) % 5,
                               "occurredAt", day.plusDays(k).toString(), "source", "Tolo News"));
                lines.add(line("RecordStrike", "incidentId", id, "by", k == 1 ? defender : attacker,
                               "targets", List.of("target " + i + "-" + k), "description", "strike " + k,
                               "occurredAt", day.plusDays(k).toString() + "T0" + k + ":30:00Z", "source", "ISPR"));
            }
            if (i % 10 == 0) {
                covered.add(id);
            }
        }
        lines.add(line("OpenRound", "negotiationId", "talks", "round", 1, "parties", List.of("PAK", "AFG"),
                       "mediators", List.of("QAT"), "venue", "Doha", "occurredAt", "2025-11-01",
                       "source", "Radio Pakistan"));
        lines.add(line("DeclareCeasefire", "negotiationId", "talks", "effectiveFrom", "2025-11-02",
                       "terms", "ceasefire on every covered post", "coversIncidents", covered,
                       "occurredAt", "2025-11-02", "source", "Radio Pakistan"));
        lines.add(line("OfferMediation", "negotiationId", "talks", "mediator", "IRN", "occurredAt", "2025-11-03",
                       "source", "IRNA"));
        lines.add(line("ConcludeRound", "negotiationId", "talks", "outcome", "ceasefire agreed",
                       "occurredAt", "2025-11-04", "source", "Radio Pakistan"));
        for (String id : covered) {
            lines.add(line("RecordCasualties", "incidentId", id, "side", "PAK", "killed", 1, "wounded", 2,
                           "occurredAt", "2025-09-15", "source", "late report"));
        }
        return lines;
    }

    /** The number of events {@link #manyIncidents(int)} stores. */
    static int eventsOfManyIncidents(int incidents) {
        int covered = (incidents + 9) / 10;
        return incidents * 7 + 4 + covered + covered;
    }

    /** One command-file line from alternating keys and values (strings, numbers, lists of strings). */
    static String line(Object... keysAndValues) {
        StringBuilder json = new StringBuilder("{\"command\":").append(quoted(keysAndValues[0].toString()));
        for (int i = 1; i < keysAndValues.length; i += 2) {
            json.append(',').append(quoted(keysAndValues[i].toString())).append(':')
                .append(value(keysAndValues[i + 1]));
        }
        return json.append('}').toString();
    }

    private static String value(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            List<String> items = list.stream().map(Histories::value).toList();
            return "[" + String.join(",", items) + "]";
        }
        return quoted(value.toString());
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
