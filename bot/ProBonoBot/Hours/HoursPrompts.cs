using System.Globalization;
using Dapper;
using Microsoft.Extensions.Options;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Hours;
using ProBonoBot.Outbox;
using ProBonoBot.People;
using ProBonoBot.SignUps;
using ProBonoBot.Storage;

namespace ProBonoBot.Hours;

/// <summary>
/// Queues the hours cards that are due: after each dated, not cancelled milestone or meeting of a project with a team
/// (at its end + <see cref="HoursOptions.AfterMilestone"/>), and weekly while a project is in progress (on
/// <see cref="HoursOptions.WeeklyDay"/> at <see cref="HoursOptions.WeeklyAt"/> in each member's zone). Each card is
/// claimed by a row in <c>hours_prompts</c> inserted in the transaction that queues it, so a restart or a second
/// instance never sends it twice. After downtime a milestone's card still goes out up to
/// <see cref="HoursOptions.MilestoneLateLimit"/> late, and only the current week's card is sent — missed weeks are not
/// sent in a burst (members log them with <c>my hours</c>).
/// </summary>
public sealed class HoursPrompts(Db db, OutboxStore outbox, OutboxSignal signal, HoursMilestones milestones, LanguageResolver languages, IOptions<HoursOptions> options)
{
    /// <summary>A confirmed member of a project, with what their card needs.</summary>
    private sealed record Member
    {
        public long ProjectNumber { get; init; }
        public string Title { get; init; } = string.Empty;
        public string ProjectLanguage { get; init; } = "ja";
        public long ProjectHours { get; init; }
        public string UserAad { get; init; } = string.Empty;
        public string? UserTeamsId { get; init; }
        public long? HoursPerWeek { get; init; }
        public string? Language { get; init; }
        public string? Zone { get; init; }

        /// <summary>The reader's language for their zone (as for the daily broadcast cap): their choice, else the project's.</summary>
        public Language ZoneLanguage => (Language ?? ProjectLanguage) == "en" ? Cards.Language.English : Cards.Language.Japanese;

        public long WeeklyMinutes => (HoursPerWeek ?? ProjectHours) * 60;
    }

    private sealed record Due(Member Member, HoursPeriod Period, MilestoneInfo? Milestone, long Minutes, DateOnly Day);

