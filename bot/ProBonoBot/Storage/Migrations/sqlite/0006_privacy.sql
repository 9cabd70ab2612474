-- Drafts are visible only to leaders: a project counts as published from the moment it first went to Recruiting,
-- so a project cancelled before it was ever published stays hidden too.
ALTER TABLE projects ADD COLUMN published_at TEXT NULL;

-- Existing projects: everything past Draft was published, except cancelled ones that never reached anyone.
UPDATE projects SET published_at = updated_at
WHERE status IN (1, 2, 3, 4)
   OR (status = 5 AND (EXISTS (SELECT 1 FROM posted_cards pc WHERE pc.project_number = projects.number)
                    OR EXISTS (SELECT 1 FROM signups s WHERE s.project_number = projects.number)
                    OR EXISTS (SELECT 1 FROM broadcasts b WHERE b.project_number = projects.number)));
