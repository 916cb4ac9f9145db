-- Each back-test run of a rule version over stored passenger data: who ran it, when, over which
-- days, and what it found, as counts only (no person is named in a result).
CREATE TABLE screening_backtest (
    id               UUID          PRIMARY KEY,
    rule_id          UUID          NOT NULL REFERENCES screening_rule (id),
    version_id       UUID          NOT NULL REFERENCES screening_rule_version (id),
    from_day         DATE          NOT NULL,
    to_day           DATE          NOT NULL,
    run_by           UUID          NOT NULL,
    run_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    reason           VARCHAR(300)  NOT NULL,
    flights          INT           NOT NULL,
    passengers       INT           NOT NULL,
    hits             INT           NOT NULL,
    -- the figures by day, by route, outcomes and overlap with live rules, as JSON
    results          VARCHAR(100000) NOT NULL
);

CREATE INDEX screening_backtest_version ON screening_backtest (version_id);
CREATE INDEX screening_backtest_rule ON screening_backtest (rule_id, run_at);
