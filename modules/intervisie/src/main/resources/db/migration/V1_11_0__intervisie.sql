-- Intervisie and exchange meetings (uitwisseling): groups of certified buddies of a region, their
-- sessions, who attended and the anonymised themes of each session; coordinators' check-ins with
-- buddies who missed twice in a row; and who looked at a group's attendance.

CREATE SEQUENCE intervisie_group_reference_seq;

CREATE TABLE intervisie_group (
    id          UUID         PRIMARY KEY,
    reference   VARCHAR(40)  NOT NULL UNIQUE,
    region_code VARCHAR(32)  NOT NULL REFERENCES region (code),
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(20)  NOT NULL CHECK (kind IN ('INTERVISIE', 'EXCHANGE')),
    status      VARCHAR(20)  NOT NULL CHECK (status IN ('ACTIVE', 'CLOSED')),
    created_by  VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX intervisie_group_region ON intervisie_group (region_code, status);

-- A buddy of the region's matching pool in a group.
CREATE TABLE intervisie_member (
    group_id  UUID NOT NULL REFERENCES intervisie_group (id),
    buddy_id  UUID NOT NULL REFERENCES matching_buddy (application_id),
    joined_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (group_id, buddy_id)
);
CREATE INDEX intervisie_member_buddy ON intervisie_member (buddy_id);

CREATE TABLE intervisie_session (
    id          UUID         PRIMARY KEY,
    group_id    UUID         NOT NULL REFERENCES intervisie_group (id),
    starts_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    location    VARCHAR(200) NOT NULL,
    status      VARCHAR(20)  NOT NULL CHECK (status IN ('PLANNED', 'HELD', 'CANCELLED')),
    planned_by  VARCHAR(100) NOT NULL,
    planned_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by VARCHAR(100),
    recorded_at TIMESTAMP WITH TIME ZONE,
    CHECK (ends_at > starts_at)
);
CREATE INDEX intervisie_session_group ON intervisie_session (group_id, starts_at);
-- At most one planned session per group at a time.
CREATE UNIQUE INDEX intervisie_session_one_planned ON intervisie_session (group_id) WHERE status = 'PLANNED';

CREATE TABLE intervisie_attendance (
    session_id UUID        NOT NULL REFERENCES intervisie_session (id),
    buddy_id   UUID        NOT NULL,
    attendance VARCHAR(10) NOT NULL CHECK (attendance IN ('PRESENT', 'ABSENT', 'EXCUSED')),
    PRIMARY KEY (session_id, buddy_id)
);

-- The themes a session talked about: codes of the signal themes only, never names or notes about people.
CREATE TABLE intervisie_theme (
    session_id UUID        NOT NULL REFERENCES intervisie_session (id),
    theme_code VARCHAR(40) NOT NULL REFERENCES signal_theme (code),
    PRIMARY KEY (session_id, theme_code)
);
CREATE INDEX intervisie_theme_code ON intervisie_theme (theme_code);

-- The coordinator's check-in with a buddy who missed two sessions in a row: what was agreed.
CREATE TABLE intervisie_check_in (
    id          BIGSERIAL     PRIMARY KEY,
    session_id  UUID          NOT NULL REFERENCES intervisie_session (id),
    buddy_id    UUID          NOT NULL,
    note        VARCHAR(2000) NOT NULL,
    recorded_by VARCHAR(100)  NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (session_id, buddy_id)
);

-- Every look at a group's members and attendance: who, when.
CREATE TABLE intervisie_view (
    id        BIGSERIAL    PRIMARY KEY,
    group_id  UUID         NOT NULL REFERENCES intervisie_group (id),
    viewed_by VARCHAR(100) NOT NULL,
    viewed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX intervisie_view_group ON intervisie_view (group_id);
