-- The day a tally was recorded, as a date at the operation's port; for tallies recorded before,
-- the date in the database's time zone.
ALTER TABLE engagement ADD COLUMN recorded_on DATE;
UPDATE engagement SET recorded_on = CAST(recorded_at AS DATE);
ALTER TABLE engagement ALTER COLUMN recorded_on SET NOT NULL;

-- Tallies past taking back are folded into counts per place and day, so that figures stay
-- fast however many tallies there are. A tally's fold_batch is null until it is folded.
ALTER TABLE engagement ADD COLUMN fold_batch UUID;
CREATE INDEX engagement_unfolded ON engagement (operation_id, fold_batch);
CREATE INDEX engagement_to_fold ON engagement (fold_batch, recorded_at);

-- place is the flight's id, or '@' and the location, so that it can be part of the key.
CREATE TABLE engagement_count (
    operation_id UUID        NOT NULL,
    place        VARCHAR(81) NOT NULL,
    flight_id    UUID,
    location     VARCHAR(80),
    recorded_on  DATE        NOT NULL,
    passengers   BIGINT      NOT NULL,
    leaflets     BIGINT      NOT NULL,
    PRIMARY KEY (operation_id, place, recorded_on)
);

CREATE TABLE engagement_language_count (
    operation_id UUID       NOT NULL,
    language     VARCHAR(3) NOT NULL,
    passengers   BIGINT     NOT NULL,
    PRIMARY KEY (operation_id, language)
);
