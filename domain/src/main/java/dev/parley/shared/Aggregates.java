package dev.parley.shared;

import java.util.List;

/** The aggregate types of Parley, for whoever configures Axon (the aggregates themselves stay package-private). */
public final class Aggregates {

    /** Aggregate type name of negotiations, as stored with their events. */
    public static final String NEGOTIATION = "Negotiation";
    /** Aggregate type name of border incidents, as stored with their events. */
    public static final String BORDER_INCIDENT = "BorderIncident";

    private Aggregates() {
    }

    public static List<Class<?>> types() {
        return List.of(dev.parley.negotiation.NegotiationType.TYPE, dev.parley.incident.IncidentType.TYPE);
    }
}
