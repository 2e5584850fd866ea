-- Optimistic locking of a contact line: a correction names the version it was made on, so a buddy
-- correcting the same line on two devices never silently overwrites one correction with the other.
ALTER TABLE contact_log ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
