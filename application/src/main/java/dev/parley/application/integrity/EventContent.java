package dev.parley.application.integrity;

import dev.parley.application.serialization.JsonMessages;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.application.serialization.KnownEvents;
import dev.parley.application.serialization.ParleySerializers;
import dev.parley.incident.api.CasualtiesRecordedEvent;
import dev.parley.incident.api.CeasefireViolatedEvent;
import dev.parley.incident.api.IncidentReportedEvent;
import dev.parley.incident.api.RecordCasualtiesCommand;
import dev.parley.incident.api.RecordStrikeCommand;
import dev.parley.incident.api.ReportIncidentCommand;
import dev.parley.incident.api.ReportViolationCommand;
import dev.parley.incident.api.StrikeRecordedEvent;
import dev.parley.negotiation.api.CollapseTalksCommand;
import dev.parley.negotiation.api.ConcludeRoundCommand;
import dev.parley.negotiation.api.FrameworkAcceptedEvent;
import dev.parley.negotiation.api.FrameworkRejectedEvent;
import dev.parley.negotiation.api.FrameworkResponse;
import dev.parley.negotiation.api.FrameworkSubmittedEvent;
import dev.parley.negotiation.api.MediationOfferedEvent;
import dev.parley.negotiation.api.OfferMediationCommand;
import dev.parley.negotiation.api.OpenRoundCommand;
import dev.parley.negotiation.api.RespondToFrameworkCommand;
import dev.parley.negotiation.api.RoundConcludedEvent;
import dev.parley.negotiation.api.RoundOpenedEvent;
import dev.parley.negotiation.api.SubmitFrameworkCommand;
import dev.parley.negotiation.api.TalksCollapsedEvent;
import dev.parley.projections.json.ParleyJson;
import dev.parley.shared.api.DomainRuleException;
import dev.parley.shared.api.FieldLimitException;
import dev.parley.shared.api.Fields;
import dev.parley.shared.api.ParleyEvent;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Whether stored or imported events are ones Parley could have stored: a hash proves bytes unchanged since they were
 * hashed, not that they were ever a valid event. Checks, in one pass over events in position order, that each stream
 * keeps one aggregate type and begins with the event that opens it, that the payload type is one of Parley's events in
 * a revision it reads, that the recording time parses within the accepted years, that metadata is a JSON object, and
 * that the payload deserializes through the upcasters and passes the field checks of the command that decides such an
 * event.
 */
public final class EventContent {

    private final boolean limitsApply;
    private final JacksonSerializer serializer = ParleySerializers.events();
    private final ObjectMapper mapper = serializer.getObjectMapper();
    private final EventUpcaster upcasters = ParleySerializers.upcasterChain();
    private final Map<String, String> streamTypes = new HashMap<>();

    private EventContent(boolean limitsApply) {
        this.limitsApply = limitsApply;
    }

    /**
     * The checks for events coming in by import, which must meet every limit a command meets today.
     *
     * @return the checks
     */
    public static EventContent ofImport() {
        return new EventContent(true);
    }

    /**
     * The checks for events already in a store: versions before the contract's limits stored events beyond them (a
     * count over a million, a time past the year 9999), so a limit alone is no sign of tampering there; every other
     * rule is.
     *
     * @return the checks
     */
    public static EventContent ofStore() {
        return new EventContent(false);
    }

    /**
     * Why {@code event} is not an event Parley could have stored, or null when it is one: {@link #streamProblem} for
     * the events before it, then {@link #contentProblem}.
     *
     * @param event a stored or imported event; events of a stream come in order
     * @return the reason, or null
     */
    public String problem(LeafInput event) {
        String stream = streamProblem(event);
        return stream != null ? stream : contentProblem(event);
    }

