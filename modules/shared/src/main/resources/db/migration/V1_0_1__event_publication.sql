-- Spring Modulith's event publication registry (JPA): an event published inside a transaction
-- is stored with it and delivered to each listener until that listener completes.
CREATE TABLE event_publication (
    id               UUID                     PRIMARY KEY,
    listener_id      TEXT                     NOT NULL,
    event_type       TEXT                     NOT NULL,
    serialized_event TEXT                     NOT NULL,
    publication_date TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_open ON event_publication (completion_date, publication_date);
