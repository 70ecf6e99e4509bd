package dev.parley.application.storage;

import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * The names of the tables and columns that Parley's Flyway migrations create (snake_case throughout): Axon's, and
 * Parley's own that code reads or writes by name.
 */
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

    /** The lines of command files already stored, by file digest and line number (migration V10). */
    public static final String COMMAND_FILE_LINES = "command_file_line";
    public static final String COMMAND_FILE_DIGEST = "file_digest";
    public static final String COMMAND_FILE_LINE_NUMBER = "line_number";

    private Schemas() {
    }
}
