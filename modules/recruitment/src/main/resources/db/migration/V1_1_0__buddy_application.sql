-- Buddy applications (werving en selectie). Personal data of the applicant lives here, never in
-- process variables.
CREATE SEQUENCE buddy_application_reference_seq START WITH 1;

CREATE TABLE buddy_application (
    id                  UUID          PRIMARY KEY,
    version             BIGINT        NOT NULL,
    reference           VARCHAR(20)   NOT NULL UNIQUE,
    region_code         VARCHAR(32)   NOT NULL REFERENCES region (code),
    status              VARCHAR(20)   NOT NULL,
    first_name          VARCHAR(100)  NOT NULL,
    last_name           VARCHAR(100)  NOT NULL,
    email               VARCHAR(254)  NOT NULL,
    phone               VARCHAR(30),
    school_levels       VARCHAR(100)  NOT NULL,
    problem_areas       VARCHAR(500)  NOT NULL,
    languages           VARCHAR(200)  NOT NULL,
    hours_per_week      INTEGER       NOT NULL CHECK (hours_per_week BETWEEN 1 AND 40),
    motivation          VARCHAR(4000) NOT NULL,
    consent_given_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    screening_suitable  BOOLEAN,
    screening_note      VARCHAR(4000),
    screened_by         VARCHAR(100),
    screened_at         TIMESTAMP WITH TIME ZONE,
    intake_held_on      DATE,
    intake_notes        VARCHAR(4000),
    intake_recorded_by  VARCHAR(100),
    intake_recorded_at  TIMESTAMP WITH TIME ZONE,
    decision            VARCHAR(20),
    decision_reason     VARCHAR(4000),
    decided_by          VARCHAR(100),
    decided_at          TIMESTAMP WITH TIME ZONE,
    closed_at           TIMESTAMP WITH TIME ZONE
);
CREATE INDEX buddy_application_region_status ON buddy_application (region_code, status);

-- Every view of an application's case file: who looked, when.
CREATE TABLE application_view_log (
    id              BIGSERIAL PRIMARY KEY,
    application_id  UUID         NOT NULL REFERENCES buddy_application (id),
    viewed_by       VARCHAR(100) NOT NULL,
    viewed_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX application_view_log_application ON application_view_log (application_id, viewed_at);
