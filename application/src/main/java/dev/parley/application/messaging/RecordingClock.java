package dev.parley.application.messaging;

import org.axonframework.eventhandling.GenericEventMessage;

import java.time.Clock;
import java.util.Objects;

/**
 * The clock that stamps when each event is recorded (its timestamp, the audit trail's {@code recordedAt}, what
 * {@code --known-at} compares with). Axon 4 reads one static clock for every event message in the JVM,
 * {@link GenericEventMessage#clock}, with no setting per configuration; this is the one place Parley reads or sets
 * it, so a test can record at the times it chooses instead of sleeping between them.
 */
public final class RecordingClock {

    private RecordingClock() {
    }

    /**
     * The clock events are being stamped with.
     *
     * @return the clock
     */
    public static Clock current() {
        return GenericEventMessage.clock;
    }

    /**
     * Stamps every event recorded from now on in this JVM with {@code clock}, whichever Parley records it.
     *
     * @param clock the clock
     */
    public static void use(Clock clock) {
        GenericEventMessage.clock = Objects.requireNonNull(clock, "clock");
    }
}
