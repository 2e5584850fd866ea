-- Hulpvraag en koppeling: help requests, the pool of certified buddies, proposals and matches.

-- Regions whose buddies may also help here (symmetric: both directions are stored).
CREATE TABLE region_neighbour (
    region_code    VARCHAR(32) NOT NULL REFERENCES region (code),
    neighbour_code VARCHAR(32) NOT NULL REFERENCES region (code),
    PRIMARY KEY (region_code, neighbour_code),
    CHECK (region_code <> neighbour_code)
);

-- Places (woonplaatsen) with their centre, for the distance criterion. Reference data; an
-- administrator can add more.
CREATE TABLE place (
    name      VARCHAR(100) PRIMARY KEY,
    latitude  DOUBLE PRECISION NOT NULL,
    longitude DOUBLE PRECISION NOT NULL
);

INSERT INTO place (name, latitude, longitude) VALUES
    ('Amersfoort', 52.1561, 5.3878), ('Baarn', 52.2117, 5.2875), ('Bunschoten', 52.2431, 5.3750),
    ('Bunnik', 52.0667, 5.1986), ('De Bilt', 52.1100, 5.1806), ('Eemnes', 52.2540, 5.2570),
    ('Houten', 52.0283, 5.1681), ('IJsselstein', 52.0200, 5.0433), ('Leusden', 52.1325, 5.4311),
    ('Maarssen', 52.1350, 5.0397), ('Nieuwegein', 52.0292, 5.0806), ('Soest', 52.1733, 5.2917),
    ('Stichtse Vecht', 52.1800, 5.0200), ('Utrecht', 52.0907, 5.1214), ('Vianen', 51.9917, 5.0917),
    ('Woudenberg', 52.0808, 5.4167), ('Zeist', 52.0906, 5.2333), ('Nijkerk', 52.2200, 5.4861),
    ('Barneveld', 52.1400, 5.5847), ('Veenendaal', 52.0287, 5.5589), ('Rhenen', 51.9592, 5.5681),
    ('Wijk bij Duurstede', 51.9747, 5.3414), ('Montfoort', 52.0458, 4.9528), ('Woerden', 52.0853, 4.8836),
    ('Hilversum', 52.2292, 5.1669), ('Amsterdam', 52.3676, 4.9041), ('Rotterdam', 51.9244, 4.4777),
    ('Den Haag', 52.0705, 4.3007), ('Eindhoven', 51.4416, 5.4697), ('Groningen', 53.2194, 6.5665),
    ('Arnhem', 51.9851, 5.8987), ('Nijmegen', 51.8126, 5.8372), ('Zwolle', 52.5168, 6.0830),
    ('Apeldoorn', 52.2112, 5.9699), ('Almere', 52.3508, 5.2647), ('Haarlem', 52.3874, 4.6462),
    ('Leiden', 52.1601, 4.4970), ('Breda', 51.5719, 4.7683), ('Tilburg', 51.5555, 5.0913),
    ('Maastricht', 50.8514, 5.6910), ('Enschede', 52.2215, 6.8937), ('Leeuwarden', 53.2012, 5.7999);