    /**
     * Why {@code event} cannot follow the events given here before it in its stream (it changes the stream's
     * aggregate type), or null; remembers the stream's type. Called in position order, on one thread.
     *
     * @param event the next event of its stream
     * @return the reason, or null
     */
    public String streamProblem(LeafInput event) {
        String streamType = streamTypes.putIfAbsent(event.aggregateId(), event.aggregateType());
        if (streamType != null && !streamType.equals(event.aggregateType())) {
            return "the stream " + event.aggregateId() + " changes aggregate type from " + streamType + " to "
                    + event.aggregateType();
        }
        return null;
    }

    /**
     * Why {@code event}, on its own, is not an event Parley could have stored (its type, recording time, metadata,
     * payload and the payload's field rules), or null. Needs nothing of the other events, so several threads may
     * check events at once.
     *
     * @param event a stored or imported event
     * @return the reason, or null
     */
    public String contentProblem(LeafInput event) {
        var type = KnownEvents.type(event.payloadType());
        if (type.isEmpty() || !KnownEvents.readable(event.payloadType(), event.payloadRevision())) {
            return "payload type " + event.payloadType() + " (revision " + event.payloadRevision()
                    + ") is not one of Parley's events";
        }
        if (!KnownEvents.aggregateType(type.get()).equals(event.aggregateType())) {
            return "a " + type.get().getSimpleName() + " in a stream of aggregate type " + event.aggregateType();
        }
        if (event.sequence() == 0 && !KnownEvents.beginsStream(type.get())) {
            return "the stream " + event.aggregateId() + " begins with a " + type.get().getSimpleName()
                    + ", not with the event that opens it";
        }
        if (event.sequence() > 0 && type.get() == IncidentReportedEvent.class) {
            return "the incident " + event.aggregateId() + " is reported again at sequence " + event.sequence();
        }
        String recorded = recordedAtProblem(event.timestamp());
        if (recorded != null) {
            return recorded;
        }
        if (event.metaData() != null && !isJsonObject(event.metaData())) {
            return "the metadata is not a JSON object";
        }
        Object payload;
        try {
            payload = deserialize(event, type.get());
        } catch (RuntimeException | java.io.IOException e) {
            return "the payload is not a " + type.get().getSimpleName() + ": " + rootMessage(e);
        }
        if (!type.get().isInstance(payload)) {
            return "the payload is not a " + type.get().getSimpleName();
        }
        try {
            check((ParleyEvent) payload, event.aggregateId());
        } catch (FieldLimitException beyondLimit) {
            return limitsApply ? "the payload breaks a field rule (" + beyondLimit.code() + "): "
                    + beyondLimit.getMessage() : null;
        } catch (DomainRuleException e) {
            return "the payload breaks a field rule (" + e.code() + "): " + e.getMessage();
        }
        return null;
    }

    private static String recordedAtProblem(String timestamp) {
        Instant recorded;
        try {
            recorded = Instant.parse(timestamp);
        } catch (DateTimeParseException | NullPointerException e) {
            return "the recording time " + timestamp + " is not an ISO-8601 time";
        }
        return Fields.isInRange(recorded) ? null : Fields.outOfRange("the recording time", recorded);
    }

    private static boolean isJsonObject(byte[] json) {
        try {
            JsonNode node = ParleyJson.mapper().readTree(json);
            return node != null && node.isObject();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * The payload as the event store would read it: straight from its JSON in its current revision (the common case,
     * and many times faster), else through the upcasters.
     */
    private Object deserialize(LeafInput event, Class<?> type) throws java.io.IOException {
        if (KnownEvents.isCurrent(event.payloadType(), event.payloadRevision())) {
            return mapper.readValue(event.payload(), type);
        }
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(
                event.aggregateType(), event.aggregateId(), event.sequence(), event.eventIdentifier(),
                event.timestamp(), event.payloadType(), event.payloadRevision(), event.payload(),
                event.metaData());
        DomainEventStream stream = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry), serializer,
                                                                                     upcasters);
        return stream.next().getPayload();
    }

