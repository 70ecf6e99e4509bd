-- The application nodes running read models on this store, each renewing its row while it lives, so that nodes can
-- share the processors' segments out fairly. Stale rows are of nodes that died; the token claims they held expire.
CREATE TABLE parley_node (
    node_id   VARCHAR(255) NOT NULL,
    last_seen TIMESTAMP    NOT NULL,
    CONSTRAINT parley_node_pk PRIMARY KEY (node_id)
);
