-- Maestro PostgreSQL schema, version 1: grain state.
--
-- The silo applies this script on start (embedded in Maestro.Runtime), inside one transaction that holds an advisory
-- lock, and only when schema_migrations says version 1 is missing. Every statement is idempotent so that a DBA can
-- also run the scripts of this folder by hand, in order (psql -v ON_ERROR_STOP=1 -1 -f 001-grain-state.sql), and a
-- silo whose role has no CREATE privilege then finds everything in place and runs no DDL at all.

-- One row per applied script. Version 1 creates the table; every script records its own version as its last statement.
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    integer     PRIMARY KEY,
    name       text        NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);

-- Every ETag, on every row, is a value of this sequence: an insert, an update and a tombstone clear each take
-- nextval(). A sequence never hands out a value twice, so no ETag is ever reused, for any key, even after a
-- delete-on-clear removed the row; nothing has to be bumped when a row is deleted. Never RESTART this sequence, and
-- after importing rows from elsewhere move it past them: SELECT setval('grain_state_etag', max(etag)) FROM grain_state;
CREATE SEQUENCE IF NOT EXISTS grain_state_etag AS bigint;

-- The key is the exact text of each part, never parsed, so "020235" and "20235" are two grains (Orleans #9706), and
-- the grain type is part of it, so two grain types with one key never share a row (Orleans #8746 / #9737).
-- COLLATE "C" pins byte-wise comparison whatever the database's default collation, and keeps the primary key index
-- cheap (memcmp instead of locale rules). PostgreSQL text cannot hold U+0000, so a key or state name containing it
-- is refused with an error.
-- payload is the UTF-8 JSON the silo's GrainSerializer wrote, byte for byte; NULL marks a tombstone left by a clear.
-- Read it with convert_from(payload, 'UTF8')::jsonb; write it by hand with convert_to('{...}', 'UTF8').
CREATE TABLE IF NOT EXISTS grain_state (
    service_id  text COLLATE "C" NOT NULL,
    grain_type  text COLLATE "C" NOT NULL,
    grain_key   text COLLATE "C" NOT NULL,
    state_name  text COLLATE "C" NOT NULL,
    payload     bytea       NULL,
    etag        bigint      NOT NULL,
    modified_at timestamptz NOT NULL,
    PRIMARY KEY (service_id, grain_type, grain_key, state_name)
);

INSERT INTO schema_migrations (version, name) VALUES (1, '001-grain-state') ON CONFLICT (version) DO NOTHING;
