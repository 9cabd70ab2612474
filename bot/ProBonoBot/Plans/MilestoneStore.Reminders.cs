using System.Data.Common;
using Dapper;
using ProBonoBot.Outbox;

namespace ProBonoBot.Plans;

/// <summary>A reminder that is due, with what its message needs and what is true of its milestone and member now.</summary>
public sealed record DueReminder
{
    public long MilestoneId { get; init; }
    public string UserAad { get; init; } = string.Empty;
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset DueAt { get; init; }
    public long ProjectNumber { get; init; }
    public string ProjectTitle { get; init; } = string.Empty;
    public string ProjectLanguage { get; init; } = "ja";
    public string Kind { get; init; } = Milestone.KindMilestone;
    public string Title { get; init; } = string.Empty;
    public DateTimeOffset? CurrentStartsAt { get; init; }
    public long DurationMinutes { get; init; }
    public string? Place { get; init; }
    public long Cancelled { get; init; }
    public long IsMember { get; init; }
    public string? TeamsId { get; init; }
    public string? Language { get; init; }
    public string? Locale { get; init; }
    public string? Zone { get; init; }
    public long? Attending { get; init; }
}

/// <summary>What one pass over the due reminders did.</summary>
public sealed record ReminderPass(int Sent, int Late, int Skipped, int Obsolete)
{
    public int Total => Sent + Skipped + Obsolete;
}

/// <summary>Reminders: one row per member and milestone date, claimed once.</summary>
public sealed partial class MilestoneStore
{
    /// <summary>When a reminder for <paramref name="startsAt"/> is due: <paramref name="lead"/> before, or now when that has passed.</summary>
    public static DateTimeOffset DueAt(DateTimeOffset startsAt, TimeSpan lead, DateTimeOffset now) =>
        startsAt - lead > now ? startsAt - lead : now;

    /// <summary>
    /// Makes the missing reminder rows of every upcoming, dated, not cancelled milestone for every confirmed member (all
    /// projects): members who joined after a date was set get theirs here. Returns how many rows were made.
    /// </summary>
    public Task<int> EnsureRemindersAsync(TimeSpan lead, CancellationToken ct) =>
        db.WriteAsync(async c =>
        {
            await using var tx = await c.BeginTransactionAsync(ct);
            var made = await EnsureRemindersAsync(c, tx, null, lead, time.GetUtcNow());
            await tx.CommitAsync(ct);
            return made;
        }, ct);

