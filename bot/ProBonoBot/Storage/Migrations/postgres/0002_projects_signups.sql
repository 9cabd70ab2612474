-- Projects, their roles and the announcement cards posted for them.
CREATE TABLE projects (
    number          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,   -- what people type: "sign up 3"
    title           TEXT    NOT NULL,
    partner         TEXT    NOT NULL,
    summary         TEXT    NOT NULL,
    objective       TEXT    NULL,
    deliverables    TEXT    NULL,
    hours_per_week  BIGINT  NOT NULL,
    start_date      TEXT    NULL,
    end_date        TEXT    NULL,
    work_mode       TEXT    NOT NULL DEFAULT 'remote',   -- remote | onsite | hybrid
    place           TEXT    NULL,
    language        TEXT    NOT NULL DEFAULT 'ja',       -- ja | en | both
    leader_aad      TEXT    NOT NULL,
    leader_name     TEXT    NULL,
    status          BIGINT  NOT NULL DEFAULT 0,          -- 0 Draft, 1 Recruiting, 2 TeamFormed, 3 InProgress, 4 Completed, 5 Cancelled
    card_version    BIGINT  NOT NULL DEFAULT 1,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE project_roles (
    project_number  BIGINT  NOT NULL REFERENCES projects (number),
    role_number     BIGINT  NOT NULL,
    name            TEXT    NOT NULL,
    skills          TEXT    NULL,
    seats           BIGINT  NOT NULL,
    PRIMARY KEY (project_number, role_number)
);

CREATE TABLE posted_cards (
    project_number   BIGINT  NOT NULL REFERENCES projects (number),
    conversation_id  TEXT    NOT NULL,
    activity_id      TEXT    NOT NULL,
    service_url      TEXT    NOT NULL,
    rendered_version BIGINT  NOT NULL,
    posted_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (conversation_id, activity_id)
);
CREATE INDEX ix_posted_cards_project ON posted_cards (project_number);

-- Sign-ups: one live sign-up per person per project; the waitlist is ordered by seq (arrival).
CREATE TABLE signups (
    seq             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_number  BIGINT  NOT NULL REFERENCES projects (number),
    role_number     BIGINT  NOT NULL,
    user_aad        TEXT    NOT NULL,
    user_name       TEXT    NULL,
    user_teams_id   TEXT    NULL,
    status          BIGINT  NOT NULL,                    -- 0 Confirmed, 1 Waitlisted, 2 Offered, 3 Withdrawn, 4 Declined
    hours_per_week  BIGINT  NULL,
    note            TEXT    NULL,
    offered_until   TIMESTAMPTZ NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX ux_signups_live ON signups (project_number, user_aad) WHERE status IN (0, 1, 2);
CREATE INDEX ix_signups_role ON signups (project_number, role_number, status, seq);
CREATE INDEX ix_signups_user ON signups (user_aad, status);

-- A sign-up in conversation, question by question; survives restarts, expires when abandoned.
CREATE TABLE signup_sessions (
    user_aad        TEXT    NOT NULL PRIMARY KEY,
    project_number  BIGINT  NOT NULL,
    step            BIGINT  NOT NULL,                    -- 0 role, 1 hours, 2 note, 3 confirm
    role_number     BIGINT  NULL,
    hours_per_week  BIGINT  NULL,
    note            TEXT    NULL,
    expires_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

-- Leaders added from chat (Club:Leaders in configuration are leaders too).
CREATE TABLE leaders (
    aad_object_id   TEXT NOT NULL PRIMARY KEY,
    name            TEXT NULL,
    added_by        TEXT NOT NULL,
    added_at        TIMESTAMPTZ NOT NULL
);

-- Events for the project leader, sent as one digest per interval.
CREATE TABLE leader_events (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_number  BIGINT  NOT NULL,
    leader_aad      TEXT    NOT NULL,
    kind            TEXT    NOT NULL,                    -- signedUp | waitlisted | withdrew | accepted | declined
    user_name       TEXT    NULL,
    role_name       TEXT    NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    sent            BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX ix_leader_events_unsent ON leader_events (sent, leader_aad);

-- Proactive messages waiting to be delivered (1:1 by person, or into a conversation). Sent at least once.
CREATE TABLE outbox (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_aad        TEXT    NULL,
    user_teams_id   TEXT    NULL,
    tenant_id       TEXT    NULL,
    bot_id          TEXT    NULL,
    conversation_id TEXT    NULL,
    service_url     TEXT    NULL,
    activity        TEXT    NOT NULL,
    status          BIGINT  NOT NULL DEFAULT 0,          -- 0 pending, 1 sent, 2 failed, 3 blocked, 4 not found, 5 not installed
    attempts        BIGINT  NOT NULL DEFAULT 0,
    not_before      TIMESTAMPTZ NOT NULL,
    lease_until     TIMESTAMPTZ NULL,
    result          TEXT    NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ NULL
);
CREATE INDEX ix_outbox_pending ON outbox (status, not_before);
