-- Everything ProBonoBot stores about one person, as JSON (PostgreSQL). Run with psql:
--   psql "$CONNECTION" -v aad="'<entra object id>'" -f infra/sql/export-person.sql -At > person.json
SELECT json_build_object(
  'aadObjectId', :aad,
  'settings', (SELECT json_agg(s) FROM user_settings s WHERE s.aad_object_id = :aad),
  'conversations', (SELECT json_agg(json_build_object('conversationId', c.conversation_id, 'type', c.conversation_type, 'name', c.user_name,
                      'installedAt', c.installed_at, 'active', c.is_active)) FROM conversation_refs c WHERE c.user_aad_object_id = :aad),
  'signUps', (SELECT json_agg(json_build_object('project', p.number, 'title', p.title, 'role', r.name, 'status', su.status,
                'hoursPerWeek', su.hours_per_week, 'note', su.note, 'createdAt', su.created_at))
              FROM signups su JOIN projects p ON p.number = su.project_number
              JOIN project_roles r ON r.project_number = su.project_number AND r.role_number = su.role_number
              WHERE su.user_aad = :aad),
  'signUpInProgress', (SELECT json_agg(s) FROM signup_sessions s WHERE s.user_aad = :aad),
  'leader', (SELECT json_agg(l) FROM leaders l WHERE l.aad_object_id = :aad),
  'projectsLed', (SELECT json_agg(json_build_object('project', number, 'title', title)) FROM projects WHERE leader_aad = :aad),
  'needs', (SELECT json_agg(json_build_object('id', n.id, 'text', n.need_text, 'answers', n.answers, 'createdAt', n.created_at)) FROM needs n WHERE n.author_aad = :aad),
  'briefs', (SELECT json_agg(json_build_object('id', b.id, 'version', b.version, 'status', b.status, 'project', b.project_number, 'brief', b.brief_json::json))
             FROM briefs b WHERE b.author_aad = :aad),
  'manualsRequested', (SELECT json_agg(json_build_object('project', m.project_number, 'kind', m.kind, 'version', m.version, 'instruction', m.instruction, 'createdAt', m.created_at))
                       FROM manuals m WHERE m.created_by = :aad),
  'draftingRequests', (SELECT json_agg(json_build_object('kind', j.kind, 'status', j.status, 'createdAt', j.created_at)) FROM drafting_jobs j WHERE j.person_aad = :aad),
  'draftFeedback', (SELECT json_agg(json_build_object('kind', f.kind, 'draft', f.subject_kind, 'draftId', f.subject_id, 'category', f.category,
                      'comment', f.comment, 'createdAt', f.created_at)) FROM draft_feedback f WHERE f.person_aad = :aad),
  'profile', (SELECT json_agg(json_build_object('skills', p.skills, 'otherSkills', p.skills_other, 'interests', p.interests, 'hoursPerMonth', p.hours_per_month,
                'languages', p.languages, 'workMode', p.work_mode, 'area', p.area, 'askedAt', p.asked_at, 'savedAt', p.saved_at)) FROM profiles p WHERE p.aad_object_id = :aad),
  'invitations', (SELECT json_agg(json_build_object('project', i.project_number, 'invitedAt', i.invited_at)) FROM project_invitations i WHERE i.aad_object_id = :aad)
);