    private static async Task<int> EnsureRemindersAsync(DbConnection c, DbTransaction tx, long? project, TimeSpan lead, DateTimeOffset now)
    {
        var missing = (await c.QueryAsync<(long Milestone, string Aad, DateTimeOffset StartsAt)>(
            $"""
            SELECT m.id, s.user_aad, m.starts_at
            FROM milestones m JOIN signups s ON s.project_number = m.project_number AND s.status = 0
            WHERE m.starts_at IS NOT NULL AND m.cancelled = FALSE AND m.starts_at > @now
              {(project is null ? string.Empty : "AND m.project_number = @project")}
              AND NOT EXISTS (SELECT 1 FROM reminders r WHERE r.milestone_id = m.id AND r.user_aad = s.user_aad AND r.starts_at = m.starts_at)
            """, new { now, project }, tx)).ToList();
        return await c.ExecuteAsync(
            """
            INSERT INTO reminders (milestone_id, user_aad, starts_at, due_at, status) VALUES (@Milestone, @Aad, @StartsAt, @Due, 0)
            ON CONFLICT (milestone_id, user_aad, starts_at) DO NOTHING
            """, missing.Select(m => new { m.Milestone, m.Aad, m.StartsAt, Due = DueAt(m.StartsAt, lead, now) }), tx);
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> due reminders in one transaction. Each is checked against what is true now:
    /// its milestone cancelled or moved, or its member no longer confirmed → obsolete (3); the milestone already begun →
    /// skipped (2); otherwise sent (1) and its message, made by <paramref name="message"/>, queued in the same transaction.
    /// The conditional UPDATE (status = 0) makes a second instance or a restart find nothing to send twice.
    /// </summary>
    public async Task<ReminderPass> ClaimRemindersAsync(int max, TimeSpan lateAfter, Func<DueReminder, bool, Task<OutboxItem>> message, CancellationToken ct)
    {
        var pass = await db.WriteAsync(async c =>
        {
            await using var tx = await c.BeginTransactionAsync(ct);
            var now = time.GetUtcNow();
            var due = await c.QueryAsync<DueReminder>(
                $"""
                SELECT r.milestone_id AS MilestoneId, r.user_aad AS UserAad, r.starts_at AS StartsAt, r.due_at AS DueAt,
                       m.project_number AS ProjectNumber, p.title AS ProjectTitle, p.language AS ProjectLanguage, m.kind AS Kind, m.title AS Title,
                       m.starts_at AS CurrentStartsAt, m.duration_minutes AS DurationMinutes, m.place AS Place,
                       CAST(CASE WHEN m.cancelled THEN 1 ELSE 0 END AS BIGINT) AS Cancelled,
                       CAST(CASE WHEN s.user_aad IS NULL THEN 0 ELSE 1 END AS BIGINT) AS IsMember, s.user_teams_id AS TeamsId,
                       us.language AS Language, us.time_zone AS Zone,
                       (SELECT MIN(cr.locale) FROM conversation_refs cr WHERE cr.user_aad_object_id = r.user_aad AND cr.conversation_type = 'personal') AS Locale,
                       (SELECT CAST(CASE WHEN a.attending THEN 1 ELSE 0 END AS BIGINT) FROM attendance a WHERE a.milestone_id = r.milestone_id AND a.user_aad = r.user_aad) AS Attending
                FROM reminders r
                JOIN milestones m ON m.id = r.milestone_id
                JOIN projects p ON p.number = m.project_number
                LEFT JOIN signups s ON s.project_number = m.project_number AND s.user_aad = r.user_aad AND s.status = 0
                LEFT JOIN user_settings us ON us.aad_object_id = r.user_aad
                WHERE r.status = 0 AND r.due_at <= @now
                ORDER BY r.due_at LIMIT @max {(db.IsSqlite ? string.Empty : "FOR UPDATE OF r SKIP LOCKED")}
                """, new { now, max }, tx);
            int sent = 0, late = 0, skipped = 0, obsolete = 0;
            var messages = new List<OutboxItem>();
            foreach (var r in due)
            {
                var status = r.Cancelled == 1 || r.CurrentStartsAt != r.StartsAt || r.IsMember == 0 ? 3 : r.StartsAt <= now ? 2 : 1;
                var claimed = await c.ExecuteAsync(
                    "UPDATE reminders SET status = @status, sent_at = @sentAt WHERE milestone_id = @MilestoneId AND user_aad = @UserAad AND starts_at = @StartsAt AND status = 0",
                    new { status, sentAt = status == 1 ? now : (DateTimeOffset?)null, r.MilestoneId, r.UserAad, r.StartsAt }, tx);
                if (claimed == 0)
                {
                    continue;
                }

                switch (status)
                {
                    case 1:
                        var isLate = now - r.DueAt > lateAfter;
                        messages.Add(await message(r, isLate));
                        sent++;
                        late += isLate ? 1 : 0;
                        break;
                    case 2:
                        skipped++;
                        break;
                    default:
                        obsolete++;
                        break;
                }
            }

            await outbox.EnqueueAsync(c, tx, messages);
            await tx.CommitAsync(ct);
            return new ReminderPass(sent, late, skipped, obsolete);
        }, ct);
        if (pass.Sent > 0)
        {
            signal.Notify();
        }

        return pass;
    }
}
