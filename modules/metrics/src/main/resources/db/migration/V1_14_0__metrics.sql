-- The metrics read model: per lifecycle the dates of its milestones and its region, per user task its
-- type and dates, and the scores, attendance counts and signal themes the dashboard aggregates. Only
-- IDs, codes, dates and numbers: never a name, a contact detail or a free text. Kept up to date from
-- the modules' and the engine's events; MetricsRebuild refills it from the modules' tables and the
-- engine's history.

-- A buddy's application: applied, selected, certified (or rejected, withdrawn).
CREATE TABLE metrics_application (
    application_id UUID        PRIMARY KEY,
    region_code    VARCHAR(32) NOT NULL,
    applied_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    selected_at    TIMESTAMP WITH TIME ZONE,
    certified_at   TIMESTAMP WITH TIME ZONE,
    rejected_at    TIMESTAMP WITH TIME ZONE,
    withdrawn_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX metrics_application_applied ON metrics_application (region_code, applied_at);
CREATE INDEX metrics_application_selected ON metrics_application (region_code, selected_at) WHERE selected_at IS NOT NULL;
CREATE INDEX metrics_application_certified ON metrics_application (region_code, certified_at) INCLUDE (applied_at)
    WHERE certified_at IS NOT NULL;

-- A help request and its match: requested, matched (the buddy accepted), active, ended, closed.
CREATE TABLE metrics_help_request (
    request_id     UUID        PRIMARY KEY,
    region_code    VARCHAR(32) NOT NULL,
    requested_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    matched_at     TIMESTAMP WITH TIME ZONE,
    active_at      TIMESTAMP WITH TIME ZONE,
    ended_at       TIMESTAMP WITH TIME ZONE,
    closed_at      TIMESTAMP WITH TIME ZONE,
    closure_reason VARCHAR(20),
    withdrawn_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX metrics_help_request_requested ON metrics_help_request (region_code, requested_at);
CREATE INDEX metrics_help_request_active ON metrics_help_request (region_code, active_at) INCLUDE (requested_at)
    WHERE active_at IS NOT NULL;
CREATE INDEX metrics_help_request_ended ON metrics_help_request (region_code, ended_at) INCLUDE (active_at)
    WHERE ended_at IS NOT NULL;
CREATE INDEX metrics_help_request_closed ON metrics_help_request (region_code, closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX metrics_help_request_running ON metrics_help_request (region_code) WHERE active_at IS NOT NULL AND ended_at IS NULL;

-- A buddy of the matching pool: how many matches she can take, and whether she is available (certified, not archived).
CREATE TABLE metrics_buddy (
    buddy_id    UUID        PRIMARY KEY,
    region_code VARCHAR(32) NOT NULL,
    capacity    INT         NOT NULL,
    available   BOOLEAN     NOT NULL
);
CREATE INDEX metrics_buddy_region ON metrics_buddy (region_code) INCLUDE (capacity) WHERE available;

-- A user task of a process: its type, region and dates.
CREATE TABLE metrics_task (
    task_id     VARCHAR(64)  PRIMARY KEY,
    task_key    VARCHAR(255),
    task_name   VARCHAR(255),
    process_key VARCHAR(255),
    region_code VARCHAR(32),
    created_at  TIMESTAMP WITH TIME ZONE,
    due_at      TIMESTAMP WITH TIME ZONE,
    ended_at    TIMESTAMP WITH TIME ZONE,
    completed   BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX metrics_task_open ON metrics_task (region_code, process_key, task_key) INCLUDE (due_at, task_name) WHERE ended_at IS NULL;

-- A parent's evaluation of a closed match: the scores only.
CREATE TABLE metrics_evaluation (
    match_id           UUID        PRIMARY KEY,
    region_code        VARCHAR(32) NOT NULL,
    submitted_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    felt_heard         SMALLINT    NOT NULL,
    regained_control   SMALLINT    NOT NULL,
    school_cooperation SMALLINT    NOT NULL
);
CREATE INDEX metrics_evaluation_submitted ON metrics_evaluation (region_code, submitted_at);

-- A held intervisie session: how many members were present, absent and excused.
CREATE TABLE metrics_intervisie_session (
    session_id  UUID        PRIMARY KEY,
    region_code VARCHAR(32) NOT NULL,
    held_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    present     INT         NOT NULL,
    absent      INT         NOT NULL,
    excused     INT         NOT NULL
);
CREATE INDEX metrics_intervisie_session_held ON metrics_intervisie_session (region_code, held_at);

-- A signal theme on a line of a contact log: the theme, the match (an ID) and the day.
CREATE TABLE metrics_signal (
    line_id     BIGINT       NOT NULL,
    theme_code  VARCHAR(40)  NOT NULL,
    theme_name  VARCHAR(200) NOT NULL,
    region_code VARCHAR(32)  NOT NULL,
    match_id    UUID         NOT NULL,
    contact_on  DATE         NOT NULL,
    PRIMARY KEY (line_id, theme_code)
);
CREATE INDEX metrics_signal_region ON metrics_signal (region_code, contact_on) INCLUDE (theme_code, match_id);
