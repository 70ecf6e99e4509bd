package dev.parley.shared.api;

import java.time.Instant;

/**
 * Every command carries when it happened in the world and who reported it; the actor who entered it travels as
 * metadata.
 */
public interface ParleyCommand {

    /** @return the aggregate the command is addressed to, as a raw identifier */
    String aggregateId();

    /** @return when it happened in the world (valid time) */
    Instant occurredAt();

    /** @return who reported it */
    String source();
}
