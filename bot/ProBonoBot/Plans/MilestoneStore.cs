using System.Data.Common;
using Dapper;
using ProBonoBot.Outbox;
using ProBonoBot.Storage;

namespace ProBonoBot.Plans;

/// <summary>
/// The plans of projects: milestones and meetings, the members' answers, and (in the partial file) the reminders. A plan
/// exists once a row in <c>plans</c> does; inserting that row is what seeds it, so it is seeded once however many people
/// open it at the same moment. Saving the leader's card checks and raises the plan's version in the same transaction
/// as the changes, the reminder rows and the "changed" messages.
/// </summary>
public sealed partial class MilestoneStore(Db db, OutboxStore outbox, OutboxSignal signal, TimeProvider time)
{
    private const string Columns =
        "id AS Id, project_number AS ProjectNumber, kind AS Kind, title AS Title, starts_at AS StartsAt, duration_minutes AS DurationMinutes, " +
        "place AS Place, sequence AS Sequence, CAST(CASE WHEN cancelled THEN 1 ELSE 0 END AS BIGINT) AS Cancelled";

    /// <summary>The plan, or null when it was never opened (not seeded yet).</summary>
    public Task<StoredPlan?> PlanAsync(long project, CancellationToken ct) =>
        db.ReadAsync(async c =>
        {
            var version = await c.QuerySingleOrDefaultAsync<long?>("SELECT version FROM plans WHERE project_number = @project", new { project });
            return version is { } v ? new StoredPlan(v, await ListAsync(c, null, project)) : null;
        }, ct);

    public Task<Milestone?> MilestoneAsync(long id, CancellationToken ct) =>
        db.ReadAsync(c => c.QuerySingleOrDefaultAsync<Milestone?>($"SELECT {Columns} FROM milestones WHERE id = @id", new { id }), ct);

    /// <summary>Creates the plan with <paramref name="seed"/> unless it exists; true when this call created it.</summary>
    public Task<bool> SeedAsync(long project, IReadOnlyList<MilestoneInput> seed, CancellationToken ct) =>
        db.WriteAsync(async c =>
        {
            await using var tx = await c.BeginTransactionAsync(ct);
            var now = time.GetUtcNow();
            var created = await c.ExecuteAsync(
                "INSERT INTO plans (project_number, version, created_at, updated_at) VALUES (@project, 1, @now, @now) ON CONFLICT (project_number) DO NOTHING",
                new { project, now }, tx);
            if (created == 1)
            {
                foreach (var m in seed)
                {
                    await InsertAsync(c, tx, project, m, now);
                }
            }

            await tx.CommitAsync(ct);
            return created == 1;
        }, ct);

    /// <summary>
    /// Applies the leader's rows if the plan is still at <paramref name="version"/> (else nothing changes: a stale card or a
    /// second click), makes the reminder rows of the new dates, and queues <paramref name="notices"/> with the change.
    /// </summary>
    public async Task<PlanSaveResult> SaveAsync(long project, long version, IReadOnlyList<MilestoneInput> rows, IReadOnlyList<OutboxItem> notices,
        TimeSpan lead, CancellationToken ct)
    {
        var result = await db.WriteAsync(async c =>
        {
            await using var tx = await c.BeginTransactionAsync(ct);
            var now = time.GetUtcNow();
            var claimed = await c.ExecuteAsync("UPDATE plans SET version = version + 1, updated_at = @now WHERE project_number = @project AND version = @version",
                new { project, version, now }, tx);
            if (claimed == 0)
            {
                return PlanSaveResult.Stale;
            }

            var current = (await ListAsync(c, tx, project)).ToDictionary(m => m.Id);
            foreach (var row in rows)
            {
                if (row.Id is not { } id)
                {
                    await InsertAsync(c, tx, project, row, now);
                }
                else if (current.TryGetValue(id, out var before) && row.ChangesAnything(before))
                {
                    await UpdateAsync(c, tx, row, before, lead, now);
                }
            }

            await EnsureRemindersAsync(c, tx, project, lead, now);
            await outbox.EnqueueAsync(c, tx, notices);
            await tx.CommitAsync(ct);
            return PlanSaveResult.Saved;
        }, ct);
        signal.Notify();
        return result;
    }

