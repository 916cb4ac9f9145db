-- Email waiting to go, and gone: written in the same transaction as what it tells of, sent by
-- a job that retries with backoff, so that a mail server down or a restart loses nothing.
CREATE TABLE outbound_mail (
    id                 UUID          PRIMARY KEY,
    purpose            VARCHAR(16)   NOT NULL,
    support_request_id UUID,
    recipient          VARCHAR(254)  NOT NULL,
    subject            VARCHAR(200)  NOT NULL,
    body               VARCHAR(4000) NOT NULL,
    status             VARCHAR(8)    NOT NULL,
    attempts           INT           NOT NULL,
    next_attempt_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error         VARCHAR(500),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at            TIMESTAMP WITH TIME ZONE,
    version            BIGINT        NOT NULL
);

CREATE INDEX outbound_mail_due ON outbound_mail (status, next_attempt_at);

-- Support requests whose unanswered call was escalated, each once.
CREATE TABLE escalation (
    support_request_id UUID PRIMARY KEY,
    escalated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
