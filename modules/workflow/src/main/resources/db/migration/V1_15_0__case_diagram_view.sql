-- Who looked at a case's process diagrams, and when.
CREATE TABLE case_diagram_view (
    id              BIGSERIAL    PRIMARY KEY,
    case_reference  VARCHAR(64)  NOT NULL,
    viewed_by       VARCHAR(100) NOT NULL,
    viewed_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX case_diagram_view_case ON case_diagram_view (case_reference, viewed_at);
