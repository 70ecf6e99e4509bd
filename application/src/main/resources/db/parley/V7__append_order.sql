-- Appends hold this row's lock from taking their positions until they commit, so that events become visible in
-- position order even with several writers: a tree head signed over positions 1..n is never later joined by a
-- lower position, and tracking processors do not have to wait out gaps of transactions still in flight.
CREATE TABLE append_lock (
    id INT NOT NULL,
    CONSTRAINT append_lock_pk PRIMARY KEY (id)
);

INSERT INTO append_lock (id) VALUES (1);
