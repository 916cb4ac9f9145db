-- The limit on reports from the public, shared by every node (ADR 0019): each client's current
-- window and how many reports it made in it. A client is an IPv4 address or an IPv6 /64 network.
CREATE TABLE report_limit (
    client       VARCHAR(64) NOT NULL,
    window_start TIMESTAMP   NOT NULL,
    reports      INTEGER     NOT NULL,
    CONSTRAINT pk_report_limit PRIMARY KEY (client)
);
CREATE INDEX ix_report_limit_window ON report_limit (window_start);
