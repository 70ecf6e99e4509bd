-- Ids and branch names hold up to 200 Unicode characters (DOMAIN.md, "Limits"). H2 counts a column's length in
-- UTF-16 units, where a character outside the Basic Multilingual Plane takes two, so every column holding an id or a
-- branch name takes 400.
ALTER TABLE domain_event_entry ALTER COLUMN aggregate_identifier SET DATA TYPE VARCHAR(400);
ALTER TABLE snapshot_event_entry ALTER COLUMN aggregate_identifier SET DATA TYPE VARCHAR(400);
ALTER TABLE status_view ALTER COLUMN aggregate_id SET DATA TYPE VARCHAR(400);
ALTER TABLE timeline_entry ALTER COLUMN aggregate_id SET DATA TYPE VARCHAR(400);
ALTER TABLE audit_entry ALTER COLUMN aggregate_id SET DATA TYPE VARCHAR(400);
ALTER TABLE branch ALTER COLUMN name SET DATA TYPE VARCHAR(400);
ALTER TABLE branch_event ALTER COLUMN branch_name SET DATA TYPE VARCHAR(400);
ALTER TABLE branch_event ALTER COLUMN aggregate_identifier SET DATA TYPE VARCHAR(400);
ALTER TABLE event_hash ALTER COLUMN aggregate_identifier SET DATA TYPE VARCHAR(400);
