-- Hands-on support and impact (issue 14): the plan of a project (milestones and meetings), reminders with answers,
-- volunteer hours, closing a project with its outcome, and the skills each member used.

-- The plan: milestones and meetings with a date and a place. starts_at NULL = not dated yet (no reminder, no invite).
CREATE TABLE milestones (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_number   BIGINT  NOT NULL REFERENCES projects (number),
    kind             TEXT    NOT NULL,                 -- milestone | meeting
    title            TEXT    NOT NULL,
    starts_at        TIMESTAMPTZ NULL,                     -- UTC instant
    duration_minutes BIGINT  NOT NULL DEFAULT 60,
    place            TEXT    NULL,                     -- a room, an address or "Teams"
    sequence         BIGINT  NOT NULL DEFAULT 0,       -- iCalendar SEQUENCE: +1 on every change of date, place or title
    cancelled        BOOLEAN NOT NULL DEFAULT FALSE,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_milestones_project ON milestones (project_number, starts_at);

-- One reminder per member and milestone date: a due time, claimed once (status 0 → 1 sent or 2 skipped as too late).
-- A new date makes new rows (starts_at is part of the key), so an old reminder is never sent for a new date.
CREATE TABLE reminders (
    milestone_id     BIGINT  NOT NULL REFERENCES milestones (id),
    user_aad         TEXT    NOT NULL,
    starts_at        TIMESTAMPTZ NOT NULL,                 -- the milestone's date this reminder is for
    due_at           TIMESTAMPTZ NOT NULL,
    status           BIGINT  NOT NULL DEFAULT 0,       -- 0 due, 1 sent, 2 skipped (the milestone had begun), 3 obsolete (date changed, member left)
    sent_at          TIMESTAMPTZ NULL,
    PRIMARY KEY (milestone_id, user_aad, starts_at)
);
CREATE INDEX ix_reminders_due ON reminders (status, due_at);

-- A member's answer to a reminder: I'll be there (1) / Can't make it (0). The last answer counts.
CREATE TABLE attendance (
    milestone_id     BIGINT  NOT NULL REFERENCES milestones (id),
    user_aad         TEXT    NOT NULL,
    user_name        TEXT    NULL,
    attending        BOOLEAN NOT NULL,
    answered_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (milestone_id, user_aad)
);

-- Volunteer hours: one entry per member, project and period (a milestone "m:12" or an ISO week "w:2026-W49"), so a
-- double click or a redelivered card logs once. Minutes, to keep sums exact.
CREATE TABLE hours (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_number   BIGINT  NOT NULL REFERENCES projects (number),
    user_aad         TEXT    NOT NULL,
    user_name        TEXT    NULL,
    period           TEXT    NOT NULL,
    worked_on        TEXT    NOT NULL,                 -- yyyy-MM-dd, the member's local date the hours count for
    minutes          BIGINT  NOT NULL,
    note             TEXT    NULL,
    status           BIGINT  NOT NULL DEFAULT 0,       -- 0 waiting for approval, 1 approved, 2 rejected
    logged_minutes   BIGINT  NULL,                     -- what the member logged, when a leader corrected it
    reviewed_by      TEXT    NULL,
    reviewed_at      TIMESTAMPTZ NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    UNIQUE (project_number, user_aad, period)
);
CREATE INDEX ix_hours_user ON hours (user_aad, worked_on);
CREATE INDEX ix_hours_status ON hours (project_number, status);

-- Hours cards asked for: once per member, project and period, queued with the outbox message in one transaction.
CREATE TABLE hours_prompts (
    project_number   BIGINT  NOT NULL,
    user_aad         TEXT    NOT NULL,
    period           TEXT    NOT NULL,
    queued_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (project_number, user_aad, period)
);

-- A closed project's outcome, as the leader wrote it.
CREATE TABLE project_outcomes (
    project_number   BIGINT  NOT NULL PRIMARY KEY REFERENCES projects (number),
    output           TEXT    NULL,                     -- what was delivered
    outcome          TEXT    NULL,                     -- what changed
    impact           TEXT    NULL,                     -- for the partner
    partner_feedback TEXT    NULL,
    closed_by        TEXT    NOT NULL,
    closed_at        TIMESTAMPTZ NOT NULL
);

-- The skills each member used on a closed project (skill ids of the profile lexicon or free text).
CREATE TABLE member_skills (
    project_number   BIGINT  NOT NULL REFERENCES projects (number),
    user_aad         TEXT    NOT NULL,
    skill            TEXT    NOT NULL,
    PRIMARY KEY (project_number, user_aad, skill)
);
