-- Passenger engagement tallies: counts only, never personal data.
CREATE TABLE engagement (
    id              UUID         PRIMARY KEY,
    operation_id    UUID         NOT NULL,
    flight_id       UUID,
    location        VARCHAR(80),
    passengers      INTEGER      NOT NULL,
    leaflets        INTEGER      NOT NULL,
    recorded_by     UUID         NOT NULL,
    agency_id       UUID         NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    undone_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT engagement_once UNIQUE (recorded_by, idempotency_key)
);

CREATE INDEX engagement_operation ON engagement (operation_id);
CREATE INDEX engagement_flight ON engagement (flight_id);

CREATE TABLE engagement_language (
    engagement_id UUID       NOT NULL REFERENCES engagement (id),
    language      VARCHAR(3) NOT NULL,
    PRIMARY KEY (engagement_id, language)
);
