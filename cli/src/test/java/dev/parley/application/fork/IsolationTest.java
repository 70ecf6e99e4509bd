package dev.parley.application.fork;

import dev.parley.application.Parley;
import dev.parley.application.commandfile.CommandFileRunner;
import dev.parley.application.commandfile.Rejection;
import dev.parley.incident.api.IncidentStatus;
import dev.parley.negotiation.api.FrameworkResponse;
import dev.parley.negotiation.api.NegotiationStatus;
import dev.parley.projections.audit.AuditEntry;
import dev.parley.projections.audit.AuditTrail;
import dev.parley.projections.audit.FindAuditTrailQuery;
import dev.parley.projections.status.CasualtyCount;
import dev.parley.projections.status.FindStatusAsOfQuery;
import dev.parley.projections.status.FindStatusQuery;
import dev.parley.projections.status.IncidentView;
import dev.parley.projections.status.NegotiationView;
import dev.parley.projections.status.StatusReport;
import dev.parley.projections.timeline.FindTimelineQuery;
import dev.parley.projections.timeline.Timeline;
import dev.parley.projections.timeline.TimelineEntry;
import dev.parley.shared.api.ErrorCode;
import dev.parley.application.testing.SteppingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static dev.parley.application.fork.ForkApi.accept;
import static dev.parley.application.fork.ForkApi.ask;
import static dev.parley.application.fork.ForkApi.audit;
import static dev.parley.application.fork.ForkApi.collapse;
import static dev.parley.application.fork.ForkApi.concludeRound;
import static dev.parley.application.fork.ForkApi.declareCeasefire;
import static dev.parley.application.fork.ForkApi.incident;
import static dev.parley.application.fork.ForkApi.negotiation;
import static dev.parley.application.fork.ForkApi.openRound;
import static dev.parley.application.fork.ForkApi.recordCasualties;
import static dev.parley.application.fork.ForkApi.reportIncident;
import static dev.parley.application.fork.ForkApi.respond;
import static dev.parley.application.fork.ForkApi.run;
import static dev.parley.application.fork.ForkApi.status;
import static dev.parley.application.fork.ForkApi.timeline;
import static dev.parley.application.fork.ForkCli.BORDER_POSTS;
import static dev.parley.application.fork.ForkCli.FRAMEWORK_SUBMITTED;
import static dev.parley.application.fork.ForkCli.HEAD;
import static dev.parley.application.fork.ForkCli.PAK_FRAMEWORK;
import static dev.parley.application.fork.ForkCli.PROPAGATED_CEASEFIRE;
import static dev.parley.application.fork.ForkCli.SCENARIO;
import static dev.parley.application.fork.ForkCli.TALKS;
import static org.assertj.core.api.Assertions.assertThat;

/** Forks through the Java API: each one sees the record up to its point and its own events, and nothing else. */
class IsolationTest {

    @TempDir
    Path directory;

    private Parley parley;
    private final SteppingClock clock = SteppingClock.recording();

    @BeforeEach
    void recordTheShippedScenario() throws Exception {
        parley = Parley.open(ForkCli.storeUrl(directory));
        CommandFileRunner.Outcome outcome = new CommandFileRunner(parley.commands(), "recorder")
                .run(SCENARIO, new CommandFileRunner.Listener() {
                });
        assertThat(outcome.rejections()).isEmpty();
        parley.awaitReadModels(Duration.ofSeconds(30));
        assertThat(audit(parley.queries())).hasSize((int) HEAD);
    }

    @AfterEach
    void close() {
        parley.close();
        clock.close();
    }

    private static List<String> ownEventTypes(List<AuditEntry> entries, long forkPoint) {
        return entries.stream().filter(entry -> entry.position() > forkPoint).map(AuditEntry::eventType).toList();
    }

    private static List<String> ownTimelineTypes(List<TimelineEntry> entries, long forkPoint) {
        return entries.stream().filter(entry -> entry.position() > forkPoint)
                      .sorted(Comparator.comparingLong(TimelineEntry::position))
                      .map(TimelineEntry::eventType).toList();
    }

