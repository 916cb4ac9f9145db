-- Which operation's flight each flight of the passenger data is: an arrival at the operation's
-- port or a departure from it, within its dates, with the same carrier, number, day and
-- direction. One link per flight of the passenger data and operation, however often a message
-- for it comes. Operations and their flights are referred to by id only: other modules own them.
CREATE TABLE pd_flight_link (
    pd_flight_id UUID NOT NULL REFERENCES pd_flight (id),
    operation_id UUID NOT NULL,
    flight_id    UUID NOT NULL,
    linked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (pd_flight_id, operation_id)
);

CREATE INDEX pd_flight_link_operation ON pd_flight_link (operation_id, flight_id);
