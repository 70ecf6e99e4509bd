-- The tally read model of TallyReadModel (tests only): one row per stored event, counted by type when asked.
CREATE TABLE tally_entry (
    position   BIGINT      NOT NULL,
    event_type VARCHAR(64) NOT NULL,
    CONSTRAINT tally_entry_pk PRIMARY KEY (position)
);
