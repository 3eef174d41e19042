-- Maestro PostgreSQL schema, version 3: leases, persistent streams and reminders.
--
-- Applied like 001 and 002 (by the silo under the advisory lock, or by hand in order). Every statement is idempotent.
-- Times are Unix milliseconds (bigint) taken from the DATABASE's clock for every lease, so silo clock skew never
-- decides who owns a queue or a reminder bucket. The same statements run on SQLite in single-silo mode.

-- One row per leased resource (a stream queue, a reminder bucket). Every acquisition by a new owner bumps epoch: the
-- fencing token a stale owner's writes are checked against.
CREATE TABLE IF NOT EXISTS leases (
    category   text COLLATE "C" NOT NULL,
    resource   text COLLATE "C" NOT NULL,
    owner      text COLLATE "C" NOT NULL,
    epoch      bigint NOT NULL,
    expires_ms bigint NOT NULL,
    PRIMARY KEY (category, resource)
);

-- The head of each queue's log. An append locks this row (UPDATE ... RETURNING) until commit, so commit order is
-- offset order and a reader never sees offset k+1 before k.
CREATE TABLE IF NOT EXISTS stream_queues (
    provider      text COLLATE "C" NOT NULL,
    queue_id      bigint NOT NULL,
    next_offset   bigint NOT NULL,
    retained_from bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (provider, queue_id)
);

CREATE TABLE IF NOT EXISTS stream_events (
    provider   text COLLATE "C" NOT NULL,
    queue_id   bigint NOT NULL,
    seq        bigint NOT NULL,
    stream_ns  text COLLATE "C" NOT NULL,
    stream_key text COLLATE "C" NOT NULL,
    event_id   text NOT NULL,
    payload    text NOT NULL,
    created_ms bigint NOT NULL,
    PRIMARY KEY (provider, queue_id, seq)
);

-- Moved only by the queue's current lease holder: the update checks the lease row's owner and epoch in the same statement.
CREATE TABLE IF NOT EXISTS stream_checkpoints (
    provider    text COLLATE "C" NOT NULL,
    queue_id    bigint NOT NULL,
    seq         bigint NOT NULL,
    lease_epoch bigint NOT NULL,
    updated_ms  bigint NOT NULL,
    PRIMARY KEY (provider, queue_id)
);

-- Explicit subscriptions (Orleans' PubSubStore). Implicit ones come from [ImplicitStreamSubscription] and are not stored.
CREATE TABLE IF NOT EXISTS stream_subscriptions (
    provider        text COLLATE "C" NOT NULL,
    queue_id        bigint NOT NULL,
    stream_ns       text COLLATE "C" NOT NULL,
    stream_key      text COLLATE "C" NOT NULL,
    subscription_id text COLLATE "C" NOT NULL,
    grain_id        text COLLATE "C" NOT NULL,
    created_ms      bigint NOT NULL,
    PRIMARY KEY (provider, stream_ns, stream_key, subscription_id)
);

CREATE INDEX IF NOT EXISTS stream_subscriptions_queue ON stream_subscriptions (provider, queue_id);

CREATE TABLE IF NOT EXISTS stream_dead_letters (
    provider        text COLLATE "C" NOT NULL,
    queue_id        bigint NOT NULL,
    seq             bigint NOT NULL,
    subscription_id text COLLATE "C" NOT NULL,
    grain_id        text COLLATE "C" NOT NULL,
    stream_ns       text COLLATE "C" NOT NULL,
    stream_key      text COLLATE "C" NOT NULL,
    event_id        text NOT NULL,
    payload         text NOT NULL,
    attempts        bigint NOT NULL,
    error           text NOT NULL,
    dead_ms         bigint NOT NULL,
    PRIMARY KEY (provider, queue_id, seq, subscription_id)
);

CREATE TABLE IF NOT EXISTS reminders (
    service_id    text COLLATE "C" NOT NULL,
    grain_id      text COLLATE "C" NOT NULL,
    reminder_name text COLLATE "C" NOT NULL,
    start_ms      bigint NOT NULL,
    period_ms     bigint NOT NULL,
    bucket        bigint NOT NULL,
    etag          bigint NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS reminders_bucket ON reminders (service_id, bucket);

INSERT INTO schema_migrations (version, name) VALUES (3, '003-streams-and-reminders') ON CONFLICT (version) DO NOTHING;
