package dev.parley.incident.api;

/** Where an incident stands: a violation does not end the ceasefire, it stays in force. */
public enum IncidentStatus {
    ACTIVE,
    CEASEFIRE,
    VIOLATED
}
