-- Tamper evidence: one leaf hash per stored event, written in the same transaction as the event, and the signed
-- tree heads (checkpoints) handed out so far. See docs/integrity.md for the encoding.
CREATE TABLE event_hash (
    global_index         BIGINT       NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    leaf_hash            BYTEA        NOT NULL,
    CONSTRAINT event_hash_pk PRIMARY KEY (global_index),
    CONSTRAINT event_hash_stream UNIQUE (aggregate_identifier, sequence_number)
);

CREATE TABLE checkpoint (
    tree_size  BIGINT       NOT NULL,
    document   TEXT         NOT NULL,
    created_at VARCHAR(64)  NOT NULL,
    CONSTRAINT checkpoint_pk PRIMARY KEY (tree_size, created_at)
);

ALTER TABLE audit_entry ADD COLUMN hash VARCHAR(64);
