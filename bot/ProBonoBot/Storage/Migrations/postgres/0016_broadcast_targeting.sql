-- Broadcast targeting, scheduling, the daily cap with its digest, topics, and what recipients did (issue 13).
-- Status 3 = Scheduled: not started yet; a worker starts it at send_at (UTC) by claiming it with a conditional UPDATE.
ALTER TABLE broadcasts ADD COLUMN send_at TIMESTAMPTZ NULL;
ALTER TABLE broadcasts ADD COLUMN targeting TEXT NULL;      -- JSON: who among the people (teams, group, profile fit, language), resend
ALTER TABLE broadcasts ADD COLUMN category TEXT NULL;       -- the project's topic (a need category key); NULL reaches every topic
ALTER TABLE broadcasts ADD COLUMN started_at TIMESTAMPTZ NULL;
CREATE INDEX ix_broadcasts_scheduled ON broadcasts (status, send_at);

-- People over the daily cap: the project waits here and reaches them in one digest card the next day.
CREATE TABLE broadcast_digests (
    user_aad        TEXT        NOT NULL,
    project_number  BIGINT      NOT NULL,
    broadcast_id    BIGINT      NOT NULL,
    due_at          TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_aad, project_number)
);
CREATE INDEX ix_broadcast_digests_due ON broadcast_digests (sent_at, due_at);

-- What recipients did with a broadcast card, once per person and kind: 'opened' (Teams refreshed the card as they
-- viewed it), 'clicked' (pressed Sign up on it).
CREATE TABLE broadcast_engagement (
    broadcast_id    BIGINT      NOT NULL,
    user_aad        TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    at              TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (broadcast_id, user_aad, kind)
);

-- The topics (need category keys) a person wants broadcasts about; none chosen = every topic.
CREATE TABLE user_topics (
    aad_object_id   TEXT    NOT NULL,
    topic           TEXT    NOT NULL,
    PRIMARY KEY (aad_object_id, topic)
);
