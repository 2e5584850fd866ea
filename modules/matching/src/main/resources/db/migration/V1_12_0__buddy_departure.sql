-- A buddy leaves: from the moment she announces it she is no longer proposed; her active matches are
-- handed over (kept per match), the exit conversation is recorded, and then her pool record is archived.
ALTER TABLE matching_buddy ADD COLUMN leaving_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE matching_buddy ADD COLUMN archived_at TIMESTAMP WITH TIME ZONE;

CREATE TABLE buddy_departure (
    buddy_id        UUID          PRIMARY KEY REFERENCES matching_buddy (application_id),
    reason          VARCHAR(20)   NOT NULL,
    announced_by    VARCHAR(100)  NOT NULL,
    announced_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    exit_held_on    DATE,
    exit_note       VARCHAR(4000),
    may_contact     BOOLEAN,
    exit_recorded_by VARCHAR(100)
);

CREATE TABLE match_hand_over (
    id              UUID          PRIMARY KEY,
    match_id        UUID          NOT NULL REFERENCES buddy_match (id),
    from_buddy_id   UUID          NOT NULL REFERENCES matching_buddy (application_id),
    to_buddy_id     UUID          REFERENCES matching_buddy (application_id),
    outcome         VARCHAR(20)   NOT NULL,
    handed_by       VARCHAR(100)  NOT NULL,
    handed_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX match_hand_over_match ON match_hand_over (match_id);