-- Matching settings per region: the weights of the criteria and the capacity of a buddy.
CREATE TABLE matching_setting (
    region_code        VARCHAR(32) PRIMARY KEY REFERENCES region (code),
    weight_problem     INT NOT NULL CHECK (weight_problem BETWEEN 0 AND 1000),
    weight_level       INT NOT NULL CHECK (weight_level BETWEEN 0 AND 1000),
    weight_language    INT NOT NULL CHECK (weight_language BETWEEN 0 AND 1000),
    weight_distance    INT NOT NULL CHECK (weight_distance BETWEEN 0 AND 1000),
    weight_availability INT NOT NULL CHECK (weight_availability BETWEEN 0 AND 1000),
    max_distance_km    DOUBLE PRECISION NOT NULL CHECK (max_distance_km > 0),
    max_matches        INT NOT NULL CHECK (max_matches BETWEEN 0 AND 10),
    changed_by         VARCHAR(100) NOT NULL,
    changed_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Certified buddies known to matching, with what matching needs beyond her application.
CREATE TABLE matching_buddy (
    application_id UUID         PRIMARY KEY,
    region_code    VARCHAR(32)  NOT NULL REFERENCES region (code),
    reference      VARCHAR(40)  NOT NULL,
    school_levels  VARCHAR(100) NOT NULL,
    problem_areas  VARCHAR(400) NOT NULL,
    languages      VARCHAR(100) NOT NULL,
    hours_per_week INT          NOT NULL,
    place          VARCHAR(100) REFERENCES place (name),
    schools        VARCHAR(1000),
    max_matches    INT CHECK (max_matches BETWEEN 0 AND 10),
    joined_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0
);

CREATE SEQUENCE help_request_reference_seq;

CREATE TABLE help_request (
    id                UUID          PRIMARY KEY,
    reference         VARCHAR(40)   NOT NULL UNIQUE,
    region_code       VARCHAR(32)   NOT NULL REFERENCES region (code),
    requester_kind    VARCHAR(10)   NOT NULL,
    channel           VARCHAR(20)   NOT NULL,
    contact_name      VARCHAR(200)  NOT NULL,
    email             VARCHAR(254),
    phone             VARCHAR(30),
    school_level      VARCHAR(10)   NOT NULL,
    problem_areas     VARCHAR(400)  NOT NULL,
    preferred_language VARCHAR(2)   NOT NULL,
    urgency           VARCHAR(10)   NOT NULL,
    school_meeting_on DATE,
    school            VARCHAR(200),
    place             VARCHAR(100)  REFERENCES place (name),
    question          VARCHAR(4000) NOT NULL,
    correspondence_language VARCHAR(2) NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    intake_note       VARCHAR(4000),
    withdrawal_reason VARCHAR(4000),
    withdraw_token    VARCHAR(64)   NOT NULL UNIQUE,
    submission_key    UUID          UNIQUE,
    registered_by     VARCHAR(100),
    submitted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    waiting_since     TIMESTAMP WITH TIME ZONE,
    last_changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX help_request_region_status ON help_request (region_code, status);
CREATE INDEX help_request_email ON help_request (lower(email));

-- Every look at a help request's case file: who, when.
CREATE TABLE help_request_view (
    id         BIGSERIAL    PRIMARY KEY,
    request_id UUID         NOT NULL REFERENCES help_request (id),
    viewed_by  VARCHAR(100) NOT NULL,
    viewed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Proposals of a buddy for a request; a pending one holds a place of the buddy's capacity.
CREATE TABLE match_proposal (
    id              BIGSERIAL     PRIMARY KEY,
    request_id      UUID          NOT NULL REFERENCES help_request (id),
    buddy_id        UUID          NOT NULL REFERENCES matching_buddy (application_id),
    buddy_user_id   VARCHAR(100)  NOT NULL,
    score           INT,
    rank_position   INT,
    explanation     VARCHAR(400),
    override_reason VARCHAR(4000),
    source          VARCHAR(20)   NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    proposed_by     VARCHAR(100)  NOT NULL,
    proposed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at     TIMESTAMP WITH TIME ZONE,
    decline_reason  VARCHAR(4000)
);
CREATE INDEX match_proposal_request ON match_proposal (request_id);
CREATE INDEX match_proposal_buddy_status ON match_proposal (buddy_id, status);
-- At most one open proposal per request.
CREATE UNIQUE INDEX match_proposal_one_pending ON match_proposal (request_id) WHERE status = 'PENDING';

CREATE TABLE buddy_match (
    id                UUID         PRIMARY KEY,
    request_id        UUID         NOT NULL REFERENCES help_request (id),
    buddy_id          UUID         NOT NULL REFERENCES matching_buddy (application_id),
    region_code       VARCHAR(32)  NOT NULL REFERENCES region (code),
    status            VARCHAR(20)  NOT NULL,
    accepted_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    first_contact_on  DATE,
    first_contact_note VARCHAR(4000),
    introduction_on   DATE,
    introduction_note VARCHAR(4000),
    activated_at      TIMESTAMP WITH TIME ZONE,
    ended_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX buddy_match_buddy_status ON buddy_match (buddy_id, status);
-- A request has at most one match that is starting or active.
CREATE UNIQUE INDEX buddy_match_one_open ON buddy_match (request_id) WHERE status IN ('STARTING', 'ACTIVE');
