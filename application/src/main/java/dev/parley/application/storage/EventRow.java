package dev.parley.application.storage;

import dev.parley.application.integrity.LeafInput;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import static org.axonframework.common.DateTimeUtils.formatInstant;

/**
 * An event as the row it is about to be stored as, before the store gives it a position: every column holds exactly
 * the value the insert binds, so the leaf hash computed from it is the one a read-back would compute.
 */
record EventRow(String aggregateType,
                String aggregateId,
                long sequence,
                String eventIdentifier,
                String payloadType,
                String payloadRevision,
                String timestamp,
                byte[] payload,
                byte[] metaData) {

    /**
     * The row Axon's JDBC engine would store for {@code message}: a plain event stands as the first of a stream named
     * by its own identifier, the time is Axon's ISO-8601 text, payload and metadata the serializer's bytes.
     */
    static EventRow of(EventMessage<?> message, Serializer serializer) {
        DomainEventMessage<?> event = message instanceof DomainEventMessage<?> domain ? domain
                : new GenericDomainEventMessage<>(null, message.getIdentifier(), 0L, message, message::getTimestamp);
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
        return new EventRow(event.getType(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                            event.getIdentifier(), payload.getType().getName(), payload.getType().getRevision(),
                            formatInstant(event.getTimestamp()), payload.getData(), metaData.getData());
    }

    /** The row as stored at {@code position}: the leaf input of the event. */
    LeafInput at(long position) {
        return new LeafInput(position, aggregateType, aggregateId, sequence, eventIdentifier, payloadType,
                             payloadRevision, timestamp, payload, metaData);
    }
}