    private void assertTheRecordIsAsRecorded() throws Exception {
        parley.awaitReadModels(Duration.ofSeconds(30));
        assertThat(parley.forks().head()).isEqualTo(HEAD);
        assertThat(audit(parley.queries())).hasSize((int) HEAD);
        assertThat(timeline(parley.queries())).hasSize((int) HEAD);
        StatusReport status = status(parley.queries());
        assertThat(status.negotiations()).singleElement()
                                         .satisfies(talks -> assertThat(talks.status())
                                                 .isEqualTo(NegotiationStatus.COLLAPSED));
        assertThat(status.incidents()).extracting(IncidentView::id).containsExactly(BORDER_POSTS);
    }

    @Test
    void twoForksOfTheSamePointNeverSeeEachOthersEvents() throws Exception {
        try (Fork accepted = parley.fork(FRAMEWORK_SUBMITTED); Fork rejected = parley.fork(FRAMEWORK_SUBMITTED)) {
            accept(accepted.commands(), respond("AFG", "ACCEPTED", "2025-10-27"),
                   concludeRound("Framework accepted", "2025-10-28"));
            accept(rejected.commands(), respond("AFG", "REJECTED", "2025-10-27"),
                   reportIncident("torkham", "2025-10-28"), collapse("AFG rejected the framework", "2025-10-29"));
            // the same id is free in the other fork: no DUPLICATE_INCIDENT leaks across
            accept(accepted.commands(), reportIncident("torkham", "2025-11-01"));

            NegotiationView acceptedTalks = negotiation(accepted.queries(), TALKS);
            assertThat(acceptedTalks.status()).isEqualTo(NegotiationStatus.ROUND_CONCLUDED);
            assertThat(acceptedTalks.frameworks().get(0).responses())
                    .isEqualTo(Map.of("AFG", FrameworkResponse.ACCEPTED));
            assertThat(acceptedTalks.rounds().get(1).outcome()).isEqualTo("Framework accepted");
            NegotiationView rejectedTalks = negotiation(rejected.queries(), TALKS);
            assertThat(rejectedTalks.status()).isEqualTo(NegotiationStatus.COLLAPSED);
            assertThat(rejectedTalks.frameworks().get(0).responses())
                    .isEqualTo(Map.of("AFG", FrameworkResponse.REJECTED));
            assertThat(rejectedTalks.rounds().get(1).outcome()).isEqualTo("AFG rejected the framework");
            assertThat(rejectedTalks.mediationOffers()).as("Iran's offer is after the fork point").isEmpty();

            List<AuditEntry> acceptedAudit = audit(accepted.queries());
            List<AuditEntry> rejectedAudit = audit(rejected.queries());
            assertThat(acceptedAudit).extracting(AuditEntry::position)
                                     .containsExactlyElementsOf(LongStream.rangeClosed(1, 14).boxed().toList());
            assertThat(ownEventTypes(acceptedAudit, FRAMEWORK_SUBMITTED))
                    .containsExactly("FrameworkAccepted", "RoundConcluded", "IncidentReported");
            assertThat(ownEventTypes(rejectedAudit, FRAMEWORK_SUBMITTED))
                    .containsExactly("FrameworkRejected", "IncidentReported", "TalksCollapsed");
            assertThat(ownTimelineTypes(timeline(accepted.queries()), FRAMEWORK_SUBMITTED))
                    .containsExactly("FrameworkAccepted", "RoundConcluded", "IncidentReported");
            assertThat(ownTimelineTypes(timeline(rejected.queries()), FRAMEWORK_SUBMITTED))
                    .containsExactly("FrameworkRejected", "IncidentReported", "TalksCollapsed");

            List<AuditEntry> acceptedTorkham = ask(accepted.queries(), FindAuditTrailQuery.of("torkham"),
                                                   AuditTrail.class).entries();
            List<AuditEntry> rejectedTorkham = ask(rejected.queries(), FindAuditTrailQuery.of("torkham"),
                                                   AuditTrail.class).entries();
            assertThat(acceptedTorkham).singleElement().satisfies(entry -> {
                assertThat(entry.position()).isEqualTo(14);
                assertThat(entry.occurredAt()).isEqualTo(Instant.parse("2025-11-01T00:00:00Z"));
            });
            assertThat(rejectedTorkham).singleElement().satisfies(entry -> {
                assertThat(entry.position()).isEqualTo(13);
                assertThat(entry.occurredAt()).isEqualTo(Instant.parse("2025-10-28T00:00:00Z"));
            });
            assertThat(accepted.ownEvents()).hasSize(3);
            assertThat(rejected.ownEvents()).hasSize(3);
        }
        assertTheRecordIsAsRecorded();
    }

