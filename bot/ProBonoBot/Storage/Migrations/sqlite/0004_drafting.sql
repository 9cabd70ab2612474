-- AI drafting: needs (with clarifying questions), briefs, manuals, background jobs and the daily token budget.
CREATE TABLE needs (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    author_aad       TEXT    NOT NULL,
    author_name      TEXT    NULL,
    conversation_id  TEXT    NOT NULL,
    service_url      TEXT    NOT NULL,
    language         TEXT    NOT NULL,            -- ja | en
    need_text        TEXT    NOT NULL,
    answers          TEXT    NOT NULL DEFAULT '{}',
    pending          TEXT    NOT NULL DEFAULT '', -- questions still to ask, comma-separated; the first is being asked
    status           INTEGER NOT NULL DEFAULT 0,  -- 0 Asking, 1 Submitted, 2 Cancelled
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);
CREATE INDEX ix_needs_author ON needs (author_aad, status);

CREATE TABLE briefs (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    need_id         INTEGER NOT NULL,
    author_aad      TEXT    NOT NULL,
    author_name     TEXT    NULL,
    language        TEXT    NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    brief_json      TEXT    NOT NULL,
    source          TEXT    NOT NULL,            -- model name or 'offline'
    fallback        INTEGER NOT NULL DEFAULT 0,  -- FallbackReason
    status          INTEGER NOT NULL DEFAULT 0,  -- 0 Draft, 1 Sent, 2 Approved, 3 Returned
    project_number  INTEGER NULL,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);

CREATE TABLE manuals (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    project_number  INTEGER NOT NULL,
    kind            TEXT    NOT NULL,            -- operational | onboarding | phase
    version         INTEGER NOT NULL,
    language        TEXT    NOT NULL,
    document_json   TEXT    NOT NULL,
    source          TEXT    NOT NULL,
    fallback        INTEGER NOT NULL DEFAULT 0,
    instruction     TEXT    NULL,
    created_by      TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    UNIQUE (project_number, kind, version)
);

-- Drafting runs in the background; a job survives restarts (lease) and its result is saved before it is sent.
CREATE TABLE drafting_jobs (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    kind               TEXT    NOT NULL,          -- brief | regenerate | manual
    subject_id         INTEGER NOT NULL,          -- need id, brief id or project number
    person_aad         TEXT    NOT NULL,
    person_name        TEXT    NULL,
    conversation_id    TEXT    NOT NULL,
    conversation_type  TEXT    NOT NULL,
    service_url        TEXT    NOT NULL,
    language           TEXT    NOT NULL,
    payload            TEXT    NOT NULL DEFAULT '{}',
    status             INTEGER NOT NULL DEFAULT 0, -- 0 Queued, 1 Running, 2 Done, 3 Failed
    attempts           INTEGER NOT NULL DEFAULT 0,
    lease_until        TEXT    NULL,
    result_id          INTEGER NULL,
    tokens             INTEGER NOT NULL DEFAULT 0,
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL
);
CREATE INDEX ix_drafting_jobs_status ON drafting_jobs (status, lease_until);
CREATE INDEX ix_drafting_jobs_person ON drafting_jobs (person_aad, created_at);

CREATE TABLE drafting_usage (
    day     TEXT    PRIMARY KEY,                  -- yyyy-MM-dd (UTC)
    tokens  INTEGER NOT NULL DEFAULT 0
);
