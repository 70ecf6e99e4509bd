-- The lines of command files that `parley run` has stored, by the SHA-256 of the file's bytes and the line's 1-based
-- physical number. A row is written in the transaction that stores the line's events, so it exists exactly when they
-- do, and a run of the same file again skips the line instead of applying it twice.
CREATE TABLE command_file_line (
    file_digest VARCHAR(64) NOT NULL,
    line_number INTEGER     NOT NULL,
    CONSTRAINT command_file_line_pk PRIMARY KEY (file_digest, line_number)
);
