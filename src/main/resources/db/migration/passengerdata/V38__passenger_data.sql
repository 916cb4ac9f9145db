-- Passenger data messages as received, and what they said about each flight. See
-- docs/data-protection.md for what is kept, for how long and who sees it.

-- Every message received, kept whatever became of it. The raw text is kept as received, but for
-- card and frequent flyer numbers, which are blanked before it is stored; it is emptied when the
-- message is masked.
CREATE TABLE pd_message (
    id               UUID          PRIMARY KEY,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- where it came from, in words: the gateway account's name, or the inbox file's name
    received_from    VARCHAR(300)  NOT NULL,
    -- the gateway account that sent it, when it came through the API
    sender_user_id   UUID,
    -- SHA-256 of the bytes received, in hex: the same message sent again is a duplicate
    content_hash     CHAR(64)      NOT NULL UNIQUE,
    raw              BYTEA,
    size_bytes       INT           NOT NULL,
    -- RECEIVED, PARSED, APPLIED or FAILED (see MessageStatus)
    status           VARCHAR(10)   NOT NULL,
    type             VARCHAR(10),
    version          VARCHAR(10),
    sender           VARCHAR(100),
    reference        VARCHAR(100),
    prepared_at      TIMESTAMP,
    passengers       INT           NOT NULL DEFAULT 0,
    bookings         INT           NOT NULL DEFAULT 0,
    failure          VARCHAR(1000),
    failure_segment  VARCHAR(10),
    failure_position INT,
    masked_at        TIMESTAMP WITH TIME ZONE
);

CREATE INDEX pd_message_status ON pd_message (status, received_at);

CREATE TABLE pd_message_warning (
    message_id UUID          NOT NULL REFERENCES pd_message (id),
    ordinal    INT           NOT NULL,
    segment    VARCHAR(10),
    position   INT           NOT NULL,
    text       VARCHAR(500)  NOT NULL,
    PRIMARY KEY (message_id, ordinal)
);

-- The flights messages spoke of, one row per flight and day: carrier, number, the day it leaves
-- (local at its origin) and where from. Counts stay after the passengers are deleted.
CREATE TABLE pd_flight (
    id                 UUID         PRIMARY KEY,
    carrier            VARCHAR(3)   NOT NULL,
    number             VARCHAR(5)   NOT NULL,
    departure_date     DATE         NOT NULL,
    origin             VARCHAR(3)   NOT NULL,
    destination        VARCHAR(3)   NOT NULL,
    departure_local    TIMESTAMP,
    arrival_local      TIMESTAMP,
    departure_utc      TIMESTAMP WITH TIME ZONE,
    arrival_utc        TIMESTAMP WITH TIME ZONE,
    -- other carriers' numbers, space separated; and every leg, as ORG-DST pairs space separated
    codeshares         VARCHAR(200) NOT NULL DEFAULT '',
    legs               VARCHAR(200) NOT NULL DEFAULT '',
    -- the message of each kind (passenger list, crew list, PNR push) applied last, and the order
    -- it was applied by, with the parts of it applied so far (multi-part messages), as ,1,2,
    api_message_id     UUID,
    api_order          VARCHAR(150),
    api_parts          VARCHAR(200),
    crew_message_id    UUID,
    crew_order         VARCHAR(150),
    crew_parts         VARCHAR(200),
    pnr_message_id     UUID,
    pnr_order          VARCHAR(150),
    pnr_parts          VARCHAR(200),
    -- passengers (crew excluded): by API where it came, else by the PNRs
    passengers         INT          NOT NULL DEFAULT 0,
    masked_at          TIMESTAMP WITH TIME ZONE,
    deleted_at         TIMESTAMP WITH TIME ZONE,
    version_no         BIGINT       NOT NULL,
    UNIQUE (carrier, number, departure_date, origin)
);

CREATE INDEX pd_flight_departure ON pd_flight (departure_utc);

-- The flights each message spoke of, in the order it named them.
CREATE TABLE pd_message_flight (
    message_id UUID NOT NULL REFERENCES pd_message (id),
    ordinal    INT  NOT NULL,
    flight_id  UUID NOT NULL REFERENCES pd_flight (id),
    PRIMARY KEY (message_id, ordinal)
);

CREATE TABLE pd_booking (
    id                 UUID          PRIMARY KEY,
    flight_id          UUID          NOT NULL REFERENCES pd_flight (id),
    message_id         UUID          NOT NULL REFERENCES pd_message (id),
    -- the record locator, where the push gave one
    locator            VARCHAR(20),
    booked_on          DATE,
    days_before        INT,
    one_way            BOOLEAN       NOT NULL,
    -- every flight of the booking: CC1234 ORG-DST yyyy-MM-ddTHH:mm, one per line
    itinerary          VARCHAR(2000) NOT NULL,
    payment_type       VARCHAR(10),
    -- keyed hash (HMAC-SHA-256, hex) of the card number; the number itself is never stored
    card_hash          CHAR(64),
    payer_name         VARCHAR(200),
    travel_agency      VARCHAR(200)
);

CREATE INDEX pd_booking_flight ON pd_booking (flight_id);

CREATE TABLE pd_contact (
    booking_id UUID         NOT NULL REFERENCES pd_booking (id),
    ordinal    INT          NOT NULL,
    kind       VARCHAR(10)  NOT NULL,
    normalised VARCHAR(500) NOT NULL,
    PRIMARY KEY (booking_id, ordinal)
);

CREATE TABLE pd_frequent_flyer (
    booking_id UUID     NOT NULL REFERENCES pd_booking (id),
    ordinal    INT      NOT NULL,
    -- keyed hash of carrier:number
    number_hash CHAR(64) NOT NULL,
    PRIMARY KEY (booking_id, ordinal)
);

-- People on a flight, from the message of each kind applied last.
CREATE TABLE pd_traveller (
    id              UUID         PRIMARY KEY,
    flight_id       UUID         NOT NULL REFERENCES pd_flight (id),
    message_id      UUID         NOT NULL REFERENCES pd_message (id),
    -- PAXLST (a passenger list), CREWLIST (a PAXLST crew list) or PNRGOV
    source          VARCHAR(10)  NOT NULL,
    ordinal         INT          NOT NULL,
    -- PASSENGER, INFANT or CREW
    type            VARCHAR(10)  NOT NULL,
    family_name     VARCHAR(200) NOT NULL,
    given_names     VARCHAR(200),
    birth_date      DATE,
    gender          VARCHAR(2),
    nationality     VARCHAR(3),
    residence       VARCHAR(3),
    document_type   VARCHAR(3),
    document_number VARCHAR(50),
    document_country VARCHAR(3),
    document_expiry DATE,
    seat            VARCHAR(5),
    bags            INT,
    checked_in      BOOLEAN,
    boarded         BOOLEAN,
    booking_id      UUID         REFERENCES pd_booking (id),
    booking_locator VARCHAR(20),
    reference       VARCHAR(50)
);

CREATE INDEX pd_traveller_flight ON pd_traveller (flight_id, source, ordinal);
