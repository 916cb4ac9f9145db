-- Partner cover of an operation: who is on call, for which kind of support, from when to when
-- (local time at the operation's port), and how to reach them.
CREATE TABLE rota_slot (
    id           UUID         PRIMARY KEY,
    operation_id UUID         NOT NULL REFERENCES operation (id),
    agency_id    UUID         NOT NULL,
    user_id      UUID,
    kind         VARCHAR(12)  NOT NULL,
    starts_at    TIMESTAMP    NOT NULL,
    ends_at      TIMESTAMP    NOT NULL,
    phone        VARCHAR(40),
    email        VARCHAR(254),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   UUID         NOT NULL,
    version      BIGINT       NOT NULL
);

CREATE INDEX rota_slot_operation ON rota_slot (operation_id, kind, starts_at);

-- How long a call to a partner may go unanswered before it is escalated (when not 10 minutes).
CREATE TABLE rota_setting (
    operation_id           UUID PRIMARY KEY REFERENCES operation (id),
    escalate_after_minutes INT  NOT NULL
);
