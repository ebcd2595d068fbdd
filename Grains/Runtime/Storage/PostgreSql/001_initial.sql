-- Topiary runtime schema for PostgreSQL, version 1. Applied once by PostgreSqlDatabase inside a
-- transaction that holds an advisory lock; later changes go into new numbered files, never into this one.

-- One row per grain with persistent state. etag changes on every write (random, never reused), which gives
-- the optimistic concurrency of IGrainStateStore. fencing_token is the token of the last fenced write
-- (NULL for unfenced, standalone-style writes); kept for diagnosis, the check itself uses grain_fence.
CREATE TABLE grain_state (
    grain_type    text   NOT NULL,
    grain_key     text   NOT NULL,
    data          bytea  NOT NULL,
    etag          text   NOT NULL,
    fencing_token bigint NULL,
    PRIMARY KEY (grain_type, grain_key)
);

-- The highest fencing token seen per grain (IFencedGrainStateStore). Separate from grain_state so that it
-- survives a clear of the record and never goes backwards, even when Redis loses its counters (CLU-3).
CREATE TABLE grain_fence (
    grain_type text   NOT NULL,
    grain_key  text   NOT NULL,
    token      bigint NOT NULL,
    PRIMARY KEY (grain_type, grain_key)
);

-- Durable reminders. Times are unix milliseconds (UTC). last_tick_ms is the scheduled time of the last tick
-- delivered, so a tick that fell due while no process was running is detected at start.
CREATE TABLE reminders (
    grain_type    text   NOT NULL,
    grain_key     text   NOT NULL,
    reminder_name text   NOT NULL,
    first_tick_ms bigint NOT NULL,
    period_ms     bigint NOT NULL,
    last_tick_ms  bigint NULL,
    etag          text   NOT NULL,
    PRIMARY KEY (grain_type, grain_key, reminder_name)
);
