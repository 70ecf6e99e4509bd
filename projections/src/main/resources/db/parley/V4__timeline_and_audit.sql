-- The timeline and the audit trail: one row per stored event, keyed by its position in the store. Times are kept
-- as exact ISO-8601 text for output, and as microseconds since the epoch for ordering and filtering.
CREATE TABLE timeline_entry (
    position           BIGINT       NOT NULL,
    occurred_at        VARCHAR(64)  NOT NULL,
    occurred_at_micros BIGINT       NOT NULL,
    recorded_at        VARCHAR(64)  NOT NULL,
    recorded_at_micros BIGINT       NOT NULL,
    aggregate_type     VARCHAR(64)  NOT NULL,
    aggregate_id       VARCHAR(255) NOT NULL,
    sequence_number    BIGINT       NOT NULL,
    event_type         VARCHAR(64)  NOT NULL,
    source             TEXT         NOT NULL,
    description        TEXT         NOT NULL,
    CONSTRAINT timeline_entry_pk PRIMARY KEY (position)
);
CREATE INDEX timeline_entry_occurred ON timeline_entry (occurred_at_micros, position);

CREATE TABLE audit_entry (
    position        BIGINT       NOT NULL,
    aggregate_type  VARCHAR(64)  NOT NULL,
    aggregate_id    VARCHAR(255) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    event_type      VARCHAR(64)  NOT NULL,
    occurred_at     VARCHAR(64)  NOT NULL,
    recorded_at     VARCHAR(64)  NOT NULL,
    actor           TEXT,
    source          TEXT         NOT NULL,
    correlation_id  VARCHAR(255),
    causation_id    VARCHAR(255),
    payload         TEXT         NOT NULL,
    CONSTRAINT audit_entry_pk PRIMARY KEY (position)
);
CREATE INDEX audit_entry_aggregate ON audit_entry (aggregate_id, position);
