-- A check has one referral in force at a time, and the database holds it, so that a start sent
-- several times at once (a double click, a hasty retry, two Waymark nodes) makes one referral.
-- in_force_check_id repeats check_id while the referral is in force and is NULL once it has been
-- withdrawn or set aside; NULLs never clash in a UNIQUE constraint, on H2 or on PostgreSQL (a
-- partial unique index would say the same, but H2 has none).
ALTER TABLE referral ADD COLUMN in_force_check_id UUID;

-- Where starts sent at once before this change left a check more than one referral in force, the
-- first one started holds the check's place. The others are kept as they were, in force and
-- listed, and the check still takes no new referral while any of them is.
UPDATE referral SET in_force_check_id = check_id
WHERE status NOT IN ('WITHDRAWN', 'DISCARDED')
  AND NOT EXISTS (
      SELECT 1 FROM referral earlier
      WHERE earlier.check_id = referral.check_id
        AND earlier.status NOT IN ('WITHDRAWN', 'DISCARDED')
        AND (earlier.created_at < referral.created_at
             OR earlier.created_at = referral.created_at AND earlier.id < referral.id));

ALTER TABLE referral ADD CONSTRAINT referral_one_in_force UNIQUE (in_force_check_id);
