package dev.parley.negotiation.api;

/** A party's answer to a submitted framework. */
public enum FrameworkResponse {
    /** The party accepts the framework. */
    ACCEPTED,
    /** The party rejects the framework. */
    REJECTED
}
