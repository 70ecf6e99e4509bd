package dev.parley.shared.api;

/** The aggregate type names stored with every event, as readers of the event store see them. */
public final class AggregateTypes {

    public static final String NEGOTIATION = "Negotiation";
    public static final String BORDER_INCIDENT = "BorderIncident";

    private AggregateTypes() {
    }
}
