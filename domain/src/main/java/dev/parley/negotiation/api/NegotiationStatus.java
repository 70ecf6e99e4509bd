package dev.parley.negotiation.api;

/** Where the talks stand; whether a ceasefire is in force is tracked separately. */
public enum NegotiationStatus {
    ROUND_OPEN,
    ROUND_CONCLUDED,
    COLLAPSED
}