    @Test
    void commandsInAForkAreDecidedAgainstTheRecordUpToTheForkPointAndNotAfterIt() throws Exception {
        CommandFileRunner.Outcome onTheRecord = run(parley.commands(), collapse("Collapsed again", "2025-10-30"));
        assertThat(onTheRecord.rejections()).extracting(Rejection::code).containsExactly(ErrorCode.NO_OPEN_ROUND);

        try (Fork beforeTheCollapse = parley.fork(FRAMEWORK_SUBMITTED);
             Fork afterTheCollapse = parley.fork(FRAMEWORK_SUBMITTED + 1)) {
            accept(beforeTheCollapse.commands(), collapse("Collapsed earlier in the fork", "2025-10-28"));
            assertThat(run(afterTheCollapse.commands(), collapse("Collapsed again", "2025-10-30")).rejections())
                    .extracting(Rejection::code).containsExactly(ErrorCode.NO_OPEN_ROUND);
            // and against the fork's own events: round 3 is opened once only
            CommandFileRunner.Outcome twice = run(afterTheCollapse.commands(), openRound(3, "Riyadh", "2025-11-06"),
                                                  openRound(3, "Jeddah", "2025-11-07"));
            assertThat(twice.accepted()).isEqualTo(1);
            assertThat(twice.rejections()).extracting(Rejection::code)
                                          .containsExactly(ErrorCode.ROUND_OUT_OF_SEQUENCE);
            assertThat(afterTheCollapse.ownEvents()).hasSize(1);
        }
        assertTheRecordIsAsRecorded();
    }

