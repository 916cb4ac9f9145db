-- The press summary of an operation's results: drafted by Waymark from the figures, edited and
-- approved by a coordinator of the lead agency before the report is exported. approved_figures
-- fingerprints the figures it was approved against, so that a change in them calls for a new look.
CREATE TABLE press_summary (
    operation_id     UUID          PRIMARY KEY,
    text             VARCHAR(4000) NOT NULL,
    saved_by         UUID          NOT NULL,
    saved_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    approved_by      UUID,
    approved_at      TIMESTAMP WITH TIME ZONE,
    approved_figures VARCHAR(64)
);
