-- Whether a flight that passenger data speak of, and that the operation has not listed, is added
-- to the operation's flights.
ALTER TABLE operation ADD COLUMN add_flights_from_passenger_data BOOLEAN DEFAULT FALSE NOT NULL;