    @Test
    void forksRunningConcurrentlyOnSeveralThreadsStayIsolatedAndCorrect() throws Exception {
        int forks = 4;
        int commands = 50;
        long forkPoint = 6;
        ExecutorService threads = Executors.newFixedThreadPool(forks);
        CyclicBarrier together = new CyclicBarrier(forks);
        List<Future<Fork>> running = new ArrayList<>();
        try {
            for (int index = 0; index < forks; index++) {
                int n = index;
                running.add(threads.submit(() -> {
                    Fork fork = parley.fork(forkPoint);
                    together.await(30, TimeUnit.SECONDS);
                    List<String> lines = new ArrayList<>();
                    lines.add(reportIncident("contested", "2025-10-15"));
                    lines.add(declareCeasefire("2025-10-19T0" + n + ":00:00Z", BORDER_POSTS, "contested"));
                    while (lines.size() < commands) {
                        lines.add(recordCasualties("contested", "PAK", n + 1, n, "2025-10-16"));
                    }
                    for (String line : lines) {
                        accept(fork.commands(), line);
                        Thread.yield();
                    }
                    return fork;
                }));
            }
            List<Fork> done = new ArrayList<>();
            for (Future<Fork> future : running) {
                done.add(future.get(120, TimeUnit.SECONDS));
            }
            for (int n = 0; n < forks; n++) {
                Fork fork = done.get(n);
                Instant ceasefire = Instant.parse("2025-10-19T0" + n + ":00:00Z");
                int casualtyLines = commands - 2;
                IncidentView contested = incident(fork.queries(), "contested");
                assertThat(contested.casualties()).as("fork %d", n)
                                                  .isEqualTo(Map.of("PAK", new CasualtyCount(casualtyLines * (n + 1),
                                                                                             casualtyLines * n)));
                assertThat(contested.status()).isEqualTo(IncidentStatus.CEASEFIRE);
                assertThat(contested.ceasefireEffectiveFrom()).as("fork %d", n).isEqualTo(ceasefire);
                IncidentView borderPosts = incident(fork.queries(), BORDER_POSTS);
                assertThat(borderPosts.ceasefireEffectiveFrom()).as("fork %d", n).isEqualTo(ceasefire);
                assertThat(borderPosts.casualties().get("PAK")).isEqualTo(new CasualtyCount(23, 0));
                assertThat(negotiation(fork.queries(), TALKS).ceasefireEffectiveFrom()).isEqualTo(ceasefire);

                // 50 commands: the report, the ceasefire and its two propagated ceasefires, 48 casualty reports
                int own = commands + 2;
                assertThat(fork.ownEvents()).as("fork %d", n).hasSize(own);
                assertThat(fork.ownEvents()).extracting(PositionedEvent::position)
                                            .containsExactlyElementsOf(LongStream.rangeClosed(forkPoint + 1,
                                                                                              forkPoint + own)
                                                                                 .boxed().toList());
                assertThat(fork.ownEvents().stream()
                               .filter(event -> event.message().getAggregateIdentifier().equals("contested"))
                               .map(event -> event.message().getSequenceNumber()).toList())
                        .containsExactlyElementsOf(LongStream.range(0, commands).boxed().toList());
                List<AuditEntry> audit = audit(fork.queries());
                assertThat(audit).extracting(AuditEntry::position)
                                 .containsExactlyElementsOf(LongStream.rangeClosed(1, forkPoint + own).boxed()
                                                                      .toList());
                assertThat(timeline(fork.queries())).hasSize((int) forkPoint + own);
                fork.close();
            }
        } finally {
            threads.shutdownNow();
        }
        assertTheRecordIsAsRecorded();
        assertThat(ask(parley.queries(), FindStatusQuery.of("contested"), StatusReport.class).incidents()).isEmpty();
    }

