-- The country of a tally's flight (its other airport's), recorded with the tally and kept in the
-- counts, so that passengers per country are added up in the database. Null away from any flight.
-- Tallies and counts from before are given their flights' countries by the fold job.
ALTER TABLE engagement ADD COLUMN country VARCHAR(2);
ALTER TABLE engagement_count ADD COLUMN country VARCHAR(2);
