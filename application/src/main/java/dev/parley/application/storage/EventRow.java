package dev.parley.application.storage;

import dev.parley.application.integrity.LeafInput;
import dev.parley.projections.schema.Tables.DomainEvents;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

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

    /** Inserts {@code rows} in one batch; they come back as stored, with the positions the store gave them. */
    static List<LeafInput> insert(Connection connection, List<EventRow> rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + DomainEvents.TABLE + " (" + String.join(
                        ", ", DomainEvents.TYPE, DomainEvents.AGGREGATE_IDENTIFIER, DomainEvents.SEQUENCE_NUMBER,
                        DomainEvents.EVENT_IDENTIFIER, DomainEvents.PAYLOAD_TYPE, DomainEvents.PAYLOAD_REVISION,
                        DomainEvents.TIME_STAMP, DomainEvents.PAYLOAD, DomainEvents.META_DATA)
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[]{DomainEvents.GLOBAL_INDEX})) {
            for (EventRow row : rows) {
                insert.setString(1, row.aggregateType());
                insert.setString(2, row.aggregateId());
                insert.setLong(3, row.sequence());
                insert.setString(4, row.eventIdentifier());
                insert.setString(5, row.payloadType());
                insert.setString(6, row.payloadRevision());
                insert.setString(7, row.timestamp());
                insert.setBytes(8, row.payload());
                insert.setBytes(9, row.metaData());
                insert.addBatch();
            }
            insert.executeBatch();
            List<LeafInput> stored = new ArrayList<>(rows.size());
            try (ResultSet keys = insert.getGeneratedKeys()) {
                for (EventRow row : rows) {
                    if (!keys.next()) {
                        throw new SQLException("the store gave " + stored.size() + " positions for " + rows.size()
                                                       + " events");
                    }
                    stored.add(row.at(keys.getLong(DomainEvents.GLOBAL_INDEX)));
                }
            }
            return stored;
        }
    }
}
