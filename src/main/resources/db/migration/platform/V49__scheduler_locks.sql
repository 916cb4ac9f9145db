-- Each scheduled job takes its lock here before it runs, so that one node of a cluster runs it at
-- a time (ShedLock's table, as its JDBC provider expects it; ADR 0048). Times are UTC, the
-- database's own clock.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    CONSTRAINT pk_shedlock PRIMARY KEY (name)
);
