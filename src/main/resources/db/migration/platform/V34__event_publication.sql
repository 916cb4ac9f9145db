-- Spring Modulith's event publication registry (its JDBC store, schema v2): a reaction of one
-- module to another's event is recorded in the transaction that raised the event, marked done
-- when the listener has run in its own, and run again if it failed or the process stopped first.
-- Written once for H2 and PostgreSQL (the library's scripts differ only in types and indexes).
CREATE TABLE event_publication (
    id                     UUID NOT NULL PRIMARY KEY,
    listener_id            VARCHAR(512) NOT NULL,
    event_type             VARCHAR(512) NOT NULL,
    serialized_event       VARCHAR NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_by_completion_date ON event_publication (completion_date);
