-- Scholing: the catalogue (tracks, modules, competences), sessions with attendance, immutable
-- sign-offs and qualifications.
CREATE TABLE training_track (
    code             VARCHAR(40)  PRIMARY KEY,
    name             VARCHAR(200) NOT NULL,
    refresher_period VARCHAR(20)  NOT NULL
);
CREATE TABLE training_module (
    code       VARCHAR(40)  PRIMARY KEY,
    track_code VARCHAR(40)  NOT NULL REFERENCES training_track (code),
    name       VARCHAR(200) NOT NULL,
    required   BOOLEAN      NOT NULL,
    position   INTEGER      NOT NULL
);
CREATE TABLE training_competence (
    code     VARCHAR(40)  PRIMARY KEY,
    name     VARCHAR(200) NOT NULL,
    active   BOOLEAN      NOT NULL,
    position INTEGER      NOT NULL
);
INSERT INTO training_track VALUES ('BASIS', 'Basistraining buddy (2 dagdelen)', 'P1Y');
INSERT INTO training_module VALUES
    ('PASSEND_ONDERWIJS', 'BASIS', 'Regels van passend onderwijs: zorgplicht, ondersteuningsprofiel, OPP, TLV, thuiszitters', TRUE, 1),
    ('GESPREKSVAARDIGHEDEN', 'BASIS', 'Gespreksvaardigheden', TRUE, 2),
    ('ROL_EN_GRENZEN', 'BASIS', 'Rol en grenzen van een buddy', TRUE, 3),
    ('PRIVACY', 'BASIS', 'Privacy en vertrouwelijkheid', TRUE, 4);
INSERT INTO training_competence VALUES
    ('GOED_LUISTEREN', 'Goed luisteren', TRUE, 1),
    ('REFLECTEREN', 'Reflecteren', TRUE, 2),
    ('INLEVEN', 'Inleven (empathie)', TRUE, 3),
    ('SAMENWERKEN', 'Samenwerken, begrip voor ouder én school', TRUE, 4),
    ('AANSLUITEN_BIJ_HULPVRAAG', 'Aansluiten bij de hulpvraag', TRUE, 5),
    ('GEVOEL_VOOR_WAT_MOGELIJK_IS', 'Gevoel voor wat mogelijk is', TRUE, 6);

ALTER TABLE training_enrollment
    ADD COLUMN reference     VARCHAR(20),
    ADD COLUMN buddy_user_id VARCHAR(100),
    ADD COLUMN modules_completed_at TIMESTAMP WITH TIME ZONE;

CREATE TABLE training_session (
    id          UUID         PRIMARY KEY,
    region_code VARCHAR(32)  NOT NULL REFERENCES region (code),
    track_code  VARCHAR(40)  NOT NULL REFERENCES training_track (code),
    starts_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    location    VARCHAR(300) NOT NULL,
    capacity    INTEGER      NOT NULL CHECK (capacity BETWEEN 1 AND 50),
    trainer_id  VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX training_session_region ON training_session (region_code, starts_at);
CREATE TABLE training_session_module (
    session_id  UUID        NOT NULL REFERENCES training_session (id),
    module_code VARCHAR(40) NOT NULL REFERENCES training_module (code),
    PRIMARY KEY (session_id, module_code)
);
CREATE TABLE training_session_participant (
    session_id     UUID         NOT NULL REFERENCES training_session (id),
    application_id UUID         NOT NULL REFERENCES training_enrollment (application_id),
    attendance     VARCHAR(10),
    recorded_by    VARCHAR(100),
    recorded_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (session_id, application_id)
);

-- Sign-offs are never updated: a correction is a new row that points at the one it corrects.
CREATE TABLE training_sign_off (
    id               BIGSERIAL    PRIMARY KEY,
    application_id   UUID         NOT NULL REFERENCES training_enrollment (application_id),
    round            INTEGER      NOT NULL,
    competence_code  VARCHAR(40)  NOT NULL,
    competence_name  VARCHAR(200) NOT NULL,
    met              BOOLEAN      NOT NULL,
    remark           VARCHAR(1000),
    signed_by        VARCHAR(100) NOT NULL,
    signed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    corrects_id      BIGINT       REFERENCES training_sign_off (id)
);
CREATE INDEX training_sign_off_trainee ON training_sign_off (application_id, round);

CREATE TABLE training_qualification (
    application_id UUID        PRIMARY KEY REFERENCES training_enrollment (application_id),
    status         VARCHAR(20) NOT NULL,
    certified_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    refresher_due  DATE        NOT NULL,
    refreshed_at   TIMESTAMP WITH TIME ZONE,
    expired_at     TIMESTAMP WITH TIME ZONE
);
