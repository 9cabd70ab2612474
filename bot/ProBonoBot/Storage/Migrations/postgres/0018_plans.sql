-- The plan of a project (issue 14): one row once the plan exists. Inserting it is what seeds the plan from the brief
-- (ON CONFLICT DO NOTHING: two people opening the plan at once seed it once), and version is the leader card's
-- optimistic check (a double-clicked or stale Save finds another version and changes nothing).
CREATE TABLE plans (
    project_number   BIGINT  NOT NULL PRIMARY KEY REFERENCES projects (number),
    version          BIGINT  NOT NULL DEFAULT 1,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
