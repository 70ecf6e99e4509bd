package dev.parley.application.readside;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.parley.application.readside.Histories.line;

/**
 * Random command files over a small id space (two negotiations, four incidents, parties PAK/AFG/QAT/TUR/IRN):
 * valid and invalid lines mixed, ceasefires covering incidents, casualty reports dated before what is already
 * recorded, comments and blank lines. The same seed always gives the same file.
 */
final class RandomCommandFiles {

    private static final List<String> PARTIES = List.of("PAK", "AFG", "QAT", "TUR", "IRN");
    private static final List<String> NEGOTIATIONS = List.of("talks-a", "talks-b");
    private static final List<String> INCIDENTS = List.of("inc-1", "inc-2", "inc-3", "inc-4");
    private static final List<String> FRAMEWORKS = List.of("fw-1", "fw-2");
    private static final LocalDate FIRST_DAY = LocalDate.parse("2025-10-01");

    private final Random random;

    private RandomCommandFiles(long seed) {
        this.random = new Random(seed);
    }

    /** A command file of 20 to 70 lines. */
    static List<String> generate(long seed) {
        return new RandomCommandFiles(seed).file();
    }

    /** The incidents reported so far, with their sides, so that most lines name someone involved. */
    private final java.util.Map<String, List<String>> involved = new java.util.LinkedHashMap<>();

    private List<String> file() {
        List<String> lines = new ArrayList<>();
        // a likely start, so that most files get somewhere: every incident, then both negotiations
        for (String incident : INCIDENTS) {
            if (random.nextInt(4) != 0) {
                lines.add(reportIncident(incident));
            }
        }
        lines.add(openRound(NEGOTIATIONS.get(0), 1));
        lines.add(openRound(NEGOTIATIONS.get(1), 1));
        int count = 20 + random.nextInt(51);
        for (int i = 0; i < count; i++) {
            lines.add(anyLine());
        }
        return lines;
    }

    /** Mostly an incident that exists, now and then any id. */
    private String incident() {
        return involved.isEmpty() || random.nextInt(6) == 0 ? pick(INCIDENTS) : pick(List.copyOf(involved.keySet()));
    }

    /** Mostly a party involved in {@code incident}, now and then any party. */
    private String sideOf(String incident) {
        List<String> sides = involved.get(incident);
        return sides == null || random.nextInt(6) == 0 ? pick(PARTIES) : pick(sides);
    }

    /** Mostly incidents that exist, now and then one that may not. */
    private List<String> covered() {
        List<String> covered = new ArrayList<>(someOf(List.copyOf(involved.keySet())));
        if (random.nextInt(6) == 0) {
            covered.add(pick(INCIDENTS));
        }
        return covered.stream().distinct().toList();
    }

    private String anyLine() {
        String incident = incident();
        return switch (random.nextInt(20)) {
            case 0 -> reportIncident(pick(INCIDENTS));
            case 1, 2, 3, 4 -> line("RecordCasualties", "incidentId", incident, "side", sideOf(incident),
                                    "killed", random.nextInt(12) - 1, "wounded", random.nextInt(8),
                                    "occurredAt", time(), "source", "Tolo News");
            case 5, 6 -> line("RecordStrike", "incidentId", incident, "by", sideOf(incident),
                              "targets", List.of("Khost", "Paktika").subList(0, 1 + random.nextInt(2)),
                              "description", "strike", "occurredAt", time(), "source", "ISPR");
            case 7 -> line("ReportViolation", "incidentId", incident, "by", sideOf(incident),
                           "description", "violation", "occurredAt", time(), "source", "ISPR");
            case 8 -> line("DeclareCeasefire", "incidentId", incident, "effectiveFrom", lateTime(),
                           "occurredAt", lateTime(), "source", "Radio Pakistan");
            case 9 -> openRound(pick(NEGOTIATIONS), 1 + random.nextInt(3));
            case 10 -> line("SubmitFramework", "negotiationId", pick(NEGOTIATIONS), "frameworkId", pick(FRAMEWORKS),
                            "submittedBy", pick(List.of("PAK", "AFG", "QAT")), "title", "framework",
                            "provisions", List.of("no attacks"), "occurredAt", lateTime(), "source", "Geo News");
            case 11 -> line("RespondToFramework", "negotiationId", pick(NEGOTIATIONS),
                            "frameworkId", pick(FRAMEWORKS), "party", pick(List.of("PAK", "AFG", "TUR")),
                            "response", random.nextBoolean() ? "ACCEPTED" : "REJECTED",
                            "occurredAt", lateTime(), "source", "Geo News");
            case 12, 13, 14 -> line("DeclareCeasefire", "negotiationId", pick(NEGOTIATIONS),
                                    "effectiveFrom", lateTime(), "terms", "truce", "coversIncidents", covered(),
                                    "occurredAt", lateTime(), "source", "Radio Pakistan");
            case 15 -> random.nextBoolean()
                    ? line("ConcludeRound", "negotiationId", pick(NEGOTIATIONS), "outcome", "agreed",
                           "occurredAt", lateTime(), "source", "Radio Pakistan")
                    : line("Collapse", "negotiationId", pick(NEGOTIATIONS), "reason", "no progress",
                           "occurredAt", lateTime(), "source", "Radio Pakistan");
            case 16 -> line("OfferMediation", "negotiationId", pick(NEGOTIATIONS),
                            "mediator", random.nextInt(5) == 0 ? "PAK" : pick(List.of("QAT", "TUR", "IRN")),
                            "occurredAt", lateTime(), "source", "IRNA");
            case 17 -> invalid();
            case 18 -> line("RecordCasualties", "incidentId", incident, "side", sideOf(incident),
                            "killed", random.nextInt(3), "occurredAt", FIRST_DAY.toString(),
                            "source", "a report of the first day, recorded late");
            default -> random.nextBoolean() ? "" : "# a comment";
        };
    }