    /// <summary>Queues every card due at <paramref name="now"/> that was not queued before; returns how many were queued.</summary>
    public async Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken ct)
    {
        var due = new List<Due>();
        due.AddRange(await AfterMilestonesAsync(now, ct));
        due.AddRange(await WeeklyAsync(now, ct));
        if (due.Count == 0)
        {
            return 0;
        }

        var asked = await AskedAsync(due, ct);
        var queued = 0;
        foreach (var batch in due.Where(d => !asked.Contains(Key(d))).Chunk(100))
        {
            queued += await QueueAsync(batch, now, ct);
        }

        if (queued > 0)
        {
            signal.Notify();
        }

        return queued;
    }

    private async Task<IEnumerable<Due>> AfterMilestonesAsync(DateTimeOffset now, CancellationToken ct)
    {
        var o = options.Value;
        // A milestone's card is due at start + duration + AfterMilestone; durations over 31 days are not meetings anyone logs.
        var started = await milestones.StartedBetweenAsync(now - o.AfterMilestone - o.MilestoneLateLimit - TimeSpan.FromDays(31), now - o.AfterMilestone, ct);
        var dueNow = started.Where(m => m.StartsAt!.Value + TimeSpan.FromMinutes(m.DurationMinutes) + o.AfterMilestone is var at
            && at <= now && now - at <= o.MilestoneLateLimit).ToList();
        if (dueNow.Count == 0)
        {
            return [];
        }

        var members = await MembersAsync(dueNow.Select(m => m.ProjectNumber).Distinct().ToArray(), inProgressOnly: false, ct);
        return dueNow.SelectMany(m => members.Where(p => p.ProjectNumber == m.ProjectNumber).Select(p =>
        {
            var period = HoursPeriod.ForMilestone(m.Id);
            var minutes = m.IsMeeting ? m.DurationMinutes : p.WeeklyMinutes;
            return new Due(p, period, m, minutes, HoursLabels.LocalDate(m.StartsAt!.Value, p.ZoneLanguage, p.Zone));
        }));
    }

    private async Task<IEnumerable<Due>> WeeklyAsync(DateTimeOffset now, CancellationToken ct)
    {
        var o = options.Value;
        var result = new List<Due>();
        foreach (var p in await MembersAsync(null, inProgressOnly: true, ct))
        {
            var local = TimeZoneInfo.ConvertTime(now, HoursLabels.Zone(p.ZoneLanguage, p.Zone)).DateTime;
            var today = DateOnly.FromDateTime(local);
            var week = HoursPeriod.WeekOf(today);
            // Only the week the member is in now: a week missed while the bot was down is never sent late.
            if (local >= ISOWeek.ToDateTime(week.Year, week.Week, o.WeeklyDay) + o.WeeklyAt)
            {
                result.Add(new Due(p, week, null, p.WeeklyMinutes, today));
            }
        }

        return result;
    }

    private Task<IReadOnlyList<Member>> MembersAsync(long[]? projects, bool inProgressOnly, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<Member>>(async c => [.. await c.QueryAsync<Member>(
            $"""
            SELECT s.project_number AS ProjectNumber, p.title AS Title, p.language AS ProjectLanguage, p.hours_per_week AS ProjectHours,
                   s.user_aad AS UserAad, s.user_teams_id AS UserTeamsId, s.hours_per_week AS HoursPerWeek, u.language AS Language, u.time_zone AS Zone
            FROM signups s JOIN projects p ON p.number = s.project_number LEFT JOIN user_settings u ON u.aad_object_id = s.user_aad
            WHERE s.status = 0 AND {(inProgressOnly ? "p.status = 3" : db.In("p.number", "projects") + " AND p.status IN (2, 3)")}
            ORDER BY s.project_number, s.seq
            """, new { projects = projects ?? [] })], ct);

    /// <summary>The cards already queued among the due ones (one read, so a minute with nothing new writes nothing).</summary>
    private Task<HashSet<string>> AskedAsync(IReadOnlyCollection<Due> due, CancellationToken ct) =>
        db.ReadAsync(async c =>
        {
            var periods = due.Select(d => d.Period.ToString()).Distinct().ToArray();
            var projects = due.Select(d => d.Member.ProjectNumber).Distinct().ToArray();
            var rows = await c.QueryAsync<(long, string, string)>(
                $"SELECT project_number, user_aad, period FROM hours_prompts WHERE {db.In("period", "periods")} AND {db.In("project_number", "projects")}",
                new { periods, projects });
            return rows.Select(r => Key(r.Item1, r.Item2, r.Item3)).ToHashSet(StringComparer.Ordinal);
        }, ct);

    private async Task<int> QueueAsync(IReadOnlyList<Due> batch, DateTimeOffset now, CancellationToken ct)
    {
        // Cards are written before the transaction (language lookups are reads); only the claimed ones are queued.
        var cards = new Dictionary<Due, OutboxItem>();
        foreach (var d in batch)
        {
            var language = await languages.ForPersonAsync(d.Member.UserAad, d.Member.ZoneLanguage, ct);
            var label = HoursLabels.Period(language, d.Period, d.Milestone, d.Member.Zone);
            var card = HoursCards.Prompt(language, HoursLabels.Ask(d.Member.ProjectNumber, d.Member.Title, d.Period, label, d.Minutes, d.Day));
            cards[d] = SignUpNotices.ToPerson(SignUpNotices.CardActivity(card), d.Member.UserAad, d.Member.UserTeamsId, null, null, null);
        }

        return await db.WriteAsync(async c =>
        {
            await using var tx = await c.BeginTransactionAsync(ct);
            var queue = new List<OutboxItem>();
            foreach (var d in batch)
            {
                var args = new { project = d.Member.ProjectNumber, aad = d.Member.UserAad, period = d.Period.ToString(), now };
                var claimed = await c.ExecuteAsync(
                    "INSERT INTO hours_prompts (project_number, user_aad, period, queued_at) VALUES (@project, @aad, @period, @now) ON CONFLICT DO NOTHING",
                    args, tx) == 1;
                // A member who already logged this period (from my hours) needs no card; the claim still stands.
                if (claimed && await c.ExecuteScalarAsync<long>(
                    "SELECT COUNT(*) FROM hours WHERE project_number = @project AND user_aad = @aad AND period = @period", args, tx) == 0)
                {
                    queue.Add(cards[d]);
                }
            }

            await outbox.EnqueueAsync(c, tx, queue);
            await tx.CommitAsync(ct);
            return queue.Count;
        }, ct);
    }

    private static string Key(Due d) => Key(d.Member.ProjectNumber, d.Member.UserAad, d.Period.ToString());

    private static string Key(long project, string aad, string period) =>
        string.Create(CultureInfo.InvariantCulture, $"{project}|{aad}|{period}");
}
