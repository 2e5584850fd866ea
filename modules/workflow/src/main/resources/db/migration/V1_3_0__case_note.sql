-- Notes on a case, written from a task. Kept outside the engine's tables so they follow the
-- case's retention rule and can be erased on request.
CREATE TABLE case_note (
    id              BIGSERIAL     PRIMARY KEY,
    case_reference  VARCHAR(64)   NOT NULL,
    region_code     VARCHAR(32)   NOT NULL REFERENCES region (code),
    task_id         VARCHAR(64),
    author          VARCHAR(100)  NOT NULL,
    text            VARCHAR(2000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX case_note_case ON case_note (case_reference, created_at);
