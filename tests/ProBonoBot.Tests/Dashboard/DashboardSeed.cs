using Dapper;
using ProBonoBot.Storage;

namespace ProBonoBot.Tests.Dashboard;

/// <summary>A small club in SQL (both dialects): projects in every stage, sign-ups, a need, briefs, a broadcast, milestones and hours.</summary>
internal static class DashboardSeed
{
    public const string Hostile = "<img src=x onerror=alert(1)> & \"quotes\"";

    public static Task SeedAsync(Db db) => db.WriteAsync(async c =>
    {
        var now = DateTimeOffset.UtcNow;
        for (var n = 1; n <= 6; n++)
        {
            await c.ExecuteAsync("""
                INSERT INTO projects (title, partner, summary, hours_per_week, language, leader_aad, leader_name, status, card_version, created_at, updated_at, published_at)
                VALUES (@title, @partner, 'Summary', 4, 'ja', 'aad-leader', 'Leader', @status, 1, @now, @now, @now)
                """, new { n, title = n == 2 ? Hostile : $"Project {n}", partner = n == 2 ? "NPO Kodomo" : $"Partner {n}", status = (long)(n - 1), now });
            await c.ExecuteAsync("INSERT INTO project_roles (project_number, role_number, name, skills, seats) VALUES (@n, 1, 'Designer', 'design', 2), (@n, 2, 'Developer', NULL, 1)", new { n });
        }

        // Project 2 (recruiting): two confirmed, one waitlisted, one offered, one withdrawn.
        var people = new (string Aad, string Name, long Role, long Status)[]
        {
            ("aad-a", "Aiko", 1, 0), ("aad-b", Hostile, 1, 0), ("aad-c", "Chie", 1, 1), ("aad-d", "Daiki", 2, 2), ("aad-e", "Emi", 2, 3),
        };
        foreach (var p in people)
        {
            await c.ExecuteAsync("""
                INSERT INTO signups (project_number, role_number, user_aad, user_name, status, hours_per_week, note, offered_until, created_at, updated_at)
                VALUES (2, @Role, @Aad, @Name, @Status, 3, @note, @until, @now, @now)
                """, new { p.Role, p.Aad, p.Name, p.Status, note = p.Aad == "aad-b" ? Hostile : null, until = p.Status == 2 ? now.AddDays(2) : (DateTimeOffset?)null, now });
        }

        await c.ExecuteAsync("""
            INSERT INTO needs (author_aad, author_name, conversation_id, service_url, language, need_text, status, created_at, updated_at)
            VALUES ('aad-partner', 'Partner', 'a:p', 'http://127.0.0.1', 'ja', @text, 1, @now, @now),
                   ('aad-partner', 'Partner', 'a:p', 'http://127.0.0.1', 'ja', 'A need with a brief', 1, @now, @now);
            INSERT INTO briefs (need_id, author_aad, author_name, language, brief_json, source, status, created_at, updated_at)
            VALUES (2, 'aad-partner', 'Partner', 'ja', '{"title":"Brief title"}', 'offline', 1, @now, @now);
            INSERT INTO draft_feedback (kind, subject_kind, subject_id, category, comment, person_aad, person_name, dedup_key, created_at)
            VALUES ('report', 'brief', 1, 'facts', @text, 'aad-a', 'Aiko', 'k1', @now);
            INSERT INTO drafting_usage (day, tokens) VALUES (@day, 1234);
            INSERT INTO broadcasts (project_number, audience, created_by, status, total, created_at, completed_at)
            VALUES (2, 'people', 'aad-leader', 1, 3, @now, @now);
            INSERT INTO outbox (user_aad, conversation_id, service_url, activity, status, attempts, not_before, result, created_at, sent_at, broadcast_id)
            VALUES ('aad-a', 'a:1', 'http://127.0.0.1', '{}', 1, 1, @now, 'id-1', @now, @now, 1),
                   ('aad-b', 'a:2', 'http://127.0.0.1', '{}', 3, 1, @now, '403 blocked', @now, @later, 1),
                   ('aad-c', 'a:3', 'http://127.0.0.1', '{}', 2, 3, @now, '500', @now, @later, 1);
            INSERT INTO conversation_refs (conversation_id, conversation_type, service_url, channel_id, user_aad_object_id, user_name, installed_at, updated_at)
            VALUES ('a:2', 'personal', 'http://127.0.0.1', 'msteams', 'aad-b', 'Bunta', @now, @now);
            INSERT INTO milestones (project_number, kind, title, starts_at, duration_minutes, place, cancelled, created_at, updated_at)
            VALUES (2, 'meeting', 'Kick-off', @later, 60, 'Teams', FALSE, @now, @now);
            INSERT INTO hours (project_number, user_aad, user_name, period, worked_on, minutes, status, created_at, updated_at)
            VALUES (2, 'aad-a', 'Aiko', '2026-W48', '2026-11-27', 90, 1, @now, @now);
            """, new { text = Hostile, now, later = now.AddMinutes(5), day = now.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        return 0;
    }, CancellationToken.None);
}
