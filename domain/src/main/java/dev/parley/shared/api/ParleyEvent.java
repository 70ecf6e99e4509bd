package dev.parley.shared.api;

import java.time.Instant;

/** What every event of Parley records besides its own facts: when it happened in the world, and who said so. */
public interface ParleyEvent {

    /** @return when it happened in the world (valid time) */
    Instant occurredAt();

    /** @return who reported it */
    String source();
}
