-- Each schedule import started from the page, so that whichever node a person's next request
-- reaches can say how far it has got. The node running the import writes its progress here
-- and beats the heartbeat while it holds the import; an unfinished import whose heartbeat has
-- stopped is shown as stopped. Forgotten an hour after it finished or stopped.
CREATE TABLE schedule_import (
    id           UUID        PRIMARY KEY,
    started_by   UUID        NOT NULL,
    operation_id UUID        NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    saved        INTEGER     NOT NULL,
    heartbeat    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    -- the result as JSON: accepted, duplicates and each refused row's line and reason (up to
    -- 50,000 rows, hence TEXT rather than a VARCHAR of a set length)
    result       TEXT,
    -- or the message code of the problem that stopped the whole file
    problem      VARCHAR(100)
);

CREATE INDEX schedule_import_heartbeat ON schedule_import (heartbeat);
