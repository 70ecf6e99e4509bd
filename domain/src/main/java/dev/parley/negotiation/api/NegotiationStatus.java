package dev.parley.negotiation.api;

/** Where the talks stand; whether a ceasefire is in force is tracked separately. */
public enum NegotiationStatus {
    /** A round is open. */
    ROUND_OPEN,
    /** The last round was concluded and no other is open. */
    ROUND_CONCLUDED,
    /** The talks collapsed. */
    COLLAPSED
}
