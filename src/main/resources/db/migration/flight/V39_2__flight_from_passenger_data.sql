-- Whether the flight was added because passenger data spoke of it, rather than by a person or a
-- schedule file.
ALTER TABLE flight ADD COLUMN from_passenger_data BOOLEAN DEFAULT FALSE NOT NULL;
