-- Binds each aggregate snapshot to the leaf hash of the event it was taken at and to its exact bytes, so that a
-- snapshot edited in the database is not loaded (see docs/integrity.md, "Snapshots").
CREATE TABLE snapshot_binding (
    aggregate_identifier VARCHAR(400) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    binding              BYTEA        NOT NULL,
    CONSTRAINT snapshot_binding_pk PRIMARY KEY (aggregate_identifier, sequence_number)
);
