-- What screening found, waiting for a person's decision, and what officers were asked to do.
-- A hit keeps its own copy of what a reviewer and an officer need (name, seat), as the
-- passenger data's traveller rows change with every later message and are masked on a clock.
-- Operations, flights, users, rules and lists are referred to by id only: other modules own them.
CREATE TABLE screening_hit (
    id              UUID PRIMARY KEY,
    operation_id    UUID NOT NULL,
    flight_id       UUID NOT NULL,
    pd_flight_id    UUID NOT NULL,
    traveller_id    UUID,
    person_key      VARCHAR(64) NOT NULL,
    name            VARCHAR(300) NOT NULL,
    seat            VARCHAR(10),
    departure       TIMESTAMP WITH TIME ZONE,
    kind            VARCHAR(20) NOT NULL,
    source_id       UUID NOT NULL,
    source_owner_id UUID,
    title           VARCHAR(300) NOT NULL,
    priority        INT NOT NULL,
    score           DOUBLE PRECISION,
    reasons         VARCHAR(4000) NOT NULL,
    status          VARCHAR(20) NOT NULL,
    decided_by      UUID,
    decided_at      TIMESTAMP WITH TIME ZONE,
    decision_note   VARCHAR(500),
    referred_to     VARCHAR(200),
    found_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT screening_hit_once UNIQUE (operation_id, pd_flight_id, person_key, kind, source_id)
);

CREATE INDEX screening_hit_queue ON screening_hit (operation_id, departure, priority);
CREATE INDEX screening_hit_owner ON screening_hit (source_owner_id);
CREATE INDEX screening_hit_person ON screening_hit (person_key);

-- An officer's request to speak with someone: only a reviewer's decision to ask makes one, and it
-- holds only what officers need to find the person.
CREATE TABLE screening_request (
    id           UUID PRIMARY KEY,
    hit_id       UUID NOT NULL REFERENCES screening_hit (id),
    operation_id UUID NOT NULL,
    flight_id    UUID NOT NULL,
    name         VARCHAR(300) NOT NULL,
    seat         VARCHAR(10),
    description  VARCHAR(500) NOT NULL,
    why          VARCHAR(500) NOT NULL,
    asked_by     UUID NOT NULL,
    asked_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    result       VARCHAR(20),
    result_by    UUID,
    result_at    TIMESTAMP WITH TIME ZONE,
    result_note  VARCHAR(200),
    CONSTRAINT screening_request_one_per_hit UNIQUE (hit_id)
);

CREATE INDEX screening_request_flight ON screening_request (operation_id, flight_id);
