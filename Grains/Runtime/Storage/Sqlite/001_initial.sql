-- Topiary runtime schema, version 1. Applied once by SqliteDatabase inside a transaction;
-- later changes go into new numbered files, never into this one.

-- One row per grain with persistent state. etag changes on every write (random, never reused),
-- which gives the optimistic concurrency of IGrainStateStore.
CREATE TABLE grain_state (
    grain_type TEXT NOT NULL,
    grain_key  TEXT NOT NULL,
    data       BLOB NOT NULL,
    etag       TEXT NOT NULL,
    PRIMARY KEY (grain_type, grain_key)
) WITHOUT ROWID;

-- Durable reminders. Times are unix milliseconds (UTC). last_tick_ms is the scheduled time of the
-- last tick delivered, so a tick that fell due while no process was running is detected at start.
CREATE TABLE reminders (
    grain_type    TEXT    NOT NULL,
    grain_key     TEXT    NOT NULL,
    reminder_name TEXT    NOT NULL,
    first_tick_ms INTEGER NOT NULL,
    period_ms     INTEGER NOT NULL,
    last_tick_ms  INTEGER NULL,
    etag          TEXT    NOT NULL,
    PRIMARY KEY (grain_type, grain_key, reminder_name)
) WITHOUT ROWID;
