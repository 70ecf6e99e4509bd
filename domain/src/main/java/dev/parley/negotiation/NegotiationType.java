package dev.parley.negotiation;

/** Hands the package-private aggregate class to the configuration. */
public final class NegotiationType {

    /** The negotiation aggregate class. */
    public static final Class<?> TYPE = Negotiation.class;

    private NegotiationType() {
    }
}
