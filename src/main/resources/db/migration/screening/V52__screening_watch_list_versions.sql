-- Every node keeps its own index of watch-list names. Each change of entries takes the next
-- version here (the row's lock lines such changes up, so they commit in the order of their
-- versions) and stamps the entries it adds, changes or removes with it; a node brings its index
-- up to date by reading the entries of versions it has not seen.
CREATE TABLE screening_watch_list_version (
    id      INTEGER PRIMARY KEY,
    version BIGINT  NOT NULL
);
INSERT INTO screening_watch_list_version (id, version) VALUES (1, 0);

ALTER TABLE screening_watch_list_entry ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
CREATE INDEX screening_watch_list_entry_version ON screening_watch_list_entry (version);
