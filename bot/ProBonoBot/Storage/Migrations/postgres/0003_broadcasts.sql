-- Broadcasts of a project's announcement to everyone with the bot installed 1:1 and/or to team channels.
CREATE TABLE broadcasts (
    id                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_number          BIGINT  NOT NULL,
    audience                TEXT    NOT NULL,            -- people | channels | both
    created_by              TEXT    NOT NULL,
    status                  BIGINT  NOT NULL DEFAULT 0,  -- 0 Running, 1 Completed, 2 Cancelled
    total                   BIGINT  NOT NULL DEFAULT 0,
    report_conversation_id  TEXT    NULL,
    report_activity_id      TEXT    NULL,
    report_service_url      TEXT    NULL,
    created_at              TIMESTAMPTZ NOT NULL,
    completed_at            TIMESTAMPTZ NULL
);

-- Who has received which project: a project is never broadcast twice to the same person unless re-sent.
CREATE TABLE broadcast_deliveries (
    project_number  BIGINT  NOT NULL,
    user_aad        TEXT    NOT NULL,
    broadcast_id    BIGINT  NOT NULL,
    PRIMARY KEY (project_number, user_aad)
);

ALTER TABLE outbox ADD COLUMN broadcast_id BIGINT  NULL;
CREATE INDEX ix_outbox_broadcast ON outbox (broadcast_id, status);

ALTER TABLE user_settings ADD COLUMN muted BOOLEAN NOT NULL DEFAULT FALSE;

-- Keys the bot generates for itself (e.g. to sign report download links), shared by all instances.
CREATE TABLE app_keys (
    name   TEXT NOT NULL PRIMARY KEY,
    value  TEXT NOT NULL
);

-- Running bot instances (heartbeats), so that they share Teams' per-app rate between them.
CREATE TABLE instances (
    id       TEXT NOT NULL PRIMARY KEY,
    seen_at  TIMESTAMPTZ NOT NULL
);
