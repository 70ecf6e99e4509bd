package dev.parley.application.serialization;

import dev.parley.application.upcasting.CasualtiesRecordedEvent1_to_2Upcaster;
import dev.parley.incident.api.CasualtiesRecordedEvent;
import dev.parley.incident.api.CeasefireViolatedEvent;
import dev.parley.incident.api.IncidentReportedEvent;
import dev.parley.incident.api.StrikeRecordedEvent;
import dev.parley.negotiation.api.FrameworkAcceptedEvent;
import dev.parley.negotiation.api.FrameworkRejectedEvent;
import dev.parley.negotiation.api.FrameworkSubmittedEvent;
import dev.parley.negotiation.api.MediationOfferedEvent;
import dev.parley.negotiation.api.RoundConcludedEvent;
import dev.parley.negotiation.api.RoundOpenedEvent;
import dev.parley.negotiation.api.TalksCollapsedEvent;
import dev.parley.shared.api.AggregateTypes;
import dev.parley.shared.api.ParleyEvent;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedType;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The allow-list of stored event types: Parley's own event classes, each with the aggregate type whose streams hold
 * it and the revisions it can be read in (its current one, and those an upcaster reads). A stored payload type that is
 * not here is never turned into an object.
 */
public final class KnownEvents {

    private static final Map<Class<? extends ParleyEvent>, String> AGGREGATE_TYPES = aggregateTypes();
    private static final Map<String, Class<? extends ParleyEvent>> BY_NAME = AGGREGATE_TYPES.keySet().stream()
            .collect(Collectors.toMap(Class::getName, type -> type));
    private static final Set<SerializedType> UPCASTED = Set.of(CasualtiesRecordedEvent1_to_2Upcaster.READS);

    private KnownEvents() {
    }

    private static Map<Class<? extends ParleyEvent>, String> aggregateTypes() {
        Map<Class<? extends ParleyEvent>, String> types = new LinkedHashMap<>();
        String negotiation = AggregateTypes.NEGOTIATION;
        String incident = AggregateTypes.BORDER_INCIDENT;
        types.put(RoundOpenedEvent.class, negotiation);
        types.put(FrameworkSubmittedEvent.class, negotiation);
        types.put(FrameworkAcceptedEvent.class, negotiation);
        types.put(FrameworkRejectedEvent.class, negotiation);
        types.put(RoundConcludedEvent.class, negotiation);
        types.put(TalksCollapsedEvent.class, negotiation);
        types.put(MediationOfferedEvent.class, negotiation);
        types.put(dev.parley.negotiation.api.CeasefireDeclaredEvent.class, negotiation);
        types.put(IncidentReportedEvent.class, incident);
        types.put(StrikeRecordedEvent.class, incident);
        types.put(CasualtiesRecordedEvent.class, incident);
        types.put(CeasefireViolatedEvent.class, incident);
        types.put(dev.parley.incident.api.CeasefireDeclaredEvent.class, incident);
        return Map.copyOf(types);
    }

    /**
     * The event class stored under {@code payloadType}, when it is one of Parley's.
     *
     * @param payloadType a stored payload type
     * @return the class, or empty
     */
    public static Optional<Class<? extends ParleyEvent>> type(String payloadType) {
        return Optional.ofNullable(payloadType == null ? null : BY_NAME.get(payloadType));
    }

    /**
     * Whether events of {@code payloadType} in {@code revision} (null when none) can be read.
     *
     * @param payloadType a stored payload type
     * @param revision its stored revision, or null
     * @return true when it is one of Parley's events in a revision it can upcast or read
     */
    public static boolean readable(String payloadType, String revision) {
        return isCurrent(payloadType, revision)
                || UPCASTED.stream().anyMatch(old -> old.getName().equals(payloadType)
                        && Objects.equals(old.getRevision(), revision));
    }

    /**
     * Whether {@code revision} is the current revision of {@code payloadType}, read without upcasting.
     *
     * @param payloadType a stored payload type
     * @param revision its stored revision
     * @return true for the current revision
     */
    public static boolean isCurrent(String payloadType, String revision) {
        return type(payloadType).map(type -> Objects.equals(revision, currentRevision(type))).orElse(false);
    }

    /**
     * Whether events of {@code type} begin a stream: each stream's first event is of such a type.
     *
     * @param type an event class
     * @return true for the events that create an aggregate
     */
    public static boolean beginsStream(Class<? extends ParleyEvent> type) {
        return type == IncidentReportedEvent.class || type == RoundOpenedEvent.class;
    }

    /**
     * The aggregate type whose streams hold events of {@code type}.
     *
     * @param type an event class
     * @return the aggregate type, as in {@link dev.parley.shared.api.AggregateTypes}
     */
    public static String aggregateType(Class<? extends ParleyEvent> type) {
        return AGGREGATE_TYPES.get(type);
    }

    private static String currentRevision(Class<?> type) {
        Revision revision = type.getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }
}
