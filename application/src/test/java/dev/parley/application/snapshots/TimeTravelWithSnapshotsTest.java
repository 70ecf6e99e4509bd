package dev.parley.application.snapshots;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.application.Parley;
import dev.parley.incident.api.RecordCasualtiesCommand;
import dev.parley.incident.api.RecordStrikeCommand;
import dev.parley.incident.api.ReportIncidentCommand;
import dev.parley.incident.api.ReportViolationCommand;
import dev.parley.negotiation.api.CollapseTalksCommand;
import dev.parley.negotiation.api.ConcludeRoundCommand;
import dev.parley.negotiation.api.FrameworkResponse;
import dev.parley.negotiation.api.OfferMediationCommand;
import dev.parley.negotiation.api.OpenRoundCommand;
import dev.parley.negotiation.api.RespondToFrameworkCommand;
import dev.parley.negotiation.api.SubmitFrameworkCommand;
import dev.parley.projections.json.ParleyJson;
import dev.parley.projections.status.CasualtyCount;
import dev.parley.projections.status.FindStatusAsOfQuery;
import dev.parley.projections.status.FindStatusAtSequenceQuery;
import dev.parley.projections.status.FindStatusQuery;
import dev.parley.projections.status.IncidentView;
import dev.parley.projections.status.NegotiationView;
import dev.parley.projections.status.StatusReport;
import dev.parley.shared.api.DomainRuleException;
import dev.parley.shared.api.IncidentId;
import dev.parley.shared.api.NegotiationId;
import dev.parley.application.testing.SteppingClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time travel stays exact with snapshots: a point-in-time load folds the aggregate's own events from its first, so a
 * snapshot taken after its target cannot leak into the answer. One history is recorded twice, snapshotted every 3
 * events and never; both stores answer every sequence, valid time and transaction time alike, and as the expected
 * sums say, and decide later commands alike.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimeTravelWithSnapshotsTest {

    private static final NegotiationId TALKS = new NegotiationId("talks");
    private static final IncidentId KURRAM = new IncidentId("inc-kurram");
    private static final IncidentId TORKHAM = new IncidentId("inc-torkham");
    private static final List<String> AGGREGATES = List.of(TALKS.value(), KURRAM.value(), TORKHAM.value());
    private static final Instant START = Instant.parse("2025-10-01T00:00:00Z");
    private static final int ROUNDS = 10;
    private static final int CEASEFIRE_ROUND = 6;
    private static final Instant CEASEFIRE = hours(START.plus(Duration.ofDays(CEASEFIRE_ROUND - 1)), 5);
    private static final int REPORTS = ROUNDS * 4 + 2;
    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    private Recorded history;

    @BeforeAll
    void recordOneHistoryIntoAStoreWithSnapshotsAndOneWithout(@TempDir Path directory) throws Exception {
        history = Recorded.record(directory);
    }

    @AfterAll
    void close() {
        if (history != null) {
            history.close();
        }
    }

    @Test
    void snapshotsExistBeyondTheQueriedSequencesOnlyInTheSnapshottingStore() throws Exception {
        for (String id : AGGREGATES) {
            long last = history.lastSequence(id);
            assertThat(last).as("events of %s", id).isGreaterThanOrEqualTo(REPORTS - 1);
            assertThat(snapshotSequences(history.snapshotted, id)).as("snapshots of %s", id).singleElement()
                    .satisfies(sequence -> assertThat(sequence).isBetween(last - 3, last));
            assertThat(snapshotSequences(history.plain, id)).as("snapshots of %s without snapshotting", id)
                                                            .isEmpty();
        }
    }

    @Test
    void everySequenceOfEveryStreamFoldsTheSameWithAndWithoutSnapshotsAndAsExpected() throws Exception {
        int queried = 0;
        for (String id : AGGREGATES) {
            long snapshot = snapshotSequences(history.snapshotted, id).get(0);
            for (long sequence = 0; sequence <= history.lastSequence(id) + 2; sequence++) {
                long upTo = sequence;
                StatusReport snapshotted = atSequence(history.snapshotted, id, sequence);
                StatusReport plain = atSequence(history.plain, id, sequence);

                assertSameAnswer(snapshotted, plain, "sequence " + sequence + " of " + id);
                assertThat(View.of(snapshotted, id)).as("%s at sequence %d (snapshot at %d)", id, sequence, snapshot)
                                                    .isEqualTo(history.expected(id, event -> event.sequence() <= upTo));
                queried++;
            }
        }
        assertThat(queried).isGreaterThan(3 * REPORTS);
    }

    @Test
    void theStatusAtValidTimesBetweenReportsIsTheSameWithAndWithoutSnapshotsAndAsExpected() throws Exception {
        List<Instant> times = new ArrayList<>(List.of(START.minusSeconds(3_600), START, CEASEFIRE,
                                                      CEASEFIRE.minusNanos(1_000), hours(START, 60)));
        for (int step = 0; step < 38; step++) {
            times.add(hours(START, 7 * step).plusSeconds(60));
        }
        for (Instant at : times) {
            StatusReport snapshotted = asOf(history.snapshotted, null, at, null);

            assertSameAnswer(snapshotted, asOf(history.plain, null, at, null), "at " + at);
            assertExpected(snapshotted, event -> !event.occurredAt().isAfter(at), "at " + at);
            for (String id : AGGREGATES) {
                assertSameAnswer(asOf(history.snapshotted, id, at, null), asOf(history.plain, id, at, null),
                                 id + " at " + at);
            }
        }
        assertThat(sums(asOf(history.snapshotted, KURRAM.value(), hours(START, 60), null), KURRAM).values().stream()
                           .mapToLong(CasualtyCount::killed).sum())
                .as("the ten reports up to 2025-10-03T12:00, that one included").isEqualTo(55);
    }

    @Test
    void theStatusKnownAtRecordingTimesIsTheSameWithAndWithoutSnapshotsAndAsExpected() throws Exception {
        assertThat(history.cuts).hasSizeGreaterThan(5);
        for (Cut cut : history.cuts) {
            StatusReport snapshotted = asOf(history.snapshotted, null, null, cut.knownAt());

            assertSameAnswer(snapshotted, asOf(history.plain, null, null, cut.knownAt()), "known at " + cut);
            assertExpected(snapshotted, event -> event.step() < cut.steps(), "known at " + cut);
        }
    }

    @Test
    void theStatusOnBothAxesIsTheSameWithAndWithoutSnapshotsAndAsExpected() throws Exception {
        for (Cut cut : history.cuts) {
            for (int hour = 0; hour <= 264; hour += 22) {
                Instant at = hours(START, hour).plusSeconds(90);
                StatusReport snapshotted = asOf(history.snapshotted, null, at, cut.knownAt());
                String what = "at " + at + " known at " + cut;

                assertSameAnswer(snapshotted, asOf(history.plain, null, at, cut.knownAt()), what);
                assertExpected(snapshotted, event -> event.step() < cut.steps() && !event.occurredAt().isAfter(at),
                               what);
            }
        }
    }

    @Test
    void theCurrentStatusIsTheSameWithAndWithoutSnapshotsAndSumsEveryReport() throws Exception {
        StatusReport snapshotted = current(history.snapshotted);

        assertSameAnswer(snapshotted, current(history.plain), "now");
        assertSameAnswer(snapshotted, asOf(history.snapshotted, null, null, null), "now, as of no bound");
        assertExpected(snapshotted, event -> true, "now");
        assertThat(sums(snapshotted, KURRAM).values().stream().mapToLong(CasualtyCount::killed).sum())
                .isEqualTo(REPORTS * (REPORTS + 1) / 2);
    }

    @Test
    void commandsDecidedAfterTheSnapshotsAreDecidedTheSameWithAndWithoutThem(@TempDir Path own) throws Exception {
        try (Recorded recorded = Recorded.record(own)) {
            Instant late = Instant.parse("2025-10-20T00:00:00Z");
            Instant beforeKurram = START.minus(Duration.ofDays(1));
            List<Object> commands = List.of(
                    new dev.parley.incident.api.DeclareCeasefireCommand(TORKHAM, beforeKurram, null, late, "ISPR"),
                    new RecordCasualtiesCommand(KURRAM, "IRN", 1, late, "ISPR"),
                    new RecordStrikeCommand(KURRAM, "AFG", List.of("Parachinar"), "strike", CEASEFIRE, "ISPR"),
                    new RecordStrikeCommand(KURRAM, "AFG", List.of("Parachinar"), "strike before the ceasefire",
                                            CEASEFIRE.minusSeconds(1), "ISPR"),
                    new dev.parley.incident.api.DeclareCeasefireCommand(KURRAM, late, null, late, "ISPR"),
                    new ReportViolationCommand(KURRAM, "QAT", "shelling", late, "ISPR"),
                    new ReportViolationCommand(TORKHAM, "PAK", "shelling", late, "ISPR"),
                    new RecordCasualtiesCommand(KURRAM, "PAK", 7, 2, beforeKurram, "a report dated before the incident"),
                    new OpenRoundCommand(TALKS, ROUNDS + 2, null, List.of(), "Tehran", late, "IRNA"),
                    new OpenRoundCommand(TALKS, ROUNDS + 1, null, List.of("PAK"), "Tehran", late, "IRNA"),
                    new OpenRoundCommand(TALKS, ROUNDS + 1, null, List.of("IRN"), "Tehran", START, "IRNA"),
                    new SubmitFrameworkCommand(TALKS, "fw-new", "PAK", "too early", List.of(), late, "Geo News"),
                    new OfferMediationCommand(TALKS, "AFG", late, "Geo News"),
                    new OpenRoundCommand(TALKS, ROUNDS + 1, null, List.of("IRN"), "Tehran", late, "IRNA"),
                    new SubmitFrameworkCommand(TALKS, "fw-1", "AFG", "an old id", List.of(), late, "Geo News"),
                    new dev.parley.negotiation.api.DeclareCeasefireCommand(TALKS, late, "again", List.of(), late,
                                                                           "Geo News"),
                    new ConcludeRoundCommand(TALKS, "resumed", late, "IRNA"),
                    new ConcludeRoundCommand(TALKS, "twice", late, "IRNA"));
            List<String> expected = List.of("TIME_BEFORE_PREVIOUS", "NOT_INVOLVED", "CEASEFIRE_IN_FORCE", "accepted",
                                            "CEASEFIRE_ALREADY_IN_FORCE", "NOT_INVOLVED", "NO_CEASEFIRE_IN_FORCE",
                                            "accepted", "ROUND_OUT_OF_SEQUENCE", "MEDIATOR_IS_PARTY",
                                            "TIME_BEFORE_PREVIOUS", "NO_OPEN_ROUND", "MEDIATOR_IS_PARTY", "accepted",
                                            "DUPLICATE_FRAMEWORK", "CEASEFIRE_ALREADY_IN_FORCE", "accepted",
                                            "NO_OPEN_ROUND");
            Map<String, Long> lastBefore = new HashMap<>();
            for (String id : AGGREGATES) {
                lastBefore.put(id, recorded.lastSequence(id));
                assertThat(snapshotSequences(recorded.snapshotted, id)).singleElement()
                        .satisfies(sequence -> assertThat(sequence).isGreaterThan(REPORTS - 5L));
            }

            List<String> withSnapshots = new ArrayList<>();
            List<String> without = new ArrayList<>();
            for (Object command : commands) {
                withSnapshots.add(decide(recorded.snapshotted, command));
                without.add(decide(recorded.plain, command));
            }

            assertThat(withSnapshots).isEqualTo(without).isEqualTo(expected);
            recorded.awaitReadModels();
            for (String id : AGGREGATES) {
                assertThat(recorded.lastSequence(id)).as("events of %s", id)
                                                     .isEqualTo(lastBefore.get(id) + (id.equals(TORKHAM.value()) ? 0
                                                             : 2));
                for (long sequence = 0; sequence <= recorded.lastSequence(id); sequence++) {
                    assertSameAnswer(atSequence(recorded.snapshotted, id, sequence),
                                     atSequence(recorded.plain, id, sequence), id + " at sequence " + sequence);
                }
            }
            assertSameAnswer(current(recorded.snapshotted), current(recorded.plain), "now");
            CasualtyCount recordedBefore = recorded.casualties(KURRAM, event -> true).get("PAK");
            assertThat(sums(current(recorded.snapshotted), KURRAM).get("PAK"))
                    .isEqualTo(new CasualtyCount(recordedBefore.killed() + 7, recordedBefore.wounded() + 2));
            Instant beforeTheIncident = START.minusSeconds(3_600);
            assertThat(asOf(recorded.snapshotted, KURRAM.value(), beforeTheIncident, null).incidents())
                    .as("a report dated before the incident does not make it exist earlier").isEmpty();
            assertSameAnswer(asOf(recorded.snapshotted, null, beforeTheIncident, null),
                             asOf(recorded.plain, null, beforeTheIncident, null), "before the incident");
        }
    }

    private static String decide(Parley parley, Object command) {
        try {
            parley.commands().sendAndWait(command);
            return "accepted";
        } catch (DomainRuleException rejected) {
            return rejected.code().name();
        }
    }

    private void assertExpected(StatusReport report, Predicate<Event> kept, String when) {
        for (String id : AGGREGATES) {
            assertThat(View.of(report, id)).as("%s %s", id, when).isEqualTo(history.expected(id, kept));
        }
        assertThat(report.negotiations().size() + report.incidents().size()).as("aggregates %s", when)
                .isEqualTo(AGGREGATES.stream().filter(id -> history.expected(id, kept) != null).count());
    }

    private static void assertSameAnswer(StatusReport withSnapshots, StatusReport without, String what) {
        JsonNode snapshotted = ParleyJson.mapper().valueToTree(withSnapshots);
        JsonNode plain = ParleyJson.mapper().valueToTree(without);
        assertThat(snapshotted).as("with snapshots and without, %s", what).isEqualTo(plain);
    }

    private static Map<String, CasualtyCount> sums(StatusReport report, IncidentId incident) {
        return report.incidents().stream().filter(view -> view.id().equals(incident.value())).findFirst()
                     .orElseThrow(() -> new AssertionError("no " + incident + " in " + report)).casualties();
    }

    private static StatusReport atSequence(Parley parley, String id, long sequence) throws Exception {
        return parley.queries().query(new FindStatusAtSequenceQuery(id, sequence), StatusReport.class).get();
    }

    private static StatusReport asOf(Parley parley, String id, Instant at, Instant knownAt) throws Exception {
        return parley.queries().query(new FindStatusAsOfQuery(id, at, knownAt), StatusReport.class).get();
    }

    private static StatusReport current(Parley parley) throws Exception {
        return parley.queries().query(FindStatusQuery.all(), StatusReport.class).get();
    }

    private static List<Long> snapshotSequences(Parley parley, String aggregateId) throws SQLException {
        try (Connection connection = parley.store().dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT sequence_number FROM snapshot_event_entry WHERE aggregate_identifier = ?"
                             + " ORDER BY sequence_number")) {
            select.setString(1, aggregateId);
            List<Long> sequences = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sequences.add(rows.getLong(1));
                }
            }
            return sequences;
        }
    }

    private static Instant hours(Instant from, int hours) {
        return from.plus(Duration.ofHours(hours));
    }

    /** What the test expects of an event it recorded: enough to fold the status without Parley's own fold. */
    private enum Kind { BEGUN, CASUALTIES, STRIKE, CEASEFIRE, VIOLATION, ROUND_OPENED, FRAMEWORK, RESPONSE,
        CONCLUDED, COLLAPSED, MEDIATION }

    /** One event the history stores: its stream position, the command that made it, and what it says. */
    private record Event(String aggregateId, long sequence, int step, Instant occurredAt, Kind kind, String side,
                         int killed, int wounded) {
    }

    /** Everything recorded by {@code knownAt} was made by the first {@code steps} commands. */
    private record Cut(Instant knownAt, int steps) {
    }

    /** The parts of a status view the expected fold predicts; null for an aggregate that does not exist yet. */
    private record View(String status, int currentRound, boolean ceasefireInForce, int frameworks, int responses,
                        int mediationOffers, Map<String, CasualtyCount> casualties, int strikes, int violations) {

        static View of(StatusReport report, String id) {
            for (NegotiationView negotiation : report.negotiations()) {
                if (negotiation.id().equals(id)) {
                    int responses = negotiation.frameworks().stream().mapToInt(f -> f.responses().size()).sum();
                    return new View(negotiation.status().name(), negotiation.currentRound(),
                                    negotiation.ceasefireInForce(), negotiation.frameworks().size(), responses,
                                    negotiation.mediationOffers().size(), Map.of(), 0, 0);
                }
            }
            for (IncidentView incident : report.incidents()) {
                if (incident.id().equals(id)) {
                    return new View(incident.status().name(), 0, incident.ceasefireEffectiveFrom() != null, 0, 0, 0,
                                    incident.casualties(), incident.strikes().size(), incident.violations());
                }
            }
            return null;
        }
    }

    /**
     * The history, recorded command by command into both stores in lockstep, so that one instant between two
     * commands cuts both stores' transaction time at the same place.
     */
    private static final class Recorded implements AutoCloseable {

        final Parley snapshotted;
        final Parley plain;
        final List<Event> events = new ArrayList<>();
        final List<Cut> cuts = new ArrayList<>();
        private final Map<String, Long> nextSequence = new HashMap<>();
        private int steps;
        /** The clock of recording times while the history is recorded. */
        private SteppingClock clock;

        private Recorded(Parley snapshotted, Parley plain) {
            this.snapshotted = snapshotted;
            this.plain = plain;
        }

        static Recorded record(Path directory) throws Exception {
            Parley snapshotted = Parley.builder().store("jdbc:h2:file:" + directory.resolve("snapshotted"))
                                       .snapshotEvery(3).build();
            Parley plain = null;
            try {
                plain = Parley.builder().store("jdbc:h2:file:" + directory.resolve("plain")).snapshotEvery(0)
                              .build();
                Recorded recorded = new Recorded(snapshotted, plain);
                try (SteppingClock clock = SteppingClock.recording()) {
                    recorded.clock = clock;
                    recorded.recordTheHistory();
                }
                recorded.awaitReadModels();
                return recorded;
            } catch (Exception | AssertionError e) {
                if (plain != null) {
                    plain.close();
                }
                snapshotted.close();
                throw e;
            }
        }

        /**
         * Ten rounds of talks (the sixth declares a ceasefire covering Kurram), interleaved with 42 casualty reports
         * on each of two incidents, at increasing times, a few strikes, and a violation of the ceasefire.
         */
        private void recordTheHistory() {
            cut();
            send(new ReportIncidentCommand(KURRAM, "Kurram", List.of("AFG", "TTP"), List.of("PAK"), "raids", START,
                                           "ISPR"));
            expect(KURRAM, START, Kind.BEGUN);
            Instant torkhamStart = hours(START, 12);
            send(new ReportIncidentCommand(TORKHAM, "Torkham", List.of("PAK"), List.of("AFG"), "air strikes",
                                           torkhamStart, "Tolo News"));
            expect(TORKHAM, torkhamStart, Kind.BEGUN);
            List<Runnable> talks = talks();
            assertThat(talks).hasSize(REPORTS);
            List<String> kurramSides = List.of("PAK", "AFG", "TTP");
            for (int report = 1; report <= REPORTS; report++) {
                talks.get(report - 1).run();

                Instant kurramAt = hours(START, 6 * report);
                String side = kurramSides.get(report % 3);
                send(new RecordCasualtiesCommand(KURRAM, side, report, report % 5, kurramAt, "ISPR"));
                expectCasualties(KURRAM, kurramAt, side, report, report % 5);
                if (report == 3 || report == 9) {
                    send(new RecordStrikeCommand(KURRAM, "AFG", List.of("Parachinar"), "shelling",
                                                 kurramAt.plusSeconds(3_600), "ISPR"));
                    expect(KURRAM, kurramAt.plusSeconds(3_600), Kind.STRIKE);
                }
                if (report == 35) {
                    send(new ReportViolationCommand(KURRAM, "TTP", "sniper fire", kurramAt.plusSeconds(3_600),
                                                    "ISPR"));
                    expect(KURRAM, kurramAt.plusSeconds(3_600), Kind.VIOLATION);
                }

                Instant torkhamAt = hours(torkhamStart, 5 * report);
                String torkhamSide = report % 2 == 0 ? "PAK" : "AFG";
                send(new RecordCasualtiesCommand(TORKHAM, torkhamSide, 2 * report, report % 3, torkhamAt,
                                                 "Tolo News"));
                expectCasualties(TORKHAM, torkhamAt, torkhamSide, 2 * report, report % 3);
                if (report % 5 == 0) {
                    send(new RecordStrikeCommand(TORKHAM, report % 10 == 0 ? "AFG" : "PAK", List.of("Landi Kotal"),
                                                 "strike " + report, torkhamAt.plusSeconds(60), "Tolo News"));
                    expect(TORKHAM, torkhamAt.plusSeconds(60), Kind.STRIKE);
                }
                if (report % 6 == 0) {
                    cut();
                }
            }
            cut();
        }

        /** One command per casualty report: four per round, the ceasefire, the collapse, then Iran's offer. */
        private List<Runnable> talks() {
            List<Runnable> steps = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                int number = round;
                Instant day = START.plus(Duration.ofDays(round - 1));
                String submitter = round % 2 == 1 ? "PAK" : "AFG";
                String responder = round % 2 == 1 ? "AFG" : "PAK";
                steps.add(() -> {
                    send(new OpenRoundCommand(TALKS, number, number == 1 ? List.of("PAK", "AFG") : null,
                                              number % 2 == 0 ? List.of("QAT", "TUR") : List.of("QAT"),
                                              number % 2 == 0 ? "Istanbul" : "Doha", day, "Al Jazeera"));
                    expect(TALKS, day, Kind.ROUND_OPENED);
                });
                steps.add(() -> {
                    send(new SubmitFrameworkCommand(TALKS, "fw-" + number, submitter, "Framework " + number,
                                                    List.of("provision " + number), hours(day, 2), "Geo News"));
                    expect(TALKS, hours(day, 2), Kind.FRAMEWORK);
                });
                steps.add(() -> {
                    send(new RespondToFrameworkCommand(TALKS, "fw-" + number, responder,
                                                       number % 3 == 0 ? FrameworkResponse.ACCEPTED
                                                               : FrameworkResponse.REJECTED,
                                                       hours(day, 4), "Geo News"));
                    expect(TALKS, hours(day, 4), Kind.RESPONSE);
                });
                if (round == CEASEFIRE_ROUND) {
                    steps.add(() -> {
                        send(new dev.parley.negotiation.api.DeclareCeasefireCommand(
                                TALKS, CEASEFIRE, "ceasefire along the border", List.of(KURRAM), CEASEFIRE,
                                "Al Jazeera"));
                        expect(TALKS, CEASEFIRE, Kind.CEASEFIRE);
                        expect(KURRAM, CEASEFIRE, Kind.CEASEFIRE);
                    });
                }
                steps.add(round < ROUNDS ? () -> {
                    send(new ConcludeRoundCommand(TALKS, "round " + number + " ended", hours(day, 6), "Al Jazeera"));
                    expect(TALKS, hours(day, 6), Kind.CONCLUDED);
                } : () -> {
                    send(new CollapseTalksCommand(TALKS, "walk-out", hours(day, 6), "Geo News"));
                    expect(TALKS, hours(day, 6), Kind.COLLAPSED);
                });
            }
            Instant offered = START.plus(Duration.ofDays(ROUNDS)).plusSeconds(3_600);
            steps.add(() -> {
                send(new OfferMediationCommand(TALKS, "IRN", offered, "IRNA"));
                expect(TALKS, offered, Kind.MEDIATION);
            });
            return steps;
        }

        private void send(Object command) {
            snapshotted.commands().sendAndWait(command);
            plain.commands().sendAndWait(command);
            steps++;
        }

        private void expect(Object aggregateId, Instant occurredAt, Kind kind) {
            expectEvent(aggregateId.toString(), occurredAt, kind, null, 0, 0);
        }

        private void expectCasualties(IncidentId incident, Instant occurredAt, String side, int killed, int wounded) {
            expectEvent(incident.value(), occurredAt, Kind.CASUALTIES, side, killed, wounded);
        }

        private void expectEvent(String id, Instant occurredAt, Kind kind, String side, int killed, int wounded) {
            long sequence = nextSequence.merge(id, 1L, Long::sum) - 1;
            events.add(new Event(id, sequence, steps - 1, occurredAt, kind, side, killed, wounded));
        }

        /** An instant after every event so far was recorded and before the next one is, in both stores. */
        private void cut() {
            clock.advance(Duration.ofSeconds(1));
            cuts.add(new Cut(clock.instant(), steps));
            clock.advance(Duration.ofSeconds(1));
        }

        void awaitReadModels() throws Exception {
            snapshotted.awaitReadModels(CATCH_UP);
            plain.awaitReadModels(CATCH_UP);
        }

        long lastSequence(String id) throws SQLException {
            try (Connection connection = plain.store().dataSource().getConnection();
                 PreparedStatement select = connection.prepareStatement(
                         "SELECT MAX(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        }

        Map<String, CasualtyCount> casualties(IncidentId incident, Predicate<Event> kept) {
            return expected(incident.value(), kept).casualties();
        }

        /** The view of {@code id} folded by the test from the events it expects, keeping those {@code kept}. */
        View expected(String id, Predicate<Event> kept) {
            List<Event> stream = events.stream().filter(event -> event.aggregateId().equals(id)).toList();
            if (stream.isEmpty() || !kept.test(stream.get(0))) {
                return null;
            }
            List<Event> folded = stream.stream().filter(kept).toList();
            Map<String, CasualtyCount> casualties = new LinkedHashMap<>();
            String status = id.equals(TALKS.value()) ? "ROUND_OPEN" : "ACTIVE";
            int rounds = 0;
            for (Event event : folded) {
                switch (event.kind()) {
                    case CASUALTIES -> casualties.merge(event.side(), new CasualtyCount(event.killed(), event.wounded()),
                                                        (a, b) -> new CasualtyCount(a.killed() + b.killed(),
                                                                                    a.wounded() + b.wounded()));
                    case ROUND_OPENED -> {
                        rounds++;
                        status = "ROUND_OPEN";
                    }
                    case CONCLUDED -> status = "ROUND_CONCLUDED";
                    case COLLAPSED -> status = "COLLAPSED";
                    case CEASEFIRE -> status = id.equals(TALKS.value()) ? status : "CEASEFIRE";
                    case VIOLATION -> status = "VIOLATED";
                    default -> {
                    }
                }
            }
            boolean ceasefire = count(folded, Kind.CEASEFIRE) > 0;
            if (id.equals(TALKS.value())) {
                return new View(status, rounds, ceasefire, count(folded, Kind.FRAMEWORK), count(folded, Kind.RESPONSE),
                                count(folded, Kind.MEDIATION), Map.of(), 0, 0);
            }
            return new View(status, 0, ceasefire, 0, 0, 0, casualties, count(folded, Kind.STRIKE),
                            count(folded, Kind.VIOLATION));
        }

        private static int count(List<Event> events, Kind kind) {
            return (int) events.stream().filter(event -> event.kind() == kind).count();
        }

        @Override
        public void close() {
            try {
                plain.close();
            } finally {
                snapshotted.close();
            }
        }
    }
}
