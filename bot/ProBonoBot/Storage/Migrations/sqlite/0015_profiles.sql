-- Skills profiles (issue 13): what a member can do and how they like to help, to recommend projects and to let leaders
-- invite people who fit. Never required. A row with saved_at NULL only remembers that the person was asked (and skipped).
CREATE TABLE profiles (
    aad_object_id   TEXT NOT NULL PRIMARY KEY,
    name            TEXT NULL,                  -- display name as Teams last sent it, for the leaders' applicants card
    skills          TEXT NOT NULL DEFAULT '',   -- canonical skill ids of the lexicon, comma-separated
    skills_other    TEXT NULL,                  -- free text (shown to leaders only escaped)
    interests       TEXT NOT NULL DEFAULT '',   -- need-category keys, comma-separated
    hours_per_month INTEGER NULL,
    languages       TEXT NOT NULL DEFAULT '',   -- ja,en
    work_mode       TEXT NULL,                  -- remote | onsite | either
    area            TEXT NULL,                  -- free text, e.g. a prefecture
    asked_at        TEXT NULL,          -- the short profile card was offered (once, with the 1:1 welcome)
    saved_at        TEXT NULL,          -- NULL: never saved (skipped or only asked)
    updated_at      TEXT NOT NULL
);

-- A leader's one-click invitation of a member who fits a project: once per project and person.
CREATE TABLE project_invitations (
    project_number  INTEGER NOT NULL,
    aad_object_id   TEXT NOT NULL,
    invited_by      TEXT NOT NULL,
    invited_at      TEXT NOT NULL,
    PRIMARY KEY (project_number, aad_object_id)
);
