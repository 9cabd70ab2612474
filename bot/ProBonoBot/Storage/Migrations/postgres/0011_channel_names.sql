-- A team's channels as the bot knows them: the name shown on the publish card (the General channel has none in
-- Teams' answers, so the card names it). Channels are learned from Teams' list of a team's channels (at install
-- and on publish), from channel events (created, renamed, deleted, restored) and from messages in channels.
ALTER TABLE conversation_refs ADD COLUMN channel_name TEXT NULL;
