package dev.parley.incident.api;

/** Where an incident stands: a violation does not end the ceasefire, it stays in force. */
public enum IncidentStatus {
    /** Reported, with no ceasefire declared. */
    ACTIVE,
    /** A ceasefire is in force and unbroken. */
    CEASEFIRE,
    /** A ceasefire is in force and was broken at least once. */
    VIOLATED
}
