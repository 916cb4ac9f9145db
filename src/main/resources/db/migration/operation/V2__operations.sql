-- Operations (weeks of action) and what they focus on. Agencies are referred to by id only:
-- the identity module owns that table.
CREATE TABLE operation (
    id             UUID         PRIMARY KEY,
    name           VARCHAR(120) NOT NULL,
    port           VARCHAR(3)   NOT NULL,
    start_date     DATE         NOT NULL,
    end_date       DATE         NOT NULL,
    status         VARCHAR(10)  NOT NULL,
    lead_agency_id UUID         NOT NULL,
    created_by     UUID         NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT       NOT NULL
);

CREATE TABLE operation_agency (
    operation_id UUID NOT NULL REFERENCES operation (id),
    agency_id    UUID NOT NULL,
    PRIMARY KEY (operation_id, agency_id)
);

CREATE INDEX operation_agency_agency ON operation_agency (agency_id);

CREATE TABLE operation_focus_type (
    operation_id      UUID        NOT NULL REFERENCES operation (id),
    exploitation_type VARCHAR(20) NOT NULL,
    PRIMARY KEY (operation_id, exploitation_type)
);

CREATE TABLE operation_focus_country (
    operation_id UUID       NOT NULL REFERENCES operation (id),
    country_code VARCHAR(2) NOT NULL,
    PRIMARY KEY (operation_id, country_code)
);
