-- Warehouse schema, version 3: information governance (etl/Governance, docs/data-protection.md).
--
-- Data protection: neither table holds a raw identifier. The governance log records keyed
-- pseudonyms (the child_key of the time) for subject actions, counts for purges, and never a
-- raw child id, a name, a date of birth or free text from a source.

-- What the product did to the data for governance reasons: retention purges, compaction,
-- subject views, erasures, corrections, key rotations. Append-only: the product inserts rows
-- and never updates or deletes them (a purge does not touch it and a key rotation does not
-- re-key it; key_generation says under which chain a pseudonym was written).
CREATE TABLE ops.governance_log (
    entry_id        BIGINT PRIMARY KEY,          -- 1, 2, 3… in the order the entries were written
    logged_at       TIMESTAMPTZ NOT NULL,        -- when the action ran, from the product's clock
    who             VARCHAR NOT NULL,            -- the operating-system user that ran the action
    action          VARCHAR NOT NULL,            -- purge, compact, view, erase, correct, key-rotation, key-recovery
    partnership     VARCHAR,                     -- NULL when the action covers every partnership
    pseudonym       VARCHAR,                     -- the child's keyed pseudonym; NULL for purge, compact and key actions
    other_pseudonym VARCHAR,                     -- correct: the pseudonym the records moved to
    key_generation  INTEGER,                     -- number of keys in the chain the pseudonyms above were computed under
    details         VARCHAR NOT NULL             -- counts and settings, e.g. 'fact.consultation 3; ...'; never an identifier
);

-- The key chain the stored pseudonyms are keyed under, as fingerprints: HMAC-SHA256(key,
-- 'warehouse key fingerprint v1'), which says which key it is without revealing it. Written by
-- key rotation in the same transaction as the re-keying, so that after a crash between the
-- commit and the key file's replacement the product can tell which chain the data is under.
-- Empty until the first rotation (a warehouse under its first key).
CREATE TABLE ops.key_generations (
    generation  INTEGER PRIMARY KEY,             -- 1 = the first key
    fingerprint VARCHAR NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL
);
