package dev.parley.incident;

/** Hands the package-private aggregate class to the configuration. */
public final class IncidentType {

    public static final Class<?> TYPE = BorderIncident.class;

    private IncidentType() {
    }
}
