-- What-if branches saved by name: only the branch's own events, apart from the record, which they never touch.
CREATE TABLE branch (
    name       VARCHAR(255) NOT NULL,
    fork_point BIGINT       NOT NULL,
    saved_at   VARCHAR(64)  NOT NULL,
    CONSTRAINT branch_pk PRIMARY KEY (name)
);

CREATE TABLE branch_event (
    branch_name          VARCHAR(255) NOT NULL,
    position             BIGINT       NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    CONSTRAINT branch_event_pk PRIMARY KEY (branch_name, position),
    CONSTRAINT branch_event_branch FOREIGN KEY (branch_name) REFERENCES branch (name) ON DELETE CASCADE
);

-- Forks at a recording time look up the last position recorded by then.
CREATE INDEX domain_event_entry_time_stamp ON domain_event_entry (time_stamp, global_index);
