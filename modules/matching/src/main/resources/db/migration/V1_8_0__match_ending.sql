-- A match ends with a reason (review or early end); the closure then restores the buddy's place.
ALTER TABLE buddy_match ADD COLUMN closure_reason VARCHAR(20);
ALTER TABLE buddy_match ADD COLUMN closure_note VARCHAR(4000);
ALTER TABLE buddy_match ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
DROP INDEX buddy_match_one_open;
CREATE UNIQUE INDEX buddy_match_one_open ON buddy_match (request_id) WHERE status IN ('STARTING', 'ACTIVE', 'ENDING');
