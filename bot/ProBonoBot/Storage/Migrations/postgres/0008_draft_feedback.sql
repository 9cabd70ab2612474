-- Which draft a sent message carries. Teams' feedback buttons (message/submitAction) name the message they sit
-- under (replyToId), not the draft: the final message of a drafting job is recorded here under every id it may be
-- known by (the id the send returned, and the stream's id in 1:1 chats, which the final message replaces).
CREATE TABLE draft_messages (
    conversation_id  TEXT    NOT NULL,
    activity_id      TEXT    NOT NULL,
    subject_kind     TEXT    NOT NULL,      -- 'brief' | 'manual'
    subject_id       BIGINT  NOT NULL,
    sent_at          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (conversation_id, activity_id)
);

-- Likes, dislikes (Teams' feedback buttons) and reports of a wrong or harmful draft (the card's "Report a problem").
-- The comment is the person's own words: personal data (export-person.sql, delete-person.sql). dedup_key makes a
-- redelivered invoke or a double click store once.
CREATE TABLE draft_feedback (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind             TEXT    NOT NULL,      -- 'like' | 'dislike' | 'report'
    subject_kind     TEXT    NOT NULL,      -- 'brief' | 'manual'
    subject_id       BIGINT  NOT NULL,
    category         TEXT    NULL,          -- reports: 'facts' | 'harmful' | 'private' | 'other'
    comment          TEXT    NULL,
    person_aad       TEXT    NOT NULL,
    person_name      TEXT    NULL,
    dedup_key        TEXT    NOT NULL UNIQUE,
    created_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_draft_feedback_created ON draft_feedback (created_at);
CREATE INDEX ix_draft_feedback_person ON draft_feedback (person_aad);
