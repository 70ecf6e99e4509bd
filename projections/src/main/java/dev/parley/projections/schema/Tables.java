package dev.parley.projections.schema;

/**
 * The names of every table and column that Parley's migrations create and its code reads or writes by name. SQL
 * anywhere in Parley is written from these constants, so a rename happens here and in a migration, nowhere else.
 */
public final class Tables {

    private Tables() {
    }

    /** Axon's event table, with each event's global position. */
    public static final class DomainEvents {
        public static final String TABLE = "domain_event_entry";
        public static final String GLOBAL_INDEX = "global_index";
        public static final String EVENT_IDENTIFIER = "event_identifier";
        public static final String AGGREGATE_IDENTIFIER = "aggregate_identifier";
        public static final String SEQUENCE_NUMBER = "sequence_number";
        public static final String TYPE = "type";
        public static final String TIME_STAMP = "time_stamp";
        public static final String PAYLOAD_TYPE = "payload_type";
        public static final String PAYLOAD_REVISION = "payload_revision";
        public static final String PAYLOAD = "payload";
        public static final String META_DATA = "meta_data";

        private DomainEvents() {
        }
    }

    /** Axon's snapshot table; its columns are named as the event table's. */
    public static final class Snapshots {
        public static final String TABLE = "snapshot_event_entry";

        private Snapshots() {
        }
    }

    /** Axon's token table: one row per segment of each streaming processor. */
    public static final class Tokens {
        public static final String TABLE = "token_entry";
        public static final String PROCESSOR_NAME = "processor_name";
        public static final String SEGMENT = "segment";
        public static final String TOKEN = "token";
        public static final String TOKEN_TYPE = "token_type";
        public static final String TIMESTAMP = "timestamp";
        public static final String OWNER = "owner";

        private Tokens() {
        }
    }

    /** The leaf hash of each stored event, written with it. */
    public static final class EventHashes {
        public static final String TABLE = "event_hash";
        public static final String GLOBAL_INDEX = "global_index";
        public static final String AGGREGATE_IDENTIFIER = "aggregate_identifier";
        public static final String SEQUENCE_NUMBER = "sequence_number";
        public static final String LEAF_HASH = "leaf_hash";

        private EventHashes() {
        }
    }

    /** The binding of each aggregate snapshot to its event's leaf hash and its exact bytes. */
    public static final class SnapshotBindings {
        public static final String TABLE = "snapshot_binding";
        public static final String AGGREGATE_IDENTIFIER = "aggregate_identifier";
        public static final String SEQUENCE_NUMBER = "sequence_number";
        public static final String BINDING = "binding";

        private SnapshotBindings() {
        }
    }

    /** Signed checkpoints of the event log. */
    public static final class Checkpoints {
        public static final String TABLE = "checkpoint";
        public static final String TREE_SIZE = "tree_size";
        public static final String DOCUMENT = "document";
        public static final String CREATED_AT = "created_at";

        private Checkpoints() {
        }
    }

    /** The event tree's leaves in order, with the positions they stand for (derived data, see docs/integrity.md). */
    public static final class TreeLeaves {
        public static final String TABLE = "tree_leaf";
        public static final String LEAF_INDEX = "leaf_index";
        public static final String GLOBAL_INDEX = "global_index";
        public static final String LEAF_HASH = "leaf_hash";

        private TreeLeaves() {
        }
    }

    /** The hashes of the event tree's full subtrees of two or more leaves (derived data). */
    public static final class TreeNodes {
        public static final String TABLE = "tree_node";
        public static final String LEVEL = "node_level";
        public static final String INDEX = "node_index";
        public static final String HASH = "node_hash";

        private TreeNodes() {
        }
    }

    /** Each stream's last event in the event tree (derived data). */
    public static final class StreamHeads {
        public static final String TABLE = "stream_head";
        public static final String AGGREGATE_IDENTIFIER = "aggregate_identifier";
        public static final String AGGREGATE_TYPE = "aggregate_type";
        public static final String LAST_SEQUENCE = "last_sequence";
        public static final String LAST_LEAF = "last_leaf";

        private StreamHeads() {
        }
    }

    /** The one row that writers lock to append in position order. */
    public static final class AppendLock {
        public static final String TABLE = "append_lock";
        public static final String ID = "id";

        private AppendLock() {
        }
    }

    /** The nodes sharing a store's read models, each with the time it last said it was alive. */
    public static final class Nodes {
        public static final String TABLE = "parley_node";
        public static final String NODE_ID = "node_id";
        public static final String LAST_SEEN = "last_seen";

        private Nodes() {
        }
    }

    /** The lines of command files already stored, by file digest and line number. */
    public static final class CommandFileLines {
        public static final String TABLE = "command_file_line";
        public static final String FILE_DIGEST = "file_digest";
        public static final String LINE_NUMBER = "line_number";

        private CommandFileLines() {
        }
    }

    /** Saved what-if branches; their events are in {@link BranchEvents}, named as the event table's columns. */
    public static final class Branches {
        public static final String TABLE = "branch";
        public static final String NAME = "name";
        public static final String FORK_POINT = "fork_point";
        public static final String SAVED_AT = "saved_at";

        private Branches() {
        }
    }

    /** The events of saved branches. */
    public static final class BranchEvents {
        public static final String TABLE = "branch_event";
        public static final String BRANCH_NAME = "branch_name";
        public static final String POSITION = "position";

        private BranchEvents() {
        }
    }

    /** The status read model: one JSON document per aggregate. */
    public static final class StatusView {
        public static final String TABLE = "status_view";
        public static final String AGGREGATE_TYPE = "aggregate_type";
        public static final String AGGREGATE_ID = "aggregate_id";
        public static final String LAST_SEQUENCE = "last_sequence";
        public static final String LAST_POSITION = "last_position";
        public static final String DOCUMENT = "document";

        private StatusView() {
        }
    }

    /** The timeline read model: one row per stored event. */
    public static final class TimelineEntries {
        public static final String TABLE = "timeline_entry";
        public static final String POSITION = "position";
        public static final String OCCURRED_AT = "occurred_at";
        public static final String OCCURRED_AT_MICROS = "occurred_at_micros";
        public static final String RECORDED_AT = "recorded_at";
        public static final String RECORDED_AT_MICROS = "recorded_at_micros";
        public static final String AGGREGATE_TYPE = "aggregate_type";
        public static final String AGGREGATE_ID = "aggregate_id";
        public static final String SEQUENCE_NUMBER = "sequence_number";
        public static final String EVENT_TYPE = "event_type";
        public static final String SOURCE = "source";
        public static final String DESCRIPTION = "description";

        private TimelineEntries() {
        }
    }

    /** The audit trail read model: one row per stored event, with its provenance and leaf hash. */
    public static final class AuditEntries {
        public static final String TABLE = "audit_entry";
        public static final String POSITION = "position";
        public static final String AGGREGATE_TYPE = "aggregate_type";
        public static final String AGGREGATE_ID = "aggregate_id";
        public static final String SEQUENCE_NUMBER = "sequence_number";
        public static final String EVENT_TYPE = "event_type";
        public static final String OCCURRED_AT = "occurred_at";
        public static final String RECORDED_AT = "recorded_at";
        public static final String ACTOR = "actor";
        public static final String SOURCE = "source";
        public static final String CORRELATION_ID = "correlation_id";
        public static final String CAUSATION_ID = "causation_id";
        public static final String PAYLOAD = "payload";
        public static final String HASH = "hash";

        private AuditEntries() {
        }
    }
}
