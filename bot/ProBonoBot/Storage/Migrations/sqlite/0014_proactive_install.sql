-- Proactive installation through Microsoft Graph (optional, off by default): the configured Entra groups' names as
-- Graph lists them (their members are in group_members, migration 0012), and per person what installing the app for
-- them came to. 'installed' and the final outcomes ('blocked', 'failed') are never tried again; 'retry' waits for
-- next_attempt_at.
CREATE TABLE entra_groups (
    group_id        TEXT NOT NULL PRIMARY KEY,
    name            TEXT NULL,
    synced_at       TEXT NOT NULL    -- last complete listing of its members
);

CREATE TABLE proactive_installs (
    aad_object_id   TEXT NOT NULL PRIMARY KEY,
    status          TEXT NOT NULL,   -- installed | retry | blocked | failed
    detail          TEXT NULL,       -- Graph's status and error code, never a name or message text
    attempts        INTEGER NOT NULL,
    chat_id         TEXT NULL,       -- the installation's chat (installed)
    next_attempt_at TEXT NULL,       -- retry only
    updated_at      TEXT NOT NULL
);
CREATE INDEX ix_proactive_installs_due ON proactive_installs (status, next_attempt_at);
