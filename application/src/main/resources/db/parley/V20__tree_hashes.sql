-- The Merkle tree's interior kept as derived data, so that checkpoints extend it with what is new and proofs read
-- O(log n) hashes (docs/integrity.md, "Proofs at scale"): each leaf with the position it stands for, the hash of every
-- full subtree of two or more leaves, and each stream's head in the tree. Dropping these rows loses nothing: they are
-- rebuilt from the events on first use.
CREATE TABLE tree_leaf (
    leaf_index   BIGINT NOT NULL,
    global_index BIGINT NOT NULL,
    leaf_hash    BYTEA  NOT NULL,
    CONSTRAINT tree_leaf_pk PRIMARY KEY (leaf_index),
    CONSTRAINT tree_leaf_position UNIQUE (global_index)
);

CREATE TABLE tree_node (
    node_level INT    NOT NULL,
    node_index BIGINT NOT NULL,
    node_hash  BYTEA  NOT NULL,
    CONSTRAINT tree_node_pk PRIMARY KEY (node_level, node_index)
);

CREATE TABLE stream_head (
    aggregate_identifier VARCHAR(400) NOT NULL,
    aggregate_type       VARCHAR(255) NOT NULL,
    last_sequence        BIGINT       NOT NULL,
    last_leaf            BYTEA        NOT NULL,
    CONSTRAINT stream_head_pk PRIMARY KEY (aggregate_identifier)
);
