-- Projects, their roles and the announcement cards posted for them.
CREATE TABLE projects (
    number          INTEGER PRIMARY KEY AUTOINCREMENT,   -- what people type: "sign up 3"
    title           TEXT    NOT NULL,
    partner         TEXT    NOT NULL,
    summary         TEXT    NOT NULL,
    objective       TEXT    NULL,
    deliverables    TEXT    NULL,
    hours_per_week  INTEGER NOT NULL,
    start_date      TEXT    NULL,
    end_date        TEXT    NULL,
    work_mode       TEXT    NOT NULL DEFAULT 'remote',   -- remote | onsite | hybrid
    place           TEXT    NULL,
    language        TEXT    NOT NULL DEFAULT 'ja',       -- ja | en | both
    leader_aad      TEXT    NOT NULL,
    leader_name     TEXT    NULL,
    status          INTEGER NOT NULL DEFAULT 0,          -- 0 Draft, 1 Recruiting, 2 TeamFormed, 3 InProgress, 4 Completed, 5 Cancelled
    card_version    INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);

CREATE TABLE project_roles (
    project_number  INTEGER NOT NULL REFERENCES projects (number),
    role_number     INTEGER NOT NULL,
    name            TEXT    NOT NULL,
    skills          TEXT    NULL,
    seats           INTEGER NOT NULL,
    PRIMARY KEY (project_number, role_number)
);

CREATE TABLE posted_cards (
    project_number   INTEGER NOT NULL REFERENCES projects (number),
    conversation_id  TEXT    NOT NULL,
    activity_id      TEXT    NOT NULL,
    service_url      TEXT    NOT NULL,
    rendered_version INTEGER NOT NULL,
    posted_at        TEXT    NOT NULL,
    PRIMARY KEY (conversation_id, activity_id)
);
CREATE INDEX ix_posted_cards_project ON posted_cards (project_number);

-- Sign-ups: one live sign-up per person per project; the waitlist is ordered by seq (arrival).
CREATE TABLE signups (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    project_number  INTEGER NOT NULL REFERENCES projects (number),
    role_number     INTEGER NOT NULL,
    user_aad        TEXT    NOT NULL,
    user_name       TEXT    NULL,
    user_teams_id   TEXT    NULL,
    status          INTEGER NOT NULL,                    -- 0 Confirmed, 1 Waitlisted, 2 Offered, 3 Withdrawn, 4 Declined
    hours_per_week  INTEGER NULL,
    note            TEXT    NULL,
    offered_until   TEXT    NULL,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_signups_live ON signups (project_number, user_aad) WHERE status IN (0, 1, 2);
CREATE INDEX ix_signups_role ON signups (project_number, role_number, status, seq);
CREATE INDEX ix_signups_user ON signups (user_aad, status);

-- A sign-up in conversation, question by question; survives restarts, expires when abandoned.
CREATE TABLE signup_sessions (
    user_aad        TEXT    NOT NULL PRIMARY KEY,
    project_number  INTEGER NOT NULL,
    step            INTEGER NOT NULL,                    -- 0 role, 1 hours, 2 note, 3 confirm
    role_number     INTEGER NULL,
    hours_per_week  INTEGER NULL,
    note            TEXT    NULL,
    expires_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);

-- Leaders added from chat (Club:Leaders in configuration are leaders too).
CREATE TABLE leaders (
    aad_object_id   TEXT NOT NULL PRIMARY KEY,
    name            TEXT NULL,
    added_by        TEXT NOT NULL,
    added_at        TEXT NOT NULL
);

-- Events for the project leader, sent as one digest per interval.
CREATE TABLE leader_events (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    project_number  INTEGER NOT NULL,
    leader_aad      TEXT    NOT NULL,
    kind            TEXT    NOT NULL,                    -- signedUp | waitlisted | withdrew | accepted | declined
    user_name       TEXT    NULL,
    role_name       TEXT    NULL,
    created_at      TEXT    NOT NULL,
    sent            INTEGER NOT NULL DEFAULT 0   -- 0 or 1 (TRUE/FALSE)
);
CREATE INDEX ix_leader_events_unsent ON leader_events (sent, leader_aad);

-- Proactive messages waiting to be delivered (1:1 by person, or into a conversation). Sent at least once.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    user_aad        TEXT    NULL,
    user_teams_id   TEXT    NULL,
    tenant_id       TEXT    NULL,
    bot_id          TEXT    NULL,
    conversation_id TEXT    NULL,
    service_url     TEXT    NULL,
    activity        TEXT    NOT NULL,
    status          INTEGER NOT NULL DEFAULT 0,          -- 0 pending, 1 sent, 2 failed, 3 blocked, 4 not found, 5 not installed
    attempts        INTEGER NOT NULL DEFAULT 0,
    not_before      TEXT    NOT NULL,
    lease_until     TEXT    NULL,
    result          TEXT    NULL,
    created_at      TEXT    NOT NULL,
    sent_at         TEXT    NULL
);
CREATE INDEX ix_outbox_pending ON outbox (status, not_before);
