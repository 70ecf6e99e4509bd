package dev.parley.shared.api;

/**
 * The event type names users see in the timeline, the audit trail, exports' descriptions and fork diffs: an event
 * record's class name without its {@code Event} suffix ({@code IncidentReportedEvent} is {@code IncidentReported}).
 */
public final class EventTypes {

    private static final String SUFFIX = "Event";

    private EventTypes() {
    }

    /**
     * The public name of events of {@code eventClass}.
     *
     * @param eventClass an event record's class
     * @return its simple name without the {@code Event} suffix
     */
    public static String nameOf(Class<?> eventClass) {
        String name = eventClass.getSimpleName();
        return name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
    }
}