    @Test
    void aForkOfAForkSeesItsParentUpToItsForkPointButNotItsParentsLaterEvents() throws Exception {
        try (Fork parent = parley.fork(FRAMEWORK_SUBMITTED)) {
            accept(parent.commands(), respond("AFG", "ACCEPTED", "2025-10-27"));
            try (Fork child = parent.fork()) {
                accept(parent.commands(), concludeRound("Framework accepted", "2025-10-28"));
                assertThat(child.forkPoint()).isEqualTo(12);

                NegotiationView seenByChild = negotiation(child.queries(), TALKS);
                assertThat(seenByChild.frameworks().get(0).responses())
                        .as("the parent's event before the child's fork point")
                        .isEqualTo(Map.of("AFG", FrameworkResponse.ACCEPTED));
                assertThat(seenByChild.status()).as("not the parent's later conclusion")
                                                .isEqualTo(NegotiationStatus.ROUND_OPEN);
                // a command only valid while the round is open, as it is in the child
                accept(child.commands(), collapse("Collapsed in the child", "2025-10-29"));
                assertThat(run(child.commands(), respond("AFG", "REJECTED", "2025-10-29")).rejections())
                        .extracting(Rejection::code).containsExactly(ErrorCode.NO_OPEN_ROUND);

                assertThat(negotiation(child.queries(), TALKS).status()).isEqualTo(NegotiationStatus.COLLAPSED);
                assertThat(negotiation(parent.queries(), TALKS).status())
                        .isEqualTo(NegotiationStatus.ROUND_CONCLUDED);
                assertThat(ownEventTypes(audit(child.queries()), FRAMEWORK_SUBMITTED))
                        .containsExactly("FrameworkAccepted", "TalksCollapsed");
                assertThat(ownEventTypes(audit(parent.queries()), FRAMEWORK_SUBMITTED))
                        .containsExactly("FrameworkAccepted", "RoundConcluded");
                assertThat(ownTimelineTypes(timeline(child.queries()), FRAMEWORK_SUBMITTED))
                        .containsExactly("FrameworkAccepted", "TalksCollapsed");
                assertThat(child.ownEvents()).extracting(event -> event.position()).containsExactly(13L);

                ForkDiff againstParent = child.diff(ForkDiff.Against.HEAD);
                assertThat(againstParent.forkPoint()).isEqualTo(12);
                assertThat(againstParent.aggregates()).singleElement().satisfies(talks -> {
                    assertThat(talks.forkEvents()).extracting(ForkDiff.DiffEvent::eventType)
                                                  .containsExactly("TalksCollapsed");
                    assertThat(talks.baseEventsAfterForkPoint()).extracting(ForkDiff.DiffEvent::eventType)
                                                                .containsExactly("RoundConcluded");
                    assertThat(talks.statusDifferences()).anySatisfy(field -> {
                        assertThat(field.field()).isEqualTo("status");
                        assertThat(field.base().textValue()).isEqualTo("ROUND_CONCLUDED");
                        assertThat(field.fork().textValue()).isEqualTo("COLLAPSED");
                    });
                });

                try (Fork grandchild = child.fork()) {
                    assertThat(grandchild.forkPoint()).isEqualTo(13);
                    assertThat(ownEventTypes(audit(grandchild.queries()), FRAMEWORK_SUBMITTED))
                            .containsExactly("FrameworkAccepted", "TalksCollapsed");
                    accept(grandchild.commands(), openRound(3, "Riyadh", "2025-11-06"));
                    assertThat(negotiation(child.queries(), TALKS).status()).as("the child, after the grandchild")
                                                                            .isEqualTo(NegotiationStatus.COLLAPSED);
                }
            }
            assertThat(parent.ownEvents()).hasSize(2);
        }
        assertTheRecordIsAsRecorded();
    }

