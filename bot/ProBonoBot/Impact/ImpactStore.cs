using Dapper;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Outbox;
using ProBonoBot.Profiles;
using ProBonoBot.Storage;

namespace ProBonoBot.Impact;

/// <summary>What became of a close.</summary>
public enum CloseResult
{
    Closed,
    AlreadyClosed,
    NotClosable,
}

/// <summary>Closing a project (outcome, skills, profiles and thank-you cards in one transaction) and a member's hours and skills.</summary>
public sealed class ImpactStore(Db db, TimeProvider time, OutboxStore outbox, OutboxSignal signal, ProfileStore profiles)
{
    /// <summary>
    /// Closes once: the project goes from Team formed or In progress to Completed by a conditional update, and only the call
    /// that made that change records the outcome, the skills, the profiles' new skills and queues the thank-you cards.
    /// </summary>
    public async Task<CloseResult> CloseAsync(long project, Outcome outcome, IReadOnlyList<MemberSkills> skills, IReadOnlyDictionary<string, string?> names,
        IReadOnlyList<OutboxItem> thanks, string closedBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(skills);
        ArgumentNullException.ThrowIfNull(names);
        var result = await db.WriteAsync(async c =>
        {
            await using var tx = await c.BeginTransactionAsync(ct);
            var now = time.GetUtcNow();
            var changed = await c.ExecuteAsync(
                $"UPDATE projects SET status = @to, card_version = card_version + 1, updated_at = @now WHERE number = @project AND status IN ({(int)ProjectStatus.TeamFormed}, {(int)ProjectStatus.InProgress})",
                new { to = (long)ProjectStatus.Completed, now, project }, tx);
            if (changed == 0)
            {
                var status = await c.ExecuteScalarAsync<long?>("SELECT status FROM projects WHERE number = @project", new { project }, tx);
                return status == (long)ProjectStatus.Completed ? CloseResult.AlreadyClosed : CloseResult.NotClosable;
            }

            await c.ExecuteAsync(
                """
                INSERT INTO project_outcomes (project_number, output, outcome, impact, partner_feedback, closed_by, closed_at)
                VALUES (@project, @Output, @Result, @Impact, @Feedback, @closedBy, @now)
                """, new { project, outcome.Output, outcome.Result, outcome.Impact, outcome.Feedback, closedBy, now }, tx);
            foreach (var member in skills)
            {
                foreach (var skill in member.All)
                {
                    await c.ExecuteAsync(
                        "INSERT INTO member_skills (project_number, user_aad, skill) VALUES (@project, @aad, @skill) ON CONFLICT DO NOTHING",
                        new { project, aad = member.Aad, skill }, tx);
                }

                if (member.Ids.Count > 0)
                {
                    await profiles.AddSkillsAsync(c, tx, member.Aad, names.GetValueOrDefault(member.Aad), [.. member.Ids]);
                }
            }

            await outbox.EnqueueAsync(c, tx, thanks);
            await tx.CommitAsync(ct);
            return CloseResult.Closed;
        }, ct);
        if (result == CloseResult.Closed)
        {
            signal.Notify();
        }

        return result;
    }

    /// <summary>Approved and waiting minutes per person on a project.</summary>
    public async Task<IReadOnlyDictionary<string, (long Approved, long Waiting)>> HoursByMemberAsync(long project, CancellationToken ct) =>
        (await db.ReadAsync(c => c.QueryAsync<(string Aad, long Approved, long Waiting)>(
            """
            SELECT user_aad, CAST(SUM(CASE WHEN status = 1 THEN minutes ELSE 0 END) AS BIGINT), CAST(SUM(CASE WHEN status = 0 THEN minutes ELSE 0 END) AS BIGINT)
            FROM hours WHERE project_number = @project GROUP BY user_aad
            """, new { project }), ct))
        .ToDictionary(r => r.Aad, r => (r.Approved, r.Waiting), StringComparer.OrdinalIgnoreCase);

    /// <summary>A person's projects: confirmed on them (any project status) or with hours logged, with approved and waiting minutes.</summary>
    public async Task<IReadOnlyList<(long Number, string Title, ProjectStatus Status, long Approved, long Waiting)>> ProjectsOfAsync(string aad, CancellationToken ct) =>
        [.. (await db.ReadAsync(c => c.QueryAsync<(long Number, string Title, long Status, long Approved, long Waiting)>(
            """
            SELECT p.number, p.title, p.status,
                   CAST(COALESCE((SELECT SUM(h.minutes) FROM hours h WHERE h.project_number = p.number AND h.user_aad = @aad AND h.status = 1), 0) AS BIGINT),
                   CAST(COALESCE((SELECT SUM(h.minutes) FROM hours h WHERE h.project_number = p.number AND h.user_aad = @aad AND h.status = 0), 0) AS BIGINT)
            FROM projects p
            WHERE EXISTS (SELECT 1 FROM signups s WHERE s.project_number = p.number AND s.user_aad = @aad AND s.status = 0)
               OR EXISTS (SELECT 1 FROM hours h WHERE h.project_number = p.number AND h.user_aad = @aad AND h.status IN (0, 1))
            ORDER BY p.number
            """, new { aad }), ct))
        .Select(r => (r.Number, r.Title, (ProjectStatus)r.Status, r.Approved, r.Waiting))];

    /// <summary>The skills recorded for a person on closed projects (lexicon ids or free text).</summary>
    public async Task<IReadOnlyList<string>> SkillsUsedAsync(string aad, CancellationToken ct) =>
        [.. await db.ReadAsync(c => c.QueryAsync<string>("SELECT DISTINCT skill FROM member_skills WHERE user_aad = @aad ORDER BY skill", new { aad }), ct)];
}
