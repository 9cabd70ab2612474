using System.Data.Common;
using Dapper;
using ProBonoBot.Outbox;
using ProBonoBot.SignUps;
using ProBonoBot.Storage;

namespace ProBonoBot.Hours;

/// <summary>
/// Volunteer hours (table <c>hours</c>): one entry per member, project and period, in whole minutes, logged only by a
/// confirmed member of the project. A member's change puts the entry back to waiting; a leader approves or rejects in
/// bulk, each entry only if it is still the version they saw, and a correction keeps what the member logged.
/// </summary>
public sealed class HoursStore(Db db, OutboxStore outbox, OutboxSignal signal, TimeProvider time)
{
    private const string Columns =
        "id AS Id, project_number AS ProjectNumber, user_aad AS UserAad, user_name AS UserName, period AS Period, worked_on AS WorkedOn, " +
        "minutes AS Minutes, note AS Note, status AS Status, logged_minutes AS LoggedMinutes, reviewed_by AS ReviewedBy";

    /// <summary>
    /// Logs the member's hours for a period. A first entry is inserted; an existing one is left alone unless
    /// <paramref name="overwrite"/> (Save of the edit area), which replaces hours, date and note and puts it back to waiting.
    /// </summary>
    public Task<(LogResult Result, HoursEntry? Entry)> LogAsync(long project, Person person, HoursPeriod period, long minutes, string workedOn, string? note,
        bool overwrite, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(period);
        return db.WriteAsync<(LogResult, HoursEntry?)>(async c =>
        {
            await using var tx = await c.BeginTransactionAsync(ct);
            if (await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM projects WHERE number = @project", new { project }, tx) == 0)
            {
                return (LogResult.UnknownProject, null);
            }

            if (!await IsConfirmedAsync(c, tx, project, person.Aad))
            {
                return (LogResult.NotMember, null);
            }

            var now = time.GetUtcNow();
            var key = new { project, aad = person.Aad, period = period.ToString() };
            var existing = await FindAsync(c, tx, key);
            if (existing is null)
            {
                // Two clicks racing on two instances: the second insert does nothing and reads the first one's entry.
                var id = await c.ExecuteScalarAsync<long?>(
                    """
                    INSERT INTO hours (project_number, user_aad, user_name, period, worked_on, minutes, note, status, created_at, updated_at)
                    VALUES (@project, @aad, @name, @period, @workedOn, @minutes, @note, 0, @now, @now)
                    ON CONFLICT (project_number, user_aad, period) DO NOTHING RETURNING id
                    """, new { key.project, key.aad, name = person.Name, key.period, workedOn, minutes, note, now }, tx);
                var entry = await FindAsync(c, tx, key);
                await tx.CommitAsync(ct);
                return (id is null ? LogResult.AlreadyLogged : LogResult.Logged, entry);
            }

            if (!overwrite || (existing.Minutes == minutes && existing.WorkedOn == workedOn && existing.Note == note))
            {
                return (LogResult.AlreadyLogged, existing);
            }

            await c.ExecuteAsync(
                """
                UPDATE hours SET minutes = @minutes, worked_on = @workedOn, note = @note, user_name = @name, status = 0, logged_minutes = NULL,
                                 reviewed_by = NULL, reviewed_at = NULL, updated_at = @now
                WHERE id = @id
                """, new { id = existing.Id, minutes, workedOn, note, name = person.Name ?? existing.UserName, now }, tx);
            var saved = await FindAsync(c, tx, key);
            await tx.CommitAsync(ct);
            return (existing.Status == HoursStatus.Approved ? LogResult.SavedBackToWaiting : LogResult.Saved, saved);
        }, ct);
    }

    public Task<HoursEntry?> GetAsync(long id, CancellationToken ct) =>
        db.ReadAsync(c => c.QuerySingleOrDefaultAsync<HoursEntry?>($"SELECT {Columns} FROM hours WHERE id = @id", new { id }), ct);

    /// <summary>The member's entries, newest first.</summary>
    public Task<IReadOnlyList<HoursEntry>> ForUserAsync(string aad, int max, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<HoursEntry>>(async c => [.. await c.QueryAsync<HoursEntry>(
            $"SELECT {Columns} FROM hours WHERE user_aad = @aad ORDER BY worked_on DESC, id DESC LIMIT @max", new { aad, max })], ct);

    /// <summary>A project's entries waiting for approval, oldest first (at most <paramref name="max"/>), and how many wait in all.</summary>
    public Task<(IReadOnlyList<HoursEntry> Entries, int Total)> WaitingAsync(long project, int max, CancellationToken ct) =>
        db.ReadAsync<(IReadOnlyList<HoursEntry>, int)>(async c =>
        {
            var entries = await c.QueryAsync<HoursEntry>(
                $"SELECT {Columns} FROM hours WHERE project_number = @project AND status = 0 ORDER BY worked_on, id LIMIT @max", new { project, max });
            var total = await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM hours WHERE project_number = @project AND status = 0", new { project });
            return ([.. entries], (int)total);
        }, ct);

    /// <summary>The projects <paramref name="leaderAad"/> leads that have entries waiting, with how many.</summary>
    public Task<IReadOnlyList<(long Project, int Waiting)>> WaitingForLeaderAsync(string leaderAad, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<(long, int)>>(async c => [.. (await c.QueryAsync<(long, long)>(
            """
            SELECT h.project_number, COUNT(*) FROM hours h JOIN projects p ON p.number = h.project_number
            WHERE h.status = 0 AND LOWER(p.leader_aad) = LOWER(@leaderAad)
            GROUP BY h.project_number ORDER BY h.project_number
            """, new { leaderAad })).Select(r => (r.Item1, (int)r.Item2))], ct);

    /// <summary>Whether the person is a confirmed member of the project now.</summary>
    public Task<bool> IsConfirmedAsync(long project, string aad, CancellationToken ct) =>
        db.ReadAsync(c => IsConfirmedAsync(c, null, project, aad), ct);

    /// <summary>
    /// Approves (optionally with corrected minutes) or rejects the chosen entries of one project in one transaction.
    /// Nothing changes when any id is not an entry of this project (tampered data). An entry that is no longer the
    /// version the leader saw is skipped and returned as stale. <paramref name="notices"/> (by entry id) are queued
    /// for the entries that changed, in the same transaction.
    /// </summary>
    public Task<ReviewOutcome> ReviewAsync(long project, string reviewer, IReadOnlyList<HoursDecision> decisions, HoursStatus to,
        IReadOnlyDictionary<long, OutboxItem> notices, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(notices);
        var ids = decisions.Select(d => d.Id).Distinct().ToArray();
        var result = db.WriteAsync(async c =>
        {
            await using var tx = await c.BeginTransactionAsync(ct);
            var entries = (await c.QueryAsync<HoursEntry>($"SELECT {Columns} FROM hours WHERE {db.In("id", "ids")}", new { ids }, tx)).ToDictionary(e => e.Id);
            if (ids.Length != decisions.Count || entries.Count != ids.Length || entries.Values.Any(e => e.ProjectNumber != project))
            {
                return new ReviewOutcome(false, 0, 0, [], []);
            }

            var now = time.GetUtcNow();
            var stale = new List<HoursEntry>();
            var reviewed = new List<HoursEntry>();
            var changed = new List<OutboxItem>();
            long minutes = 0;
            foreach (var d in decisions)
            {
                var e = entries[d.Id];
                var corrected = to == HoursStatus.Approved && d.Minutes is { } m && m != e.Minutes ? m : (long?)null;
                // The conditional UPDATE is the check: an entry edited since the card was shown (or reviewed by someone else) is not touched.
                var updated = e.Status == HoursStatus.Waiting && e.Version == d.Version && await c.ExecuteAsync(
                    """
                    UPDATE hours SET status = @status, minutes = @minutes, logged_minutes = @logged, reviewed_by = @reviewer, reviewed_at = @now, updated_at = @now
                    WHERE id = @id AND status = 0 AND minutes = @old AND worked_on = @workedOn
                    """, new { id = e.Id, status = (int)to, minutes = corrected ?? e.Minutes, logged = corrected is null ? (long?)null : e.Minutes, reviewer, now, old = e.Minutes, workedOn = e.WorkedOn }, tx) == 1;
                if (!updated)
                {
                    (e.Status == HoursStatus.Waiting ? stale : reviewed).Add(e);
                    continue;
                }

                minutes += corrected ?? e.Minutes;
                if ((corrected is not null || to == HoursStatus.Rejected) && notices.TryGetValue(e.Id, out var notice))
                {
                    changed.Add(notice);
                }
            }

            await outbox.EnqueueAsync(c, tx, changed);
            await tx.CommitAsync(ct);
            return new ReviewOutcome(true, decisions.Count - stale.Count - reviewed.Count, minutes, stale, reviewed);
        }, ct);
        return NotifyAfterAsync(result);
    }

    private async Task<ReviewOutcome> NotifyAfterAsync(Task<ReviewOutcome> review)
    {
        var outcome = await review;
        signal.Notify();
        return outcome;
    }

    private static Task<HoursEntry?> FindAsync(DbConnection c, DbTransaction tx, object key) =>
        c.QuerySingleOrDefaultAsync<HoursEntry?>($"SELECT {Columns} FROM hours WHERE project_number = @project AND user_aad = @aad AND period = @period", key, tx);

    internal static async Task<bool> IsConfirmedAsync(DbConnection c, DbTransaction? tx, long project, string aad) =>
        await c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM signups WHERE project_number = @project AND user_aad = @aad AND status = @confirmed",
            new { project, aad, confirmed = (int)SignUpStatus.Confirmed }, tx) > 0;
}
