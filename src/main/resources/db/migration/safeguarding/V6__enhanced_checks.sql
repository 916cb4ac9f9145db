-- Enhanced checks: the most sensitive records in Waymark. The person is recorded as minimally
-- as the outcome allows; facts (indicators, the person's account) are kept apart from the
-- officer's opinion. Operations, flights, agencies and users are referred to by id only.

-- The indicator catalogue, versioned: every addition or retirement makes a new catalogue
-- version; a retired indicator stays readable on the checks that recorded it.
CREATE TABLE indicator (
    code              VARCHAR(10)  PRIMARY KEY,
    indicator_group   VARCHAR(20)  NOT NULL,
    exploitation_type VARCHAR(4)   NOT NULL,
    wording           VARCHAR(200) NOT NULL,
    added_in          INTEGER      NOT NULL,
    retired_in        INTEGER,
    display_order     INTEGER      NOT NULL
);

CREATE TABLE indicator_catalogue_change (
    catalogue_version INTEGER     PRIMARY KEY,
    indicator_code    VARCHAR(10),
    change_kind       VARCHAR(10) NOT NULL,
    changed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by        UUID
);

INSERT INTO indicator_catalogue_change (catalogue_version, indicator_code, change_kind, changed_at, changed_by)
VALUES (1, NULL, 'FIRST', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', NULL);
INSERT INTO indicator (code, indicator_group, exploitation_type, wording, added_in, display_order) VALUES
    ('T01', 'TRAVEL', 'ALL', 'Companion holds their passport or boarding pass', 1, 1),
    ('T02', 'TRAVEL', 'ALL', 'Does not know destination address or who is meeting them', 1, 2),
    ('T03', 'TRAVEL', 'ALL', 'Vague or too-good job offer (restaurant, au pair, model)', 1, 3),
    ('T04', 'TRAVEL', 'ALL', 'Ticket bought last-minute, in cash, or by someone else', 1, 4),
    ('T05', 'TRAVEL', 'ALL', 'Recruiter or companion paid for travel and documents', 1, 5),
    ('T06', 'TRAVEL', 'ALL', 'Travels with someone seated elsewhere who watches them', 1, 6),
    ('T07', 'TRAVEL', 'ALL', 'Claims to travel alone; story changes', 1, 7),
    ('T08', 'TRAVEL', 'ALL', 'No money or means, or unusual amounts of cash', 1, 8),
    ('T09', 'TRAVEL', 'ALL', 'Reluctant to give travel details', 1, 9),
    ('T10', 'TRAVEL', 'ALL', 'Little or no luggage', 1, 10),
    ('T11', 'TRAVEL', 'ALL', 'Alone, looks lost, fears a companion', 1, 11),
    ('T12', 'TRAVEL', 'ALL', 'Verbally abused on board (crew report)', 1, 12),
    ('T13', 'TRAVEL', 'ALL', 'One-way ticket, no return plan', 1, 13),
    ('T14', 'TRAVEL', 'ALL', 'Leaving the UK under someone else’s control', 1, 14),
    ('G01', 'SITUATIONAL', 'ALL', 'Someone else holds their passport or ID', 1, 15),
    ('G02', 'SITUATIONAL', 'ALL', 'Debt to employer, recruiter or travel arranger', 1, 16),
    ('G03', 'SITUATIONAL', 'ALL', 'Little or no pay; deductions for food or housing', 1, 17),
    ('G04', 'SITUATIONAL', 'ALL', 'Movement restricted; rarely alone', 1, 18),
    ('G05', 'SITUATIONAL', 'ALL', 'Threats to them or family; threats of deportation', 1, 19),
    ('G06', 'SITUATIONAL', 'ALL', 'Depends on employer for work, transport, housing', 1, 20),
    ('G07', 'SITUATIONAL', 'ALL', 'Does not know home or work address', 1, 21),
    ('G08', 'SITUATIONAL', 'ALL', 'Isolated; little contact with family', 1, 22),
    ('P01', 'PSYCHOLOGICAL', 'ALL', 'Fearful or anxious; avoids eye contact', 1, 23),
    ('P02', 'PSYCHOLOGICAL', 'ALL', 'Distrusts authorities', 1, 24),
    ('P03', 'PSYCHOLOGICAL', 'ALL', 'Acts as if instructed; someone speaks for them', 1, 25),
    ('P04', 'PSYCHOLOGICAL', 'ALL', 'Scripted story, or identical to others’', 1, 26),
    ('P05', 'PSYCHOLOGICAL', 'ALL', 'Signs of trauma; gaps in memory', 1, 27),
    ('P06', 'PSYCHOLOGICAL', 'ALL', 'Does not see self as a victim', 1, 28),
    ('P07', 'PSYCHOLOGICAL', 'ALL', 'Substance misuse; seems sedated', 1, 29),
    ('H01', 'PHYSICAL', 'ALL', 'Untreated injuries; signs of abuse', 1, 30),
    ('H02', 'PHYSICAL', 'ALL', 'Malnourished, unkempt, exhausted', 1, 31),
    ('H03', 'PHYSICAL', 'ALL', 'Clothing unsuited to job or weather', 1, 32),
    ('S01', 'TYPE_SPECIFIC', 'SEX', 'Moved between brothels; escorted', 1, 33),
    ('S02', 'TYPE_SPECIFIC', 'SEX', 'Few clothes, mostly sexual; only sex-related words in English', 1, 34),
    ('S03', 'TYPE_SPECIFIC', 'SEX', 'Advertised on adult-services websites', 1, 35),
    ('S04', 'TYPE_SPECIFIC', 'SEX', 'No money of their own; phone keeps ringing', 1, 36),
    ('L01', 'TYPE_SPECIFIC', 'LAB', 'No protective equipment; long hours; no contract', 1, 37),
    ('L02', 'TYPE_SPECIFIC', 'LAB', 'Wages paid to an account someone else controls', 1, 38),
    ('D01', 'TYPE_SPECIFIC', 'DS', 'Rarely out alone; sleeps on a sofa; eats leftovers', 1, 39),
    ('C01', 'TYPE_SPECIFIC', 'CRIM', 'Cannabis cultivation, county lines, begging, theft', 1, 40),
    ('K01', 'CHILD', 'CH', 'Child not with family, or not fitting the group', 1, 41),
    ('K02', 'CHILD', 'CH', 'Much older “partner”', 1, 42),
    ('K03', 'CHILD', 'CH', 'Age unclear: treat as a child', 1, 43);

CREATE TABLE enhanced_check (
    id                           UUID         PRIMARY KEY,
    operation_id                 UUID         NOT NULL,
    flight_id                    UUID,
    location                     VARCHAR(80),
    category                     VARCHAR(20)  NOT NULL,
    status                       VARCHAR(10)  NOT NULL,
    catalogue_version            INTEGER      NOT NULL,
    agency_id                    UUID         NOT NULL,
    started_by                   UUID         NOT NULL,
    started_at                   TIMESTAMP WITH TIME ZONE NOT NULL,
    name                         VARCHAR(120),
    name_not_given               BOOLEAN      NOT NULL,
    age                          INTEGER,
    date_of_birth                DATE,
    under18                      VARCHAR(10)  NOT NULL,
    gender                       VARCHAR(20),
    nationality                  VARCHAR(2),
    interpreter_language         VARCHAR(3),
    interpreter_mode             VARCHAR(10),
    travelling_with              INTEGER,
    travelling_with_relationship VARCHAR(120),
    final_destination            VARCHAR(200),
    account                      VARCHAR(15000),
    opinion                      VARCHAR(15000),
    outcome_note                 VARCHAR(2000),
    closed_at                    TIMESTAMP WITH TIME ZONE,
    closed_by                    UUID,
    version                      BIGINT       NOT NULL
);

CREATE INDEX enhanced_check_operation ON enhanced_check (operation_id);

CREATE TABLE check_language (
    check_id UUID       NOT NULL REFERENCES enhanced_check (id),
    language VARCHAR(3) NOT NULL,
    PRIMARY KEY (check_id, language)
);

CREATE TABLE check_exploitation_type (
    check_id          UUID        NOT NULL REFERENCES enhanced_check (id),
    exploitation_type VARCHAR(20) NOT NULL,
    PRIMARY KEY (check_id, exploitation_type)
);

CREATE TABLE check_indicator (
    check_id       UUID         NOT NULL REFERENCES enhanced_check (id),
    indicator_code VARCHAR(10)  NOT NULL REFERENCES indicator (code),
    basis          VARCHAR(12)  NOT NULL,
    note           VARCHAR(1000),
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by    UUID         NOT NULL,
    PRIMARY KEY (check_id, indicator_code)
);

CREATE TABLE check_advice (
    check_id    UUID         NOT NULL REFERENCES enhanced_check (id),
    entry_index INTEGER      NOT NULL,
    kind        VARCHAR(30)  NOT NULL,
    given_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    note        VARCHAR(500),
    recorded_by UUID         NOT NULL,
    PRIMARY KEY (check_id, entry_index)
);

CREATE TABLE check_outcome (
    check_id UUID        NOT NULL REFERENCES enhanced_check (id),
    outcome  VARCHAR(40) NOT NULL,
    PRIMARY KEY (check_id, outcome)
);

-- A navigator, SARC worker or interpreter asked for by a check, and how fast they came.
CREATE TABLE support_request (
    id              UUID        PRIMARY KEY,
    check_id        UUID        NOT NULL REFERENCES enhanced_check (id),
    operation_id    UUID        NOT NULL,
    agency_id       UUID        NOT NULL,
    kind            VARCHAR(12) NOT NULL,
    status          VARCHAR(12) NOT NULL,
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_by    UUID        NOT NULL,
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    acknowledged_by UUID,
    arrived_at      TIMESTAMP WITH TIME ZONE,
    ended_at        TIMESTAMP WITH TIME ZONE,
    version         BIGINT      NOT NULL
);

CREATE INDEX support_request_agency ON support_request (agency_id, requested_at);
CREATE INDEX support_request_check ON support_request (check_id);
