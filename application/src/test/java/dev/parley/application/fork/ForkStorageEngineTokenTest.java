package dev.parley.application.fork;

import dev.parley.incident.api.StrikeRecordedEvent;
import dev.parley.shared.api.IncidentId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A fork's storage engine answers a token at a time as Axon's JDBC engine does for the record. */
class ForkStorageEngineTokenTest {

    private static final long FORK_POINT = 5;
    private static final Instant FIRST = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant SECOND = Instant.parse("2026-11-01T11:00:00Z");
    private static final Instant THIRD = Instant.parse("2026-11-01T12:00:00Z");

    private final ForkEvents events = new ForkEvents(new NothingBeforeTheForkPoint(), FORK_POINT);
    private final ForkStorageEngine engine = new ForkStorageEngine(events);

    ForkStorageEngineTokenTest() {
        events.append(List.of(strike(0, FIRST), strike(1, SECOND), strike(2, THIRD)));
    }

    @Test
    void aTokenAtATimeStreamsTheOwnEventsRecordedAtOrAfterIt() {
        assertThat(recordedAfter(engine.createTokenAt(SECOND))).containsExactly(SECOND, THIRD);
        assertThat(recordedAfter(engine.createTokenAt(SECOND.plusSeconds(1)))).containsExactly(THIRD);
        assertThat(engine.createTokenAt(SECOND)).isEqualTo(new GlobalSequenceTrackingToken(FORK_POINT + 1));
    }

    @Test
    void aTimeBeforeEveryOwnEventIsTheTailAndOneAfterThemTheHead() {
        assertThat(engine.createTokenAt(FIRST.minusSeconds(3600))).isEqualTo(engine.createTailToken());
        assertThat(recordedAfter(engine.createTokenAt(FIRST))).containsExactly(FIRST, SECOND, THIRD);
        assertThat(engine.createTokenAt(THIRD.plusMillis(1))).isEqualTo(engine.createHeadToken());
        assertThat(recordedAfter(engine.createTokenAt(THIRD.plusMillis(1)))).isEmpty();
    }

    private List<Instant> recordedAfter(TrackingToken token) {
        return engine.readEvents(token, false).map(TrackedEventMessage::getTimestamp).toList();
    }

    private static DomainEventMessage<?> strike(long sequence, Instant recordedAt) {
        return new GenericDomainEventMessage<>("BorderIncident", "inc", sequence,
                                               new StrikeRecordedEvent(new IncidentId("inc"), "AFG", List.of("post"),
                                                                       "strike", recordedAt, "test"),
                                               Map.of(), "event-" + sequence, recordedAt);
    }

    /** A parent whose events all lie before the fork point and none of which this engine streams. */
    private static final class NothingBeforeTheForkPoint implements EventSource {

        @Override
        public List<PositionedEvent> stream(String aggregateId, long upTo) {
            return List.of();
        }

        @Override
        public long head() {
            return FORK_POINT;
        }

        @Override
        public Set<String> aggregateIds(long upTo) {
            return Set.of();
        }
    }
}
