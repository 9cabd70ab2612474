-- Team rosters: who is in each team the bot is installed in, as Teams lists them (paged members at install and
-- periodically; membersAdded / membersRemoved in between). A person in a roster can be written to 1:1 before they
-- ever open the bot: the outbox creates the chat and keeps its reference.
CREATE TABLE team_members (
    team_id         TEXT NOT NULL,
    aad_object_id   TEXT NOT NULL,
    teams_user_id   TEXT NOT NULL,   -- 29:...
    name            TEXT NULL,
    tenant_id       TEXT NULL,
    service_url     TEXT NOT NULL,   -- the team's
    bot_id          TEXT NULL,       -- 28:<appId> as the team's events named the bot
    seen_at         TIMESTAMPTZ NOT NULL,   -- last listed or added
    PRIMARY KEY (team_id, aad_object_id)
);
CREATE INDEX ix_team_members_person ON team_members (aad_object_id);

-- Members of the Entra groups named in the settings (proactive installation and targeting), as Microsoft Graph lists them.
CREATE TABLE group_members (
    group_id        TEXT NOT NULL,
    aad_object_id   TEXT NOT NULL,
    name            TEXT NULL,
    seen_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (group_id, aad_object_id)
);
CREATE INDEX ix_group_members_person ON group_members (aad_object_id);