    /**
     * The field checks of the command each event is decided from, by building that command from the event's fields,
     * so that an imported event meets exactly the rules a live one did; and the event's id must be its stream's.
     */
    private static void check(ParleyEvent event, String streamId) {
        String id;
        if (event instanceof IncidentReportedEvent e) {
            id = new ReportIncidentCommand(e.incidentId(), e.location(), e.attackers(), e.defenders(),
                                           e.description(), e.occurredAt(), e.source()).incidentId().value();
        } else if (event instanceof StrikeRecordedEvent e) {
            id = new RecordStrikeCommand(e.incidentId(), e.by(), e.targets(), e.description(), e.occurredAt(),
                                         e.source()).incidentId().value();
        } else if (event instanceof CasualtiesRecordedEvent e) {
            Fields.count(e.killed(), "killed");
            Fields.count(e.wounded(), "wounded");
            id = new RecordCasualtiesCommand(e.incidentId(), e.side(), e.killed(), e.wounded(), e.occurredAt(),
                                             e.source()).incidentId().value();
        } else if (event instanceof CeasefireViolatedEvent e) {
            id = new ReportViolationCommand(e.incidentId(), e.by(), e.description(), e.occurredAt(), e.source())
                    .incidentId().value();
        } else if (event instanceof dev.parley.incident.api.CeasefireDeclaredEvent e) {
            id = new dev.parley.incident.api.DeclareCeasefireCommand(e.incidentId(), e.effectiveFrom(),
                                                                     e.negotiationId(), e.occurredAt(), e.source())
                    .incidentId().value();
        } else if (event instanceof RoundOpenedEvent e) {
            id = new OpenRoundCommand(e.negotiationId(), e.round(), e.parties(), e.mediators(), e.venue(),
                                      e.occurredAt(), e.source()).negotiationId().value();
        } else if (event instanceof FrameworkSubmittedEvent e) {
            Fields.round(e.round());
            id = new SubmitFrameworkCommand(e.negotiationId(), e.frameworkId(), e.submittedBy(), e.title(),
                                            e.provisions(), e.occurredAt(), e.source()).negotiationId().value();
        } else if (event instanceof FrameworkAcceptedEvent e) {
            id = new RespondToFrameworkCommand(e.negotiationId(), e.frameworkId(), e.party(),
                                               FrameworkResponse.ACCEPTED, e.occurredAt(), e.source())
                    .negotiationId().value();
        } else if (event instanceof FrameworkRejectedEvent e) {
            id = new RespondToFrameworkCommand(e.negotiationId(), e.frameworkId(), e.party(),
                                               FrameworkResponse.REJECTED, e.occurredAt(), e.source())
                    .negotiationId().value();
        } else if (event instanceof RoundConcludedEvent e) {
            Fields.round(e.round());
            id = new ConcludeRoundCommand(e.negotiationId(), e.outcome(), e.occurredAt(), e.source())
                    .negotiationId().value();
        } else if (event instanceof TalksCollapsedEvent e) {
            Fields.round(e.round());
            id = new CollapseTalksCommand(e.negotiationId(), e.reason(), e.occurredAt(), e.source())
                    .negotiationId().value();
        } else if (event instanceof MediationOfferedEvent e) {
            id = new OfferMediationCommand(e.negotiationId(), e.mediator(), e.occurredAt(), e.source())
                    .negotiationId().value();
        } else if (event instanceof dev.parley.negotiation.api.CeasefireDeclaredEvent e) {
            Fields.round(e.round());
            id = new dev.parley.negotiation.api.DeclareCeasefireCommand(e.negotiationId(), e.effectiveFrom(),
                                                                        e.terms(), e.coversIncidents(),
                                                                        e.occurredAt(), e.source())
                    .negotiationId().value();
        } else {
            throw Fields.invalid("no field rules for " + event.getClass().getSimpleName());
        }
        if (!Objects.equals(id, streamId)) {
            throw Fields.invalid("the event names " + id + " but is stored in the stream of " + streamId);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root instanceof JsonProcessingException json ? JsonMessages.plain(json) : root.getMessage();
        return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
    }
}
