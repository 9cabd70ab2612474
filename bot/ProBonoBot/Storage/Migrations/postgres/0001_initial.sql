-- Inbound activities: de-duplication of redeliveries and the durable queue of turns still to handle.
CREATE TABLE activity_journal (
    conversation_id  TEXT        NOT NULL,
    activity_id      TEXT        NOT NULL,
    activity_type    TEXT        NOT NULL,
    received_at      TIMESTAMPTZ NOT NULL,
    status           INTEGER     NOT NULL DEFAULT 0,  -- 0 pending, 1 done, 2 failed, 3 expired
    body             TEXT        NULL,                -- dropped once handled
    invoke_response  TEXT        NULL,
    PRIMARY KEY (conversation_id, activity_id)
);
CREATE INDEX ix_activity_journal_status ON activity_journal (status, received_at);

-- Where the bot can write: one row per 1:1 chat, group chat or team channel it is installed in.
CREATE TABLE conversation_refs (
    conversation_id     TEXT        NOT NULL PRIMARY KEY,
    conversation_type   TEXT        NOT NULL,
    service_url         TEXT        NOT NULL,
    channel_id          TEXT        NOT NULL,
    tenant_id           TEXT        NULL,
    bot_id              TEXT        NULL,
    user_id             TEXT        NULL,
    user_aad_object_id  TEXT        NULL,
    user_name           TEXT        NULL,
    team_id             TEXT        NULL,
    team_name           TEXT        NULL,
    team_aad_group_id   TEXT        NULL,
    teams_channel_id    TEXT        NULL,
    locale              TEXT        NULL,
    is_active           BOOLEAN     NOT NULL DEFAULT TRUE,
    installed_at        TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    uninstalled_at      TIMESTAMPTZ NULL
);
CREATE INDEX ix_conversation_refs_user ON conversation_refs (user_aad_object_id);
CREATE INDEX ix_conversation_refs_team ON conversation_refs (team_id);

-- Per-person settings chosen in chat.
CREATE TABLE user_settings (
    aad_object_id  TEXT        NOT NULL PRIMARY KEY,
    language       TEXT        NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
