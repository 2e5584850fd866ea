-- Begeleiding: the buddy's contact log with signal themes, who read it, and the list of themes.

-- Themes a buddy can signal; an administrator adds, renames or deactivates them. Never deleted:
-- log lines refer to them by code and keep the name they were recorded with.
CREATE TABLE signal_theme (
    code     VARCHAR(40)  PRIMARY KEY,
    name     VARCHAR(200) NOT NULL,
    active   BOOLEAN      NOT NULL DEFAULT TRUE,
    position INT          NOT NULL
);

INSERT INTO signal_theme (code, name, active, position) VALUES
    ('THUISZITTEN', 'Thuiszitten en verzuim', TRUE, 1),
    ('WACHTLIJST_ZORG', 'Wachtlijst jeugdzorg of geen passend zorgaanbod', TRUE, 2),
    ('ONDERSTEUNING_SCHOOL', 'Onvoldoende ondersteuning op school', TRUE, 3),
    ('COMMUNICATIE_SCHOOL_OUDERS', 'Communicatie tussen school en ouders', TRUE, 4),
    ('TLV_PLAATSING', 'Toelaatbaarheidsverklaring (TLV) en plaatsing', TRUE, 5),
    ('OPP', 'Ontwikkelingsperspectiefplan (OPP) niet op orde', TRUE, 6),
    ('SCHORSING_VERWIJDERING', 'Schorsing of verwijdering', TRUE, 7),
    ('VERVOER', 'Leerlingenvervoer', TRUE, 8),
    ('ONDERWIJS_ZORG', 'Samenwerking onderwijs en jeugdhulp', TRUE, 9),
    ('VRIJSTELLING', 'Vrijstelling van de leerplicht', TRUE, 10);

-- One contact of a buddy with the requester of a match. The region is the match's, copied so the
-- report needs no other module's tables.
CREATE TABLE contact_log (
    id           BIGSERIAL    PRIMARY KEY,
    match_id     UUID         NOT NULL REFERENCES buddy_match (id),
    buddy_id     UUID         NOT NULL,
    region_code  VARCHAR(32)  NOT NULL REFERENCES region (code),
    contact_on   DATE         NOT NULL,
    kind         VARCHAR(20)  NOT NULL CHECK (kind IN ('PHONE', 'MESSAGE', 'VISIT', 'SCHOOL_MEETING')),
    minutes      INT          NOT NULL CHECK (minutes BETWEEN 1 AND 600),
    topics       VARCHAR(2000),
    recorded_by  VARCHAR(100) NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    corrected_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX contact_log_match ON contact_log (match_id, contact_on);
CREATE INDEX contact_log_region_date ON contact_log (region_code, contact_on);

-- The themes a log line signals, with the theme's name as it was then.
CREATE TABLE contact_log_theme (
    log_id     BIGINT       NOT NULL REFERENCES contact_log (id) ON DELETE CASCADE,
    theme_code VARCHAR(40)  NOT NULL REFERENCES signal_theme (code),
    theme_name VARCHAR(200) NOT NULL,
    PRIMARY KEY (log_id, theme_code)
);
CREATE INDEX contact_log_theme_code ON contact_log_theme (theme_code);

-- Every reading of a match's contact log: who, when.
CREATE TABLE contact_log_view (
    id        BIGSERIAL    PRIMARY KEY,
    match_id  UUID         NOT NULL REFERENCES buddy_match (id),
    viewed_by VARCHAR(100) NOT NULL,
    viewed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX contact_log_view_match ON contact_log_view (match_id);
