-- Chats the outbox created (POST v3/conversations) for a person in a roster who had never opened the bot: counted per
-- broadcast in its report ("chats created"). Set on the row whose delivery created the chat, even if the send failed.
ALTER TABLE outbox ADD COLUMN created_chat BOOLEAN NOT NULL DEFAULT FALSE;

-- When each team's roster was last listed in full (paged members), so the refresh worker lists only stale teams.
CREATE TABLE team_rosters (
    team_id    TEXT NOT NULL PRIMARY KEY,
    synced_at  TIMESTAMPTZ NOT NULL,
    members    INTEGER NOT NULL
);
