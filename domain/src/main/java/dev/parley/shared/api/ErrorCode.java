package dev.parley.shared.api;

/**
 * The error codes of the public contract (shared/DOMAIN.md). A rejected command carries exactly one.
 */
public enum ErrorCode {
    /** A field is missing, blank, malformed or beyond its limits, or fields contradict each other. */
    INVALID_COMMAND,
    /** No negotiation has the given id. */
    UNKNOWN_NEGOTIATION,
    /** No border incident has the given id. */
    UNKNOWN_INCIDENT,
    /** A round was opened with a number other than the last one plus one. */
    ROUND_OUT_OF_SEQUENCE,
    /** A round was opened while another is still open. */
    ROUND_ALREADY_OPEN,
    /** A mediator is also one of the parties. */
    MEDIATOR_IS_PARTY,
    /** A time lies before an earlier one it must follow, such as the previous round's opening. */
    TIME_BEFORE_PREVIOUS,
    /** The command needs an open round and there is none. */
    NO_OPEN_ROUND,
    /** The party is not one of the negotiation's parties, or may not act on its own framework. */
    NOT_A_PARTY,
    /** A framework with the same id was already submitted. */
    DUPLICATE_FRAMEWORK,
    /** No framework of the open round has the given id. */
    UNKNOWN_FRAMEWORK,
    /** The party has already responded to the framework. */
    ALREADY_RESPONDED,
    /** A ceasefire is already in force. */
    CEASEFIRE_ALREADY_IN_FORCE,
    /** An incident with the same id was already reported. */
    DUPLICATE_INCIDENT,
    /** The side is neither among the incident's attackers nor its defenders. */
    NOT_INVOLVED,
    /** A casualty count is negative or above the limit. */
    INVALID_COUNT,
    /** A strike at or after a ceasefire in force, which must be reported as a violation. */
    CEASEFIRE_IN_FORCE,
    /** A violation was reported while no ceasefire is in force. */
    NO_CEASEFIRE_IN_FORCE
}
