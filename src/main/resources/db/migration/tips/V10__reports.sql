-- Information from the public, and its triage. Contact details are kept only when the reporter
-- gives them, and shown only to the officer it is assigned to and to coordinators.
CREATE TABLE public_report (
    id           UUID          PRIMARY KEY,
    reference    VARCHAR(12)   NOT NULL UNIQUE,
    what         VARCHAR(5000) NOT NULL,
    place        VARCHAR(500),
    happened     VARCHAR(200),
    who          VARCHAR(2000),
    contact      VARCHAR(500),
    status       VARCHAR(20)   NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    assignee_id  UUID,
    operation_id UUID,
    version      BIGINT        NOT NULL
);

CREATE INDEX public_report_received ON public_report (status, received_at);

-- Notes of the triage, in the order written.
CREATE TABLE public_report_note (
    public_report_id UUID          NOT NULL REFERENCES public_report (id),
    entry_index      INT           NOT NULL,
    author_id        UUID          NOT NULL,
    written_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    text             VARCHAR(2000) NOT NULL,
    PRIMARY KEY (public_report_id, entry_index)
);
