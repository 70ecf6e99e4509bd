package dev.parley.shared.api;

/**
 * The error codes of the public contract (shared/DOMAIN.md). A rejected command carries exactly one.
 */
public enum ErrorCode {
    INVALID_COMMAND,
    UNKNOWN_NEGOTIATION,
    UNKNOWN_INCIDENT,
    ROUND_OUT_OF_SEQUENCE,
    ROUND_ALREADY_OPEN,
    MEDIATOR_IS_PARTY,
    TIME_BEFORE_PREVIOUS,
    NO_OPEN_ROUND,
    NOT_A_PARTY,
    DUPLICATE_FRAMEWORK,
    UNKNOWN_FRAMEWORK,
    ALREADY_RESPONDED,
    CEASEFIRE_ALREADY_IN_FORCE,
    DUPLICATE_INCIDENT,
    NOT_INVOLVED,
    INVALID_COUNT,
    CEASEFIRE_IN_FORCE,
    NO_CEASEFIRE_IN_FORCE
}
