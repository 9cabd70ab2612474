-- Broadcasts of a project's announcement to everyone with the bot installed 1:1 and/or to team channels.
CREATE TABLE broadcasts (
    id                      INTEGER PRIMARY KEY AUTOINCREMENT,
    project_number          INTEGER NOT NULL,
    audience                TEXT    NOT NULL,            -- people | channels | both
    created_by              TEXT    NOT NULL,
    status                  INTEGER NOT NULL DEFAULT 0,  -- 0 Running, 1 Completed, 2 Cancelled
    total                   INTEGER NOT NULL DEFAULT 0,
    report_conversation_id  TEXT    NULL,
    report_activity_id      TEXT    NULL,
    report_service_url      TEXT    NULL,
    created_at              TEXT    NOT NULL,
    completed_at            TEXT    NULL
);

-- Who has received which project: a project is never broadcast twice to the same person unless re-sent.
CREATE TABLE broadcast_deliveries (
    project_number  INTEGER NOT NULL,
    user_aad        TEXT    NOT NULL,
    broadcast_id    INTEGER NOT NULL,
    PRIMARY KEY (project_number, user_aad)
);

ALTER TABLE outbox ADD COLUMN broadcast_id INTEGER NULL;
CREATE INDEX ix_outbox_broadcast ON outbox (broadcast_id, status);

ALTER TABLE user_settings ADD COLUMN muted INTEGER NOT NULL DEFAULT 0;  -- 0 or 1 (TRUE/FALSE)

-- Keys the bot generates for itself (e.g. to sign report download links), shared by all instances.
CREATE TABLE app_keys (
    name   TEXT NOT NULL PRIMARY KEY,
    value  TEXT NOT NULL
);

-- Running bot instances (heartbeats), so that they share Teams' per-app rate between them.
CREATE TABLE instances (
    id       TEXT NOT NULL PRIMARY KEY,
    seen_at  TEXT NOT NULL
);