    @Test
    void aForksAuditTrailAndTimelineAreTheRecordsEntriesUpToTheForkPointFollowedByItsOwn() throws Exception {
        List<AuditEntry> recordAudit = audit(parley.queries());
        List<TimelineEntry> recordTimeline = timeline(parley.queries());
        long point = PROPAGATED_CEASEFIRE;
        try (Fork fork = parley.fork(point)) {
            Instant beforeOwn = clock.instant();
            clock.advance(Duration.ofSeconds(1));
            accept(fork.commands(), recordCasualties(BORDER_POSTS, "AFG", 10, 5, "2025-10-13"),
                   concludeRound("Ceasefire agreed", "2025-10-19"), openRound(2, "Istanbul", "2025-10-25"));

            List<AuditEntry> audit = audit(fork.queries());
            assertThat(audit.subList(0, (int) point)).isEqualTo(recordAudit.subList(0, (int) point));
            List<AuditEntry> own = audit.subList((int) point, audit.size());
            assertThat(own).extracting(AuditEntry::position).containsExactly(9L, 10L, 11L);
            assertThat(own).extracting(AuditEntry::eventType)
                           .containsExactly("CasualtiesRecorded", "RoundConcluded", "RoundOpened");
            assertThat(own).extracting(AuditEntry::aggregateId).containsExactly(BORDER_POSTS, TALKS, TALKS);
            assertThat(own).extracting(AuditEntry::sequence).containsExactly(6L, 2L, 3L);
            assertThat(own).allSatisfy(entry -> {
                assertThat(entry.actor()).isEqualTo("fork-tester");
                assertThat(entry.recordedAt()).isAfterOrEqualTo(beforeOwn.minusMillis(1));
                assertThat(entry.correlationId()).isNotBlank();
            });
            assertThat(own.get(0).payload().get("killed").intValue()).isEqualTo(10);
            assertThat(ask(fork.queries(), new FindAuditTrailQuery(BORDER_POSTS, null), AuditTrail.class).entries())
                    .extracting(AuditEntry::position).containsExactly(1L, 2L, 3L, 4L, 5L, 8L, 9L);
            assertThat(ask(fork.queries(), new FindAuditTrailQuery(null, 9L), AuditTrail.class).entries())
                    .hasSize(9);

            List<TimelineEntry> timeline = timeline(fork.queries());
            assertThat(timeline.stream().filter(entry -> entry.position() <= point).toList())
                    .isEqualTo(recordTimeline.stream().filter(entry -> entry.position() <= point).toList());
            assertThat(timeline).extracting(TimelineEntry::position)
                                .as("by occurredAt, then position: the late report of 13 October comes early")
                                .containsExactly(1L, 2L, 3L, 4L, 5L, 9L, 6L, 7L, 8L, 10L, 11L);
            assertThat(ask(fork.queries(), new FindTimelineQuery(Instant.parse("2025-10-13T00:00:00Z"), null),
                           Timeline.class).entries())
                    .extracting(TimelineEntry::position).containsExactly(1L, 2L, 3L, 4L, 5L, 9L);
            assertThat(ask(fork.queries(), new FindTimelineQuery(null, beforeOwn), Timeline.class).entries())
                    .extracting(TimelineEntry::position).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);

            IncidentView onTheTwelfth = ask(fork.queries(), new FindStatusAsOfQuery(
                    BORDER_POSTS, Instant.parse("2025-10-12T12:00:00Z"), null), StatusReport.class).incidents().get(0);
            assertThat(onTheTwelfth.casualties().get("AFG")).isEqualTo(new CasualtyCount(200, 0));
            assertThat(onTheTwelfth.status()).isEqualTo(IncidentStatus.ACTIVE);
            IncidentView onTheFourteenth = ask(fork.queries(), new FindStatusAsOfQuery(
                    BORDER_POSTS, Instant.parse("2025-10-14T00:00:00Z"), null), StatusReport.class).incidents().get(0);
            assertThat(onTheFourteenth.casualties().get("AFG")).isEqualTo(new CasualtyCount(210, 5));
            StatusReport knownBeforeOwn = ask(fork.queries(), new FindStatusAsOfQuery(null, null, beforeOwn),
                                              StatusReport.class);
            assertThat(knownBeforeOwn.incidents().get(0).casualties().get("AFG")).isEqualTo(new CasualtyCount(200, 0));
            assertThat(knownBeforeOwn.negotiations().get(0).status()).isEqualTo(NegotiationStatus.ROUND_OPEN);
            StatusReport now = ask(fork.queries(), new FindStatusAsOfQuery(null, null, null), StatusReport.class);
            assertThat(now.negotiations().get(0).currentRound()).isEqualTo(2);
            assertThat(now).isEqualTo(status(fork.queries()));
        }
        assertTheRecordIsAsRecorded();
    }

    @Test
    void aForksStatusListsItsAggregatesOrderedByIdAsTheRecordDoes() {
        try (Fork fork = parley.fork(HEAD)) {
            accept(fork.commands(), reportIncident("aaa-chaman", "2025-11-01"),
                   reportIncident("zzz-torkham", "2025-11-02"));

            assertThat(status(fork.queries()).incidents()).extracting(IncidentView::id)
                                                          .containsExactly("aaa-chaman", BORDER_POSTS, "zzz-torkham");
        }
    }

    @Test
    void theRecordListsItsStatusOrderedById() throws Exception {
        accept(parley.commands(), reportIncident("aaa-chaman", "2025-11-01"),
               reportIncident("zzz-torkham", "2025-11-02"));
        parley.awaitReadModels(Duration.ofSeconds(30));

        assertThat(status(parley.queries()).incidents()).extracting(IncidentView::id)
                                                        .containsExactly("aaa-chaman", BORDER_POSTS, "zzz-torkham");
    }
}
