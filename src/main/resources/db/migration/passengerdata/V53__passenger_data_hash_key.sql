-- Which key card and frequent flyer numbers are hashed with, as a fingerprint (a keyed hash of a
-- fixed text, never the key): every node, at every start, must hash with the same key, or
-- bookings paid with one card stop linking. One row, written by the first start with a key.
CREATE TABLE pd_hash_key (
    id          INT         PRIMARY KEY,
    fingerprint VARCHAR(64) NOT NULL,
    set_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pd_hash_key_one CHECK (id = 1)
);
