-- Two more figures of the metrics read model: the buddies' own evaluations of their ended matches
-- (scores only, never the comment) and the themes intervisie sessions talked about (theme codes,
-- never a person). Kept up to date from the closure's and intervisie's events; MetricsRebuild
-- refills them from buddy_evaluation and intervisie_theme.

CREATE TABLE metrics_buddy_evaluation (
    match_id           UUID        PRIMARY KEY,
    region_code        VARCHAR(32) NOT NULL,
    submitted_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    prepared           SMALLINT    NOT NULL,
    supported          SMALLINT    NOT NULL,
    parent_contact     SMALLINT    NOT NULL,
    school_cooperation SMALLINT    NOT NULL,
    parent_in_control  SMALLINT    NOT NULL
);
CREATE INDEX metrics_buddy_evaluation_submitted ON metrics_buddy_evaluation (region_code, submitted_at);

-- A theme of a held intervisie session: the theme, the session (an ID) and when it was held.
CREATE TABLE metrics_intervisie_theme (
    session_id  UUID         NOT NULL,
    theme_code  VARCHAR(40)  NOT NULL,
    theme_name  VARCHAR(200) NOT NULL,
    region_code VARCHAR(32)  NOT NULL,
    held_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (session_id, theme_code)
);
CREATE INDEX metrics_intervisie_theme_region ON metrics_intervisie_theme (region_code, held_at) INCLUDE (theme_code);
