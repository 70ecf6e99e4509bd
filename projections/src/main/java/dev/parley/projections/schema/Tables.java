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
        /** The table's name. */
        public static final String TABLE = "domain_event_entry";
        /** The event's global position in the store. */
        public static final String GLOBAL_INDEX = "global_index";
        /** The event message's unique id. */
        public static final String EVENT_IDENTIFIER = "event_identifier";
        /** The id of the event's aggregate. */
        public static final String AGGREGATE_IDENTIFIER = "aggregate_identifier";
        /** The event's sequence number in its aggregate's stream, from 0. */
        public static final String SEQUENCE_NUMBER = "sequence_number";
        /** The aggregate type of the event's stream. */
        public static final String TYPE = "type";
        /** When the event was recorded (transaction time), as ISO-8601 text. */
        public static final String TIME_STAMP = "time_stamp";
        /** The class name of the event record. */
        public static final String PAYLOAD_TYPE = "payload_type";
        /** The event's revision, which upcasters read. */
        public static final String PAYLOAD_REVISION = "payload_revision";
        /** The serialized event. */
        public static final String PAYLOAD = "payload";
        /** The serialized metadata: actor, correlation, causation, command-file line. */
        public static final String META_DATA = "meta_data";

        private DomainEvents() {
        }
    }

    /** Axon's snapshot table; its columns are named as the event table's. */
    public static final class Snapshots {
        /** The table's name. */
        public static final String TABLE = "snapshot_event_entry";

        private Snapshots() {
        }
    }

    /** Axon's token table: one row per segment of each streaming processor. */
    public static final class Tokens {
        /** The table's name. */
        public static final String TABLE = "token_entry";
        /** The processor the token belongs to. */
        public static final String PROCESSOR_NAME = "processor_name";
        /** The processor segment the token belongs to. */
        public static final String SEGMENT = "segment";
        /** The serialized tracking token. */
        public static final String TOKEN = "token";
        /** The class name of the tracking token. */
        public static final String TOKEN_TYPE = "token_type";
        /** When the token was last stored. */
        public static final String TIMESTAMP = "timestamp";
        /** The node that holds the segment's claim, if any. */
        public static final String OWNER = "owner";

        private Tokens() {
        }
    }

    /** The leaf hash of each stored event, written with it. */
    public static final class EventHashes {
        /** The table's name. */
        public static final String TABLE = "event_hash";
        /** The event's global position in the store. */
        public static final String GLOBAL_INDEX = "global_index";
        /** The id of the event's aggregate. */
        public static final String AGGREGATE_IDENTIFIER = "aggregate_identifier";
        /** The event's sequence number in its aggregate's stream, from 0. */
        public static final String SEQUENCE_NUMBER = "sequence_number";
        /** The hash of the event as a leaf of the event tree. */
        public static final String LEAF_HASH = "leaf_hash";

        private EventHashes() {
        }
    }

    /** The binding of each aggregate snapshot to its event's leaf hash and its exact bytes. */
    public static final class SnapshotBindings {
        /** The table's name. */
        public static final String TABLE = "snapshot_binding";
        /** The snapshotted aggregate's id. */
        public static final String AGGREGATE_IDENTIFIER = "aggregate_identifier";
        /** The sequence number of the last event the snapshot holds. */
        public static final String SEQUENCE_NUMBER = "sequence_number";
        /** The hash binding the snapshot's bytes to that event's leaf hash. */
        public static final String BINDING = "binding";

        private SnapshotBindings() {
        }
    }

    /** Signed checkpoints of the event log. */
    public static final class Checkpoints {
        /** The table's name. */
        public static final String TABLE = "checkpoint";
        /** How many events the signed tree head covers. */
        public static final String TREE_SIZE = "tree_size";
        /** The signed checkpoint, as text. */
        public static final String DOCUMENT = "document";
        /** When the checkpoint was signed. */
        public static final String CREATED_AT = "created_at";

        private Checkpoints() {
        }
    }

    /** The event tree's leaves in order, with the positions they stand for (derived data, see docs/integrity.md). */
    public static final class TreeLeaves {
        /** The table's name. */
        public static final String TABLE = "tree_leaf";
        /** The leaf's index in the tree, from 0. */
        public static final String LEAF_INDEX = "leaf_index";
        /** The global position of the event the leaf stands for. */
        public static final String GLOBAL_INDEX = "global_index";
        /** The leaf's hash. */
        public static final String LEAF_HASH = "leaf_hash";

        private TreeLeaves() {
        }
    }

    /** The hashes of the event tree's full subtrees of two or more leaves (derived data). */
    public static final class TreeNodes {
        /** The table's name. */
        public static final String TABLE = "tree_node";
        /** The subtree's height: 1 for two leaves, 2 for four, and so on. */
        public static final String LEVEL = "node_level";
        /** The subtree's index among those of its level, from 0. */
        public static final String INDEX = "node_index";
        /** The subtree's hash. */
        public static final String HASH = "node_hash";

        private TreeNodes() {
        }
    }

    /** Each stream's last event in the event tree (derived data). */
    public static final class StreamHeads {
        /** The table's name. */
        public static final String TABLE = "stream_head";
        /** The stream's aggregate id. */
        public static final String AGGREGATE_IDENTIFIER = "aggregate_identifier";
        /** The aggregate type, as in {@link dev.parley.shared.api.AggregateTypes}. */
        public static final String AGGREGATE_TYPE = "aggregate_type";
        /** The sequence number of the stream's last event. */
        public static final String LAST_SEQUENCE = "last_sequence";
        /** The leaf hash of the stream's last event. */
        public static final String LAST_LEAF = "last_leaf";

        private StreamHeads() {
        }
    }

    /** The one row that writers lock to append in position order. */
    public static final class AppendLock {
        /** The table's name. */
        public static final String TABLE = "append_lock";
        /** The key of the one row. */
        public static final String ID = "id";

        private AppendLock() {
        }
    }

    /** The nodes sharing a store's read models, each with the time it last said it was alive. */
    public static final class Nodes {
        /** The table's name. */
        public static final String TABLE = "parley_node";
        /** The node's id. */
        public static final String NODE_ID = "node_id";
        /** When the node last said it was alive. */
        public static final String LAST_SEEN = "last_seen";

        private Nodes() {
        }
    }

    /** The lines of command files already stored, by file digest and line number. */
    public static final class CommandFileLines {
        /** The table's name. */
        public static final String TABLE = "command_file_line";
        /** The digest of the command file's contents. */
        public static final String FILE_DIGEST = "file_digest";
        /** The stored line's number, from 1. */
        public static final String LINE_NUMBER = "line_number";

        private CommandFileLines() {
        }
    }

    /** Saved what-if branches; their events are in {@link BranchEvents}, named as the event table's columns. */
    public static final class Branches {
        /** The table's name. */
        public static final String TABLE = "branch";
        /** The branch's name. */
        public static final String NAME = "name";
        /** The last position of the store the branch starts from. */
        public static final String FORK_POINT = "fork_point";
        /** When the branch was saved. */
        public static final String SAVED_AT = "saved_at";

        private Branches() {
        }
    }

    /** The events of saved branches. */
    public static final class BranchEvents {
        /** The table's name. */
        public static final String TABLE = "branch_event";
        /** The branch the event belongs to. */
        public static final String BRANCH_NAME = "branch_name";
        /** The event's position in the branch. */
        public static final String POSITION = "position";

        private BranchEvents() {
        }
    }

    /** The status read model: one JSON document per aggregate. */
    public static final class StatusView {
        /** The table's name. */
        public static final String TABLE = "status_view";
        /** The aggregate type, as in {@link dev.parley.shared.api.AggregateTypes}. */
        public static final String AGGREGATE_TYPE = "aggregate_type";
        /** The aggregate's id. */
        public static final String AGGREGATE_ID = "aggregate_id";
        /** The sequence number of the last event folded into the document. */
        public static final String LAST_SEQUENCE = "last_sequence";
        /** The global position of the last event folded into the document. */
        public static final String LAST_POSITION = "last_position";
        /** The aggregate's status, as JSON. */
        public static final String DOCUMENT = "document";

        private StatusView() {
        }
    }

    /** The timeline read model: one row per stored event. */
    public static final class TimelineEntries {
        /** The table's name. */
        public static final String TABLE = "timeline_entry";
        /** The event's global position, the key. */
        public static final String POSITION = "position";
        /** When it happened in the world, as exact ISO-8601 text. */
        public static final String OCCURRED_AT = "occurred_at";
        /** When it happened in the world, in microseconds since the epoch, for ordering and filtering. */
        public static final String OCCURRED_AT_MICROS = "occurred_at_micros";
        /** When it was recorded, as exact ISO-8601 text. */
        public static final String RECORDED_AT = "recorded_at";
        /** When it was recorded, in microseconds since the epoch, for ordering and filtering. */
        public static final String RECORDED_AT_MICROS = "recorded_at_micros";
        /** The aggregate type, as in {@link dev.parley.shared.api.AggregateTypes}. */
        public static final String AGGREGATE_TYPE = "aggregate_type";
        /** The aggregate's id. */
        public static final String AGGREGATE_ID = "aggregate_id";
        /** The event's sequence number in its aggregate's stream, from 0. */
        public static final String SEQUENCE_NUMBER = "sequence_number";
        /** The event's public type name, as in {@link dev.parley.shared.api.EventTypes}. */
        public static final String EVENT_TYPE = "event_type";
        /** Who reported it. */
        public static final String SOURCE = "source";
        /** The event in one sentence. */
        public static final String DESCRIPTION = "description";

        private TimelineEntries() {
        }
    }

    /** The audit trail read model: one row per stored event, with its provenance and leaf hash. */
    public static final class AuditEntries {
        /** The table's name. */
        public static final String TABLE = "audit_entry";
        /** The event's global position, the key. */
        public static final String POSITION = "position";
        /** The aggregate type, as in {@link dev.parley.shared.api.AggregateTypes}. */
        public static final String AGGREGATE_TYPE = "aggregate_type";
        /** The aggregate's id. */
        public static final String AGGREGATE_ID = "aggregate_id";
        /** The event's sequence number in its aggregate's stream, from 0. */
        public static final String SEQUENCE_NUMBER = "sequence_number";
        /** The event's public type name, as in {@link dev.parley.shared.api.EventTypes}. */
        public static final String EVENT_TYPE = "event_type";
        /** When it happened in the world, as exact ISO-8601 text. */
        public static final String OCCURRED_AT = "occurred_at";
        /** When it was recorded, as exact ISO-8601 text. */
        public static final String RECORDED_AT = "recorded_at";
        /** Who entered the command. */
        public static final String ACTOR = "actor";
        /** Who reported it. */
        public static final String SOURCE = "source";
        /** The id of the command a user entered, shared by everything that followed from it. */
        public static final String CORRELATION_ID = "correlation_id";
        /** The id of the event that caused a process rule's command, or null for commands users entered. */
        public static final String CAUSATION_ID = "causation_id";
        /** The event as JSON. */
        public static final String PAYLOAD = "payload";
        /** The event's leaf hash. */
        public static final String HASH = "hash";

        private AuditEntries() {
        }
    }
}
