package dev.parley.shared;

import java.util.List;

/** The aggregate types of Parley, for whoever configures Axon (the aggregates themselves stay package-private). */
public final class Aggregates {

    private Aggregates() {
    }

    /**
     * The aggregate classes to register with Axon.
     *
     * @return the negotiation and the border incident aggregate classes
     */
    public static List<Class<?>> types() {
        return List.of(dev.parley.negotiation.NegotiationType.TYPE, dev.parley.incident.IncidentType.TYPE);
    }
}
