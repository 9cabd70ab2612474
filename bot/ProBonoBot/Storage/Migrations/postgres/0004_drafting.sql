-- AI drafting: needs (with clarifying questions), briefs, manuals, background jobs and the daily token budget.
CREATE TABLE needs (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    author_aad       TEXT    NOT NULL,
    author_name      TEXT    NULL,
    conversation_id  TEXT    NOT NULL,
    service_url      TEXT    NOT NULL,
    language         TEXT    NOT NULL,            -- ja | en
    need_text        TEXT    NOT NULL,
    answers          TEXT    NOT NULL DEFAULT '{}',
    pending          TEXT    NOT NULL DEFAULT '', -- questions still to ask, comma-separated; the first is being asked
    status           BIGINT  NOT NULL DEFAULT 0,  -- 0 Asking, 1 Submitted, 2 Cancelled
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_needs_author ON needs (author_aad, status);

CREATE TABLE briefs (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    need_id         BIGINT  NOT NULL,
    author_aad      TEXT    NOT NULL,
    author_name     TEXT    NULL,
    language        TEXT    NOT NULL,
    version         BIGINT  NOT NULL DEFAULT 1,
    brief_json      TEXT    NOT NULL,
    source          TEXT    NOT NULL,            -- model name or 'offline'
    fallback        BIGINT  NOT NULL DEFAULT 0,  -- FallbackReason
    status          BIGINT  NOT NULL DEFAULT 0,  -- 0 Draft, 1 Sent, 2 Approved, 3 Returned
    project_number  BIGINT  NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE manuals (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_number  BIGINT  NOT NULL,
    kind            TEXT    NOT NULL,            -- operational | onboarding | phase
    version         BIGINT  NOT NULL,
    language        TEXT    NOT NULL,
    document_json   TEXT    NOT NULL,
    source          TEXT    NOT NULL,
    fallback        BIGINT  NOT NULL DEFAULT 0,
    instruction     TEXT    NULL,
    created_by      TEXT    NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (project_number, kind, version)
);

-- Drafting runs in the background; a job survives restarts (lease) and its result is saved before it is sent.
CREATE TABLE drafting_jobs (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind               TEXT    NOT NULL,          -- brief | regenerate | manual
    subject_id         BIGINT  NOT NULL,          -- need id, brief id or project number
    person_aad         TEXT    NOT NULL,
    person_name        TEXT    NULL,
    conversation_id    TEXT    NOT NULL,
    conversation_type  TEXT    NOT NULL,
    service_url        TEXT    NOT NULL,
    language           TEXT    NOT NULL,
    payload            TEXT    NOT NULL DEFAULT '{}',
    status             BIGINT  NOT NULL DEFAULT 0, -- 0 Queued, 1 Running, 2 Done, 3 Failed
    attempts           BIGINT  NOT NULL DEFAULT 0,
    lease_until        TIMESTAMPTZ NULL,
    result_id          BIGINT  NULL,
    tokens             BIGINT  NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_drafting_jobs_status ON drafting_jobs (status, lease_until);
CREATE INDEX ix_drafting_jobs_person ON drafting_jobs (person_aad, created_at);

CREATE TABLE drafting_usage (
    day     TEXT    PRIMARY KEY,                  -- yyyy-MM-dd (UTC)
    tokens  BIGINT  NOT NULL DEFAULT 0
);
