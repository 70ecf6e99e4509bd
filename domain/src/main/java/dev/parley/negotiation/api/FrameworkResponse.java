package dev.parley.negotiation.api;

/** A party's answer to a submitted framework. */
public enum FrameworkResponse {
    ACCEPTED,
    REJECTED
}
