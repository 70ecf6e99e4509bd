package dev.parley.shared.api;

/** The aggregate type names stored with every event, as readers of the event store see them. */
public final class AggregateTypes {

    /** The type of the negotiation aggregate. */
    public static final String NEGOTIATION = "Negotiation";
    /** The type of the border incident aggregate. */
    public static final String BORDER_INCIDENT = "BorderIncident";

    private AggregateTypes() {
    }
}
