-- Turn safety (issue 10): replay counting, parked turns, per-activity state-change keys, instance ownership.

-- How often a pending activity was started (1 when it arrives, +1 at each take-over); one that never finishes is parked.
ALTER TABLE activity_journal ADD COLUMN attempts BIGINT  NOT NULL DEFAULT 0;
-- The instance that accepted the activity; another instance adopts it when that one's heartbeat goes stale.
ALTER TABLE activity_journal ADD COLUMN instance_id TEXT NULL;

-- Turns that failed or never finished, with the reason, for operators. No user text is kept here.
CREATE TABLE dead_letters (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id  TEXT    NOT NULL,
    activity_id      TEXT    NOT NULL,
    activity_type    TEXT    NOT NULL,
    route            TEXT    NULL,
    reason           TEXT    NOT NULL,
    parked_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_dead_letters_parked ON dead_letters (parked_at);

-- State changes keyed by the activity that asked for them, written in the same transaction as the change:
-- a replayed activity finds its earlier result instead of acting twice.
CREATE TABLE request_keys (
    key         TEXT    NOT NULL PRIMARY KEY,
    result      TEXT    NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_request_keys_created ON request_keys (created_at);

-- The instance holding an outbox row's lease; a dead instance's rows are taken over without waiting for the lease.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT NULL;
