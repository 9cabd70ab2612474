-- One announcement per project and channel. The row is the claim, taken in the same transaction as the
-- decision to post (a Publish click or a broadcast start) and kept after the post with the posted activity id,
-- so a double click, a replay or another instance finds it and does not post again. A claim without an
-- activity id is "being posted": by a turn (given up after a few minutes, see ChannelPosts.ClaimTimeout) or by
-- an outbox row (given up when that row ends without being sent).
CREATE TABLE channel_posts (
    project_number   BIGINT  NOT NULL,
    conversation_id  TEXT    NOT NULL,
    claimed_by       TEXT    NOT NULL,     -- 'turn:<conversation>|<activity id>' or 'broadcast:<id>'
    claimed_at       TIMESTAMPTZ NOT NULL,
    outbox_id        BIGINT  NULL,          -- the outbox row that posts it (broadcasts)
    activity_id      TEXT    NULL,         -- the posted message, once known
    posted_at        TIMESTAMPTZ NULL,
    PRIMARY KEY (project_number, conversation_id)
);
CREATE INDEX ix_channel_posts_outbox ON channel_posts (outbox_id);

-- Channel copies posted by earlier broadcasts were never tracked (so never updated): track them now; the card
-- update clock brings them up to date (rendered_version 0).
INSERT INTO posted_cards (project_number, conversation_id, activity_id, service_url, rendered_version, posted_at)
SELECT b.project_number, o.conversation_id, o.result, o.service_url, 0, COALESCE(o.sent_at, o.created_at)
FROM outbox o JOIN broadcasts b ON b.id = o.broadcast_id
WHERE o.user_aad IS NULL AND o.conversation_id IS NOT NULL AND o.service_url IS NOT NULL AND o.status = 1 AND o.result IS NOT NULL
  AND EXISTS (SELECT 1 FROM projects p WHERE p.number = b.project_number)
ON CONFLICT (conversation_id, activity_id) DO NOTHING;

-- Every channel that already holds a project's card counts as posted.
INSERT INTO channel_posts (project_number, conversation_id, claimed_by, claimed_at, activity_id, posted_at)
SELECT project_number, conversation_id, 'migration', MIN(posted_at), MIN(activity_id), MIN(posted_at)
FROM posted_cards GROUP BY project_number, conversation_id;
