-- Afsluiting of a match: the closing conversation, the parent's personal evaluation links (only a
-- hash of the token is kept), the evaluations of parent and buddy, and the appreciation of the buddy.
-- Free texts are removed when the case is anonymised; dates, codes and scores stay for statistics.

CREATE TABLE closing_conversation (
    match_id     UUID          PRIMARY KEY,
    region_code  VARCHAR(32)   NOT NULL REFERENCES region (code),
    held_on      DATE          NOT NULL,
    outcome      VARCHAR(20)   NOT NULL,
    notes        VARCHAR(4000),
    recorded_by  VARCHAR(100)  NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A link works once, until it expires; using one uses all links of the match.
CREATE TABLE parent_evaluation_link (
    id           BIGSERIAL     PRIMARY KEY,
    match_id     UUID          NOT NULL,
    request_id   UUID          NOT NULL,
    token_hash   VARCHAR(64)   NOT NULL UNIQUE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at      TIMESTAMP WITH TIME ZONE,
    expired_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX parent_evaluation_link_match ON parent_evaluation_link (match_id);

CREATE TABLE parent_evaluation (
    match_id           UUID          PRIMARY KEY,
    region_code        VARCHAR(32)   NOT NULL REFERENCES region (code),
    felt_heard         INT           NOT NULL CHECK (felt_heard BETWEEN 1 AND 5),
    regained_control   INT           NOT NULL CHECK (regained_control BETWEEN 1 AND 5),
    school_cooperation INT           NOT NULL CHECK (school_cooperation BETWEEN 1 AND 5),
    comment            VARCHAR(2000),
    submitted_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE buddy_evaluation (
    match_id           UUID          PRIMARY KEY,
    region_code        VARCHAR(32)   NOT NULL REFERENCES region (code),
    buddy_id           UUID          NOT NULL,
    prepared           INT           NOT NULL CHECK (prepared BETWEEN 1 AND 5),
    supported          INT           NOT NULL CHECK (supported BETWEEN 1 AND 5),
    parent_contact     INT           NOT NULL CHECK (parent_contact BETWEEN 1 AND 5),
    school_cooperation INT           NOT NULL CHECK (school_cooperation BETWEEN 1 AND 5),
    parent_in_control  INT           NOT NULL CHECK (parent_in_control BETWEEN 1 AND 5),
    comment            VARCHAR(4000),
    submitted_by       VARCHAR(100)  NOT NULL,
    submitted_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE buddy_appreciation (
    match_id         UUID          PRIMARY KEY,
    region_code      VARCHAR(32)   NOT NULL REFERENCES region (code),
    thanks_sent      BOOLEAN       NOT NULL,
    invited_yearly   BOOLEAN       NOT NULL,
    expenses         NUMERIC(8, 2) CHECK (expenses >= 0),
    recorded_by      VARCHAR(100)  NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Every look at a closure file: who, when.
CREATE TABLE closure_view (
    id         BIGSERIAL    PRIMARY KEY,
    match_id   UUID         NOT NULL,
    viewed_by  VARCHAR(100) NOT NULL,
    viewed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
