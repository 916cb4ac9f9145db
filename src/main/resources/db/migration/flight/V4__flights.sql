-- The flights of an operation. scheduled is local time at the operation's port.
CREATE TABLE flight (
    id             UUID        PRIMARY KEY,
    operation_id   UUID        NOT NULL,
    flight_number  VARCHAR(8)  NOT NULL,
    airline        VARCHAR(80),
    direction      VARCHAR(10) NOT NULL,
    airport        VARCHAR(3)  NOT NULL,
    country        VARCHAR(2)  NOT NULL,
    scheduled      TIMESTAMP   NOT NULL,
    scheduled_date DATE        NOT NULL,
    terminal       VARCHAR(20),
    stand          VARCHAR(20),
    status         VARCHAR(12) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT      NOT NULL,
    CONSTRAINT flight_unique UNIQUE (operation_id, flight_number, scheduled_date, direction)
);

CREATE INDEX flight_operation_time ON flight (operation_id, scheduled);

CREATE TABLE flight_officer (
    flight_id UUID NOT NULL REFERENCES flight (id),
    user_id   UUID NOT NULL,
    PRIMARY KEY (flight_id, user_id)
);
