-- The request officers were asked through about a hit: its own, or the one it joined (another
-- rule or list found the same person on the same flight, and officers are asked once), so that
-- the officer's result counts for every rule and list that found the person.
ALTER TABLE screening_hit ADD COLUMN request_id UUID;

UPDATE screening_hit SET request_id = (SELECT r.id FROM screening_request r WHERE r.hit_id = screening_hit.id)
WHERE status = 'ASKED';

-- Hits that joined a request before the column: the request made about the same person on the
-- flight last before the hit was decided, as the hit's page found it
UPDATE screening_hit SET request_id = (
    SELECT r.id FROM screening_request r JOIN screening_hit asked ON asked.id = r.hit_id
    WHERE asked.person_key = screening_hit.person_key AND asked.operation_id = screening_hit.operation_id
        AND asked.flight_id = screening_hit.flight_id AND r.asked_at <= screening_hit.decided_at
    ORDER BY r.asked_at DESC FETCH FIRST 1 ROWS ONLY)
WHERE status = 'ASKED' AND request_id IS NULL;
