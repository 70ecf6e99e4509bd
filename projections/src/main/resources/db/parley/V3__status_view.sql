-- The status read model: one JSON document per aggregate, with the last event folded into it.
CREATE TABLE status_view (
    aggregate_type VARCHAR(64)  NOT NULL,
    aggregate_id   VARCHAR(255) NOT NULL,
    last_sequence  BIGINT       NOT NULL,
    last_position  BIGINT       NOT NULL,
    document       TEXT         NOT NULL,
    CONSTRAINT status_view_pk PRIMARY KEY (aggregate_type, aggregate_id)
);
