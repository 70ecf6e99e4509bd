package dev.parley.incident;

/** Hands the package-private aggregate class to the configuration. */
public final class IncidentType {

    /** The border incident aggregate class. */
    public static final Class<?> TYPE = BorderIncident.class;

    private IncidentType() {
    }
}
