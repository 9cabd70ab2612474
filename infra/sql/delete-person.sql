-- Deletes or anonymises everything ProBonoBot stores about one person (PostgreSQL), in one transaction:
--   psql "$CONNECTION" -v aad="'<entra object id>'" -f infra/sql/delete-person.sql
-- Sign-ups are kept as anonymous counts so that projects' seat numbers stay right; names, notes and ids go.
BEGIN;
DELETE FROM user_settings WHERE aad_object_id = :aad;
DELETE FROM signup_sessions WHERE user_aad = :aad;
DELETE FROM leaders WHERE aad_object_id = :aad;
DELETE FROM outbox WHERE user_aad = :aad;
UPDATE signups SET user_aad = 'deleted-' || seq, user_name = NULL, user_teams_id = NULL, note = NULL WHERE user_aad = :aad;
UPDATE leader_events SET user_name = NULL WHERE user_name IN (SELECT user_name FROM conversation_refs WHERE user_aad_object_id = :aad);
UPDATE projects SET leader_name = NULL WHERE leader_aad = :aad;
DELETE FROM conversation_refs WHERE user_aad_object_id = :aad;
COMMIT;
