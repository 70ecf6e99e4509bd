package dev.parley.projections.support;

import dev.parley.shared.api.EventTypes;
import dev.parley.shared.api.ParleyEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;

import java.time.Instant;

/**
 * What the read models need to know of one stored event: where it sits in the store and in its stream, when it
 * happened and was recorded, and its provenance metadata.
 *
 * @param position the event's global position
 * @param aggregateType the aggregate type
 * @param aggregateId the aggregate's id
 * @param sequence the event's sequence number in its stream, from 0
 * @param eventType the event's public type name
 * @param occurredAt when it happened in the world
 * @param recordedAt when it was recorded
 * @param source who reported it
 * @param actor who entered the command
 * @param correlationId the id of the command a user entered, shared by everything that followed from it
 * @param causationId the id of the event that caused a process rule's command, or null
 * @param payload the event
 */
public record StoredEvent(long position,
                          String aggregateType,
                          String aggregateId,
                          long sequence,
                          String eventType,
                          Instant occurredAt,
                          Instant recordedAt,
                          String source,
                          String actor,
                          String correlationId,
                          String causationId,
                          Object payload) {

    /** The metadata key of who entered the command. */
    public static final String ACTOR = "actor";
    /** The metadata key of the id of the command a user entered, shared by everything that followed from it. */
    public static final String CORRELATION_ID = "correlationId";
    /** The metadata key of the id of the event that caused a process rule's command. */
    public static final String CAUSATION_ID = "causationId";

    /**
     * The stored event behind a message of the event store, or null when it is not a Parley domain event.
     *
     * @param message a message read by a tracking processor
     * @param token its tracking token, whose position is the event's; null gives position -1
     * @return the stored event, or null
     */
    public static StoredEvent of(EventMessage<?> message, TrackingToken token) {
        return of(message, token == null ? -1 : token.position().orElse(-1));
    }

    /**
     * The stored event behind a message at {@code position}, or null when it is not a Parley domain event.
     *
     * @param message a message of the event store
     * @param position its global position
     * @return the stored event, or null
     */
    public static StoredEvent of(EventMessage<?> message, long position) {
        if (!(message instanceof DomainEventMessage<?> domain) || !(message.getPayload() instanceof ParleyEvent event)) {
            return null;
        }
        return new StoredEvent(position, domain.getType(), domain.getAggregateIdentifier(),
                               domain.getSequenceNumber(), EventTypes.nameOf(event.getClass()),
                               event.occurredAt(), message.getTimestamp(), event.source(),
                               text(message, ACTOR), text(message, CORRELATION_ID), text(message, CAUSATION_ID),
                               event);
    }

    private static String text(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
