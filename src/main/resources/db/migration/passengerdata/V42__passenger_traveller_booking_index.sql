-- Each newer PNR push deletes its flight's bookings, and PostgreSQL checks every deleted booking
-- against pd_traveller.booking_id: without an index, by reading the whole table each time, so
-- that taking in a push grew slower with every traveller stored (H2 indexes a foreign key's
-- columns by itself).
CREATE INDEX pd_traveller_booking ON pd_traveller (booking_id);
