-- Information from the public. Contact details are kept only when the reporter gives them.
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
    version      BIGINT        NOT NULL
);

CREATE INDEX public_report_received ON public_report (status, received_at);