    /// <summary>Stores a member's answer; the last answer counts.</summary>
    public Task AnswerAsync(long milestone, string aad, string? name, bool attending, CancellationToken ct) =>
        db.WriteAsync(c => c.ExecuteAsync(
            """
            INSERT INTO attendance (milestone_id, user_aad, user_name, attending, answered_at) VALUES (@milestone, @aad, @name, @attending, @now)
            ON CONFLICT (milestone_id, user_aad) DO UPDATE SET user_name = @name, attending = @attending, answered_at = @now
            """, new { milestone, aad, name, attending, now = time.GetUtcNow() }), ct);

    /// <summary>Every answer given for the project's milestones.</summary>
    public Task<IReadOnlyList<Attendance>> AttendanceAsync(long project, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<Attendance>>(async c => [.. (await c.QueryAsync<(long Milestone, string Aad, string? Name, long Attending)>(
            """
            SELECT a.milestone_id, a.user_aad, a.user_name, CAST(CASE WHEN a.attending THEN 1 ELSE 0 END AS BIGINT)
            FROM attendance a JOIN milestones m ON m.id = a.milestone_id WHERE m.project_number = @project
            """, new { project })).Select(r => new Attendance(r.Milestone, r.Aad, r.Name, r.Attending == 1))], ct);

    private static async Task<IReadOnlyList<Milestone>> ListAsync(DbConnection c, DbTransaction? tx, long project) =>
        [.. await c.QueryAsync<Milestone>(
            $"SELECT {Columns} FROM milestones WHERE project_number = @project ORDER BY CASE WHEN starts_at IS NULL THEN 1 ELSE 0 END, starts_at, id",
            new { project }, tx)];

    private static Task<int> InsertAsync(DbConnection c, DbTransaction tx, long project, MilestoneInput m, DateTimeOffset now) =>
        c.ExecuteAsync(
            """
            INSERT INTO milestones (project_number, kind, title, starts_at, duration_minutes, place, sequence, cancelled, created_at, updated_at)
            VALUES (@project, @Kind, @Title, @StartsAt, @DurationMinutes, @Place, 0, @Cancelled, @now, @now)
            """, new { project, m.Kind, m.Title, m.StartsAt, m.DurationMinutes, m.Place, m.Cancelled, now }, tx);

    private static async Task UpdateAsync(DbConnection c, DbTransaction tx, MilestoneInput row, Milestone before, TimeSpan lead, DateTimeOffset now)
    {
        await c.ExecuteAsync(
            """
            UPDATE milestones SET kind = @Kind, title = @Title, starts_at = @StartsAt, duration_minutes = @DurationMinutes, place = @Place,
                cancelled = @Cancelled, sequence = sequence + @bump, updated_at = @now
            WHERE id = @Id
            """, new { row.Id, row.Kind, row.Title, row.StartsAt, row.DurationMinutes, row.Place, row.Cancelled, bump = row.ChangesInvite(before) ? 1 : 0, now }, tx);
        if (row.StartsAt == before.StartsAt && row.Cancelled == before.Cancelled)
        {
            return;
        }

        // Reminders waiting for the old date (or for a milestone now cancelled) are never sent; a date set again brings its
        // own rows back (the key includes the date), due afresh.
        await c.ExecuteAsync("UPDATE reminders SET status = 3 WHERE milestone_id = @Id AND status = 0", new { row.Id }, tx);
        if (row is { StartsAt: { } starts, Cancelled: false })
        {
            await c.ExecuteAsync("UPDATE reminders SET status = 0, due_at = @due, sent_at = NULL WHERE milestone_id = @Id AND starts_at = @starts AND status = 3",
                new { row.Id, starts, due = DueAt(starts, lead, now) }, tx);
        }
    }
}