    private String reportIncident(String id) {
        List<String> attackers = someNonEmpty(PARTIES);
        List<String> others = PARTIES.stream().filter(party -> !attackers.contains(party)).toList();
        // now and then the sides overlap, which is INVALID_COMMAND
        List<String> defenders = others.isEmpty() || random.nextInt(5) == 0 ? attackers.subList(0, 1)
                : someNonEmpty(others);
        if (!involved.containsKey(id) && !attackers.contains(defenders.get(0))) {
            List<String> sides = new ArrayList<>(attackers);
            sides.addAll(defenders);
            involved.put(id, sides);
        }
        return line("ReportIncident", "incidentId", id, "location", "post " + id, "attackers", attackers,
                    "defenders", defenders, "description", "clash", "occurredAt", earlyTime(), "source", "ISPR");
    }

    private String openRound(String id, int round) {
        List<String> parties = List.of("PAK", "AFG");
        List<String> mediators = random.nextInt(6) == 0 ? List.of("PAK") : someOf(List.of("QAT", "TUR", "IRN"));
        if (round > 1 && random.nextBoolean()) {
            return line("OpenRound", "negotiationId", id, "round", round, "mediators", mediators, "venue", "Istanbul",
                        "occurredAt", lateTime(), "source", "Radio Pakistan");
        }
        return line("OpenRound", "negotiationId", id, "round", round, "parties", parties, "mediators", mediators,
                    "venue", "Doha", "occurredAt", lateTime(), "source", "Radio Pakistan");
    }

    private String invalid() {
        return switch (random.nextInt(4)) {
            case 0 -> line("RecordCasualties", "incidentId", incident(), "side", "PAK", "killed", 1,
                           "occuredAt", time(), "source", "typo");
            case 1 -> line("MakePeace", "negotiationId", pick(NEGOTIATIONS), "occurredAt", time(), "source", "x");
            case 2 -> line("ReportIncident", "incidentId", pick(INCIDENTS), "location", "somewhere",
                           "attackers", List.of("PAK"), "defenders", List.of("AFG"), "description", "no source",
                           "occurredAt", time());
            default -> "{not json";
        };
    }

    /** A time in October 2025. */
    private String time() {
        return time(0, 31);
    }

    /** A time in the first ten days of October 2025, when the incidents begin. */
    private String earlyTime() {
        return time(0, 10);
    }

    /** A time from 11 October 2025 on, when the talks go on. */
    private String lateTime() {
        return time(10, 21);
    }

    /** A day {@code from} + [0, {@code days}) days after 1 October 2025, now and then with a time and an offset. */
    private String time(int from, int days) {
        LocalDate day = FIRST_DAY.plusDays(from + random.nextInt(days));
        return random.nextInt(4) == 0 ? day + "T" + (10 + random.nextInt(10)) + ":15:00+05:00" : day.toString();
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private List<String> someOf(List<String> values) {
        return values.stream().filter(value -> random.nextBoolean()).toList();
    }

    private List<String> someNonEmpty(List<String> values) {
        List<String> some = someOf(values);
        return some.isEmpty() ? List.of(pick(values)) : some;
    }
}
