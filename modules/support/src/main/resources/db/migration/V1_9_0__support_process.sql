-- Begeleiding of an active match: school meetings, concerns, the coordinator's check-ins, reviews
-- and extensions, and who looked at the match's case file. Free texts stay here, never in the engine.

-- A school meeting the buddy goes to with the parent: planned, then held or cancelled (a move keeps
-- its ID and changes its time). Preparation and follow-up are the buddy's notes on her two tasks.
CREATE TABLE school_meeting (
    id               UUID         PRIMARY KEY,
    match_id         UUID         NOT NULL REFERENCES buddy_match (id),
    region_code      VARCHAR(32)  NOT NULL REFERENCES region (code),
    starts_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at          TIMESTAMP WITH TIME ZONE NOT NULL CHECK (ends_at > starts_at),
    school           VARCHAR(200) NOT NULL,
    purpose          VARCHAR(2000),
    status           VARCHAR(20)  NOT NULL CHECK (status IN ('PLANNED', 'CANCELLED', 'HELD')),
    preparation_note VARCHAR(4000),
    prepared_at      TIMESTAMP WITH TIME ZONE,
    took_place       BOOLEAN,
    message_sent     BOOLEAN,
    follow_up_note   VARCHAR(4000),
    followed_up_at   TIMESTAMP WITH TIME ZONE,
    recorded_by      VARCHAR(100) NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX school_meeting_match ON school_meeting (match_id, starts_at);

-- A concern the buddy raises; a coordinator of the region discusses it within a working day.
CREATE TABLE support_concern (
    id          UUID         PRIMARY KEY,
    match_id    UUID         NOT NULL REFERENCES buddy_match (id),
    region_code VARCHAR(32)  NOT NULL REFERENCES region (code),
    text        VARCHAR(4000) NOT NULL,
    urgency     VARCHAR(20)  NOT NULL CHECK (urgency IN ('NORMAL', 'URGENT')),
    raised_by   VARCHAR(100) NOT NULL,
    raised_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome     VARCHAR(4000),
    action      VARCHAR(4000),
    handled_by  VARCHAR(100),
    handled_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX support_concern_match ON support_concern (match_id, raised_at);

-- The coordinator's check-in with the buddy.
CREATE TABLE support_check_in (
    id          BIGSERIAL    PRIMARY KEY,
    match_id    UUID         NOT NULL REFERENCES buddy_match (id),
    region_code VARCHAR(32)  NOT NULL REFERENCES region (code),
    held_on     DATE         NOT NULL,
    going       VARCHAR(20)  NOT NULL CHECK (going IN ('WELL', 'FAIR', 'DIFFICULT')),
    notes       VARCHAR(4000),
    follow_up   VARCHAR(4000),
    recorded_by VARCHAR(100) NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX support_check_in_match ON support_check_in (match_id, held_on);

-- The review after six months (and after each extension): extend or close, with the reason.
CREATE TABLE support_review (
    id             BIGSERIAL    PRIMARY KEY,
    match_id       UUID         NOT NULL REFERENCES buddy_match (id),
    decided_on     DATE         NOT NULL,
    decision       VARCHAR(20)  NOT NULL CHECK (decision IN ('EXTEND', 'CLOSE')),
    closure_reason VARCHAR(20),
    reason         VARCHAR(4000),
    decided_by     VARCHAR(100) NOT NULL,
    decided_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX support_review_match ON support_review (match_id, decided_at);

-- Each extension once (the workflow's job may run twice): its number and until when.
CREATE TABLE support_extension (
    match_id    UUID    NOT NULL REFERENCES buddy_match (id),
    number      INT     NOT NULL CHECK (number > 0),
    extended_on DATE    NOT NULL,
    until       DATE    NOT NULL,
    PRIMARY KEY (match_id, number)
);

-- Every look at a match's case file (support records): who, when.
CREATE TABLE support_case_view (
    id        BIGSERIAL    PRIMARY KEY,
    match_id  UUID         NOT NULL REFERENCES buddy_match (id),
    viewed_by VARCHAR(100) NOT NULL,
    viewed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX support_case_view_match ON support_case_view (match_id);
