-- Screening rules as data: each rule with its versions (editing writes a new version, hits name
-- the version that made them), and the named groups of values that conditions test membership of.

-- A rule. The version that screens is enabled_version, and only while the status is ENABLED; the
-- newest version (current_version) may be a draft written since, waiting for its back-test.
CREATE TABLE screening_rule (
    id               UUID          PRIMARY KEY,
    -- DRAFT (never enabled), ENABLED (its enabled version screens) or DISABLED (makes no new hits)
    status           VARCHAR(10)   NOT NULL,
    current_version  INT           NOT NULL,
    enabled_version  INT,
    enabled_by       UUID,
    enabled_at       TIMESTAMP WITH TIME ZONE,
    -- a rule of the shipped library: its key there, so that it is added once, even by two nodes
    library_key      VARCHAR(80)   UNIQUE,
    created_by       UUID,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE screening_rule_version (
    id               UUID          PRIMARY KEY,
    rule_id          UUID          NOT NULL REFERENCES screening_rule (id),
    version_no       INT           NOT NULL,
    title            VARCHAR(200)  NOT NULL,
    description      VARCHAR(4000),
    -- the code of the indicator of the catalogue it serves, as T04
    indicator        VARCHAR(10),
    priority         INT           NOT NULL,
    -- the tree of criteria, as JSON
    criteria         VARCHAR(20000) NOT NULL,
    -- null for the shipped library's first version
    written_by       UUID,
    written_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT screening_rule_version_no UNIQUE (rule_id, version_no)
);

-- A named list of values, as "focus countries"; a computed group's members are worked out by
-- Waymark, not typed.
CREATE TABLE screening_group (
    code             VARCHAR(80)   PRIMARY KEY,
    name             VARCHAR(200)  NOT NULL,
    description      VARCHAR(2000),
    -- one member a line
    members          VARCHAR(20000) NOT NULL,
    computed         BOOLEAN       NOT NULL,
    changed_by       UUID,
    changed_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
