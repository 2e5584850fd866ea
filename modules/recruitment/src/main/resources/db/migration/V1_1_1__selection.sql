-- Werving en selectie, complete: intake planning, competence assessment with advice, decision with
-- override reason, VOG register, withdrawal, idempotent submission and the applicant's language.
ALTER TABLE buddy_application
    ADD COLUMN submission_key   UUID,
    ADD COLUMN language         VARCHAR(2)    NOT NULL DEFAULT 'nl',
    ADD COLUMN intake_planned_at TIMESTAMP,
    ADD COLUMN intake_place     VARCHAR(300),
    ADD COLUMN advice           VARCHAR(20),
    ADD COLUMN advice_reason    VARCHAR(40),
    ADD COLUMN override_reason  VARCHAR(4000),
    ADD COLUMN withdrawn_at     TIMESTAMP WITH TIME ZONE,
    ADD COLUMN withdrawal_reason VARCHAR(4000),
    ADD COLUMN last_changed_at  TIMESTAMP WITH TIME ZONE;
UPDATE buddy_application SET last_changed_at = submitted_at;
ALTER TABLE buddy_application ALTER COLUMN last_changed_at SET NOT NULL;
CREATE UNIQUE INDEX buddy_application_submission_key ON buddy_application (submission_key);
CREATE INDEX buddy_application_email ON buddy_application (lower(email));

-- The suitability assessment: one row per competence.
CREATE TABLE application_competence_score (
    application_id UUID         NOT NULL REFERENCES buddy_application (id),
    competence     VARCHAR(40)  NOT NULL,
    score          SMALLINT     NOT NULL CHECK (score BETWEEN 1 AND 4),
    remark         VARCHAR(1000),
    PRIMARY KEY (application_id, competence)
);

-- The VOG register: that a certificate was seen, never the document.
CREATE TABLE vog_record (
    id               BIGSERIAL    PRIMARY KEY,
    application_id   UUID         NOT NULL REFERENCES buddy_application (id),
    seen_on          DATE         NOT NULL,
    seen_by          VARCHAR(100) NOT NULL,
    certificate_date DATE         NOT NULL,
    valid            BOOLEAN      NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX vog_record_application ON vog_record (application_id, recorded_at);
