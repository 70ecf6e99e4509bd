package dev.parley.application.storage;

import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/** Axon's names for the tables and columns that Parley's Flyway migrations create (snake_case throughout). */
public final class Schemas {

    /** The event and snapshot tables of Axon's JDBC storage engine. */
    public static final EventSchema EVENTS = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    /** The token table of Axon's JDBC token store. */
    public static final TokenSchema TOKENS = TokenSchema.builder()
            .setTokenTable("token_entry")
            .setProcessorNameColumn("processor_name")
            .setSegmentColumn("segment")
            .setTokenColumn("token")
            .setTokenTypeColumn("token_type")
            .setTimestampColumn("timestamp")
            .setOwnerColumn("owner")
            .build();

    private Schemas() {
    }
}
