-- Deletes or anonymises everything ProBonoBot stores about one person (PostgreSQL), in one transaction:
--   psql "$CONNECTION" -v aad="'<entra object id>'" -f infra/sql/delete-person.sql
-- Sign-ups are kept as anonymous counts so that projects' seat numbers stay right; names, notes and ids go.
-- Needs, drafting requests and feedback on drafts are deleted; briefs and manuals stay without their author.
BEGIN;
DELETE FROM user_settings WHERE aad_object_id = :aad;
DELETE FROM signup_sessions WHERE user_aad = :aad;
DELETE FROM leaders WHERE aad_object_id = :aad;
DELETE FROM outbox WHERE user_aad = :aad;
UPDATE signups SET user_aad = 'deleted-' || seq, user_name = NULL, user_teams_id = NULL, note = NULL WHERE user_aad = :aad;
UPDATE leader_events SET user_name = NULL WHERE user_name IN (SELECT user_name FROM conversation_refs WHERE user_aad_object_id = :aad);
UPDATE projects SET leader_name = NULL WHERE leader_aad = :aad;
DELETE FROM conversation_refs WHERE user_aad_object_id = :aad;
-- Drafting: their needs and requests go; briefs and manuals are the club's working documents and stay, without their author.
DELETE FROM drafting_jobs WHERE person_aad = :aad;
DELETE FROM needs WHERE author_aad = :aad;
UPDATE briefs SET author_aad = 'deleted-' || id, author_name = NULL WHERE author_aad = :aad;
UPDATE manuals SET created_by = 'deleted', instruction = NULL WHERE created_by = :aad;
-- Their likes, dislikes and reports on drafts, with the words they wrote.
DELETE FROM draft_feedback WHERE person_aad = :aad;
-- Their skills profile and the invitations they received; invitations they sent stay, without who sent them.
DELETE FROM profiles WHERE aad_object_id = :aad;
DELETE FROM project_invitations WHERE aad_object_id = :aad;
UPDATE project_invitations SET invited_by = 'deleted' WHERE invited_by = :aad;
COMMIT;
