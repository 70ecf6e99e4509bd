package dev.parley.application.storage;

import dev.parley.projections.schema.Tables.DomainEvents;
import dev.parley.projections.schema.Tables.Snapshots;
import dev.parley.projections.schema.Tables.Tokens;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * Axon's schemas for Parley's event, snapshot and token tables, built from the names in
 * {@link dev.parley.projections.schema.Tables}.
 */
public final class Schemas {

    /** The event and snapshot tables of Axon's JDBC storage engine. */
    public static final EventSchema EVENTS = EventSchema.builder()
            .eventTable(DomainEvents.TABLE)
            .snapshotTable(Snapshots.TABLE)
            .globalIndexColumn(DomainEvents.GLOBAL_INDEX)
            .timestampColumn(DomainEvents.TIME_STAMP)
            .eventIdentifierColumn(DomainEvents.EVENT_IDENTIFIER)
            .aggregateIdentifierColumn(DomainEvents.AGGREGATE_IDENTIFIER)
            .sequenceNumberColumn(DomainEvents.SEQUENCE_NUMBER)
            .typeColumn(DomainEvents.TYPE)
            .payloadTypeColumn(DomainEvents.PAYLOAD_TYPE)
            .payloadRevisionColumn(DomainEvents.PAYLOAD_REVISION)
            .payloadColumn(DomainEvents.PAYLOAD)
            .metaDataColumn(DomainEvents.META_DATA)
            .build();

    /** The token table of Axon's JDBC token store. */
    public static final TokenSchema TOKENS = TokenSchema.builder()
            .setTokenTable(Tokens.TABLE)
            .setProcessorNameColumn(Tokens.PROCESSOR_NAME)
            .setSegmentColumn(Tokens.SEGMENT)
            .setTokenColumn(Tokens.TOKEN)
            .setTokenTypeColumn(Tokens.TOKEN_TYPE)
            .setTimestampColumn(Tokens.TIMESTAMP)
            .setOwnerColumn(Tokens.OWNER)
            .build();

    private Schemas() {
    }
}
