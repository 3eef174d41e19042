-- Maestro PostgreSQL schema, version 2: cluster membership and the grain directory.
--
-- Applied like 001 (by the silo, under the advisory lock, only when schema_migrations lacks version 2; or by hand,
-- in order, with psql -v ON_ERROR_STOP=1 -1 -f). Every statement is idempotent.
--
-- Every lease time below is the DATABASE's now(), never a silo's clock, so clock skew between silos cannot make one
-- declare another dead early. Status values are Orleans' SiloStatus numbers:
-- 0 None, 1 Created, 2 Joining, 3 Active, 4 ShuttingDown, 5 Stopping, 6 Dead. Dead is final.

-- One row per cluster. Every membership change (join, status change, death) advances version in the same
-- transaction, and every such transaction locks this row first: that serializes membership changes per cluster (so
-- concurrent sweeps cannot deadlock or declare a silo twice) and gives consumers a total order of snapshots.
CREATE TABLE IF NOT EXISTS cluster_version (
    cluster_id text COLLATE "C" PRIMARY KEY,
    version    bigint      NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);

-- One row per silo incarnation; silo_id is host:port:generation, generation being the silo's start in Unix ms, so a
-- restart is a new row and the old one is declared Dead. host, port and generation repeat silo_id's parts so the
-- "older generation at my endpoint" check can use an index. suspect_times, load_activations and load_cpu are for
-- the peer-vote detector and load-aware placement; the lease detector does not use them.
CREATE TABLE IF NOT EXISTS silos (
    cluster_id        text COLLATE "C" NOT NULL REFERENCES cluster_version (cluster_id),
    silo_id           text COLLATE "C" NOT NULL,
    host              text COLLATE "C" NOT NULL,
    port              integer     NOT NULL CHECK (port BETWEEN 1 AND 65535),
    generation        bigint      NOT NULL CHECK (generation > 0),
    name              text        NOT NULL,
    role              text        NULL,
    status            smallint    NOT NULL CHECK (status BETWEEN 0 AND 6),
    start_time        timestamptz NOT NULL,
    heartbeat_at      timestamptz NOT NULL,
    lease_expires_at  timestamptz NOT NULL,
    gateway_port      integer     NULL CHECK (gateway_port BETWEEN 1 AND 65535),
    load_activations  integer     NOT NULL DEFAULT 0,
    load_cpu          real        NULL,
    suspect_times     jsonb       NOT NULL DEFAULT '[]',
    version_at_change bigint      NOT NULL,
    PRIMARY KEY (cluster_id, silo_id)
);

CREATE INDEX IF NOT EXISTS silos_endpoint ON silos (cluster_id, host, port);

-- At most one row per grain: the primary key is what makes registration first-writer-wins. grain_id is the exact
-- "type/key" text (byte-wise, like grain_state). There is deliberately no foreign key to silos: an entry may outlive
-- its silo's row (pruned, or written by hand), and such an entry counts as absent, exactly like one whose silo is Dead.
CREATE TABLE IF NOT EXISTS grain_directory (
    cluster_id         text COLLATE "C" NOT NULL,
    grain_id           text COLLATE "C" NOT NULL,
    silo_id            text COLLATE "C" NOT NULL,
    activation_id      uuid        NOT NULL,
    membership_version bigint      NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cluster_id, grain_id)
);

-- The death of a silo deletes its entries in the same transaction; this index keeps that from scanning the directory.
CREATE INDEX IF NOT EXISTS grain_directory_silo ON grain_directory (cluster_id, silo_id);

INSERT INTO schema_migrations (version, name) VALUES (2, '002-cluster') ON CONFLICT (version) DO NOTHING;
