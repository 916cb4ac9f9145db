-- Safeguarding watch lists: who is looked for among the passengers of monitored flights, by whom,
-- and on what authority. An entry past its review date stops matching until it is reviewed.
CREATE TABLE screening_watch_list (
    id              UUID         PRIMARY KEY,
    kind            VARCHAR(30)  NOT NULL,
    name            VARCHAR(200) NOT NULL,
    owner_agency_id UUID         NOT NULL,
    source          VARCHAR(200) NOT NULL,
    created_by      UUID         NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One person looked for. Consent is recorded for people at risk of re-trafficking who asked for
-- help (who recorded it, and when); a removed entry is kept with who removed it and when.
CREATE TABLE screening_watch_list_entry (
    id                  UUID          PRIMARY KEY,
    watch_list_id       UUID          NOT NULL REFERENCES screening_watch_list (id),
    family_name         VARCHAR(200)  NOT NULL,
    given_names         VARCHAR(200),
    birth_date          DATE,
    source              VARCHAR(200)  NOT NULL,
    owner               VARCHAR(200)  NOT NULL,
    review_date         DATE          NOT NULL,
    consent_recorded_by VARCHAR(200),
    consent_recorded_on DATE,
    note                VARCHAR(1000),
    added_by            UUID          NOT NULL,
    added_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    removed_by          UUID,
    removed_at          TIMESTAMP WITH TIME ZONE
);

CREATE INDEX screening_watch_list_entry_list ON screening_watch_list_entry (watch_list_id, removed_at);
