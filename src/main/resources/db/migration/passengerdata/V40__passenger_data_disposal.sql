-- Passenger data masked and deleted on the retention clock (see docs/adr/0041).

-- Travellers kept for an enhanced check: the passenger data clock leaves them (and their
-- booking) alone, and they are masked and deleted with the check. The screening work makes
-- these links; the check lives in another module, so it is named by id only. A later message
-- that replaces the flight's list before the flight replaces a kept traveller, and its keep.
CREATE TABLE pd_kept_for_check (
    traveller_id UUID                     NOT NULL REFERENCES pd_traveller (id) ON DELETE CASCADE,
    check_id     UUID                     NOT NULL,
    kept_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (traveller_id, check_id)
);

CREATE INDEX pd_kept_for_check_check ON pd_kept_for_check (check_id);
CREATE INDEX pd_message_flight_flight ON pd_message_flight (flight_id);
CREATE INDEX pd_traveller_message ON pd_traveller (message_id);
CREATE INDEX pd_booking_message ON pd_booking (message_id);
