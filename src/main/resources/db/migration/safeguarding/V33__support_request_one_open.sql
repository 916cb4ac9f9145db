-- An agency is asked for one kind of support for a check once at a time, and the database holds
-- it, so that the same request sent several times at once (a double click, a hasty retry, two
-- Waymark nodes) asks once. open_check_id repeats check_id while the request is open and is NULL
-- once the support has ended; NULLs never clash in a UNIQUE constraint, on H2 or on PostgreSQL
-- (a partial unique index would say the same, but H2 has none).
ALTER TABLE support_request ADD COLUMN open_check_id UUID;

-- Where requests sent at once before this change left more than one open for the same check,
-- agency and support, the first one asked holds the place. The others are kept as they were,
-- open and followed as before, and the agency is not asked again while any of them is open.
UPDATE support_request SET open_check_id = check_id
WHERE status <> 'ENDED'
  AND NOT EXISTS (
      SELECT 1 FROM support_request earlier
      WHERE earlier.check_id = support_request.check_id
        AND earlier.agency_id = support_request.agency_id
        AND earlier.kind = support_request.kind
        AND earlier.status <> 'ENDED'
        AND (earlier.requested_at < support_request.requested_at
             OR earlier.requested_at = support_request.requested_at AND earlier.id < support_request.id));

ALTER TABLE support_request ADD CONSTRAINT support_request_one_open UNIQUE (open_check_id, agency_id, kind);
