using System.Globalization;
using Dapper;
using ProBonoBot.Storage;

namespace ProBonoBot.Impact;

/// <summary>Reads what the club report counts. Dates are compared in C# (the same on SQLite and PostgreSQL).</summary>
public sealed class ReportStore(Db db)
{
    public Task<ReportData> ReadAsync(FiscalYear year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(year);
        return db.ReadAsync(async c =>
        {
            // worked_on is yyyy-MM-dd text in both dialects, so a text range is a date range.
            var hours = await c.QueryAsync<HoursRow>(
                """
                SELECT project_number AS Project, user_aad AS UserAad, worked_on AS WorkedOn, minutes AS Minutes
                FROM hours WHERE status = 1 AND worked_on >= @first AND worked_on < @end
                """,
                new { first = Day(year.First), end = Day(year.End) });
            var needs = await c.QueryAsync<Stamp>("SELECT id AS Id, created_at AS At FROM needs WHERE status <> 2");
            var briefs = await c.QueryAsync<Stamp>("SELECT need_id AS Id, created_at AS At FROM briefs");
            var projects = await c.QueryAsync<ProjectRow>("SELECT number AS Number, partner AS Partner, status AS Status, created_at AS CreatedAt FROM projects");
            var closings = await c.QueryAsync<Stamp>("SELECT project_number AS Id, closed_at AS At FROM project_outcomes");
            var confirmed = await c.QueryAsync<SignUpRow>(
                "SELECT project_number AS Project, user_aad AS UserAad, created_at AS CreatedAt, updated_at AS UpdatedAt FROM signups WHERE status = 0");

            var signUps = confirmed.ToList();
            var teams = signUps.GroupBy(s => s.Project).ToDictionary(g => g.Key, g => g.Max(s => s.UpdatedAt));
            return new ReportData(
                [.. hours.Select(h => h.ToHours()).OfType<ApprovedHours>()],
                [.. needs.Select(n => n.At)],
                [.. briefs.GroupBy(b => b.Id).Select(g => g.Min(b => b.At))],
                [.. projects.Select(p => new ReportProject(p.Number, p.Partner, p.Status, p.CreatedAt, teams.TryGetValue(p.Number, out var at) ? at : (DateTimeOffset?)null))],
                [.. closings.Select(x => (x.Id, x.At))],
                [.. signUps.GroupBy(s => s.UserAad, StringComparer.OrdinalIgnoreCase).Select(g => g.Min(s => s.CreatedAt))]);
        }, ct);
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class HoursRow
    {
        public long Project { get; init; }
        public string UserAad { get; init; } = string.Empty;
        public string WorkedOn { get; init; } = string.Empty;
        public long Minutes { get; init; }

        public ApprovedHours? ToHours() =>
            DateOnly.TryParseExact(WorkedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? new ApprovedHours(Project, UserAad, day, Minutes) : null;
    }

    private sealed class Stamp
    {
        public long Id { get; init; }
        public DateTimeOffset At { get; init; }
    }

    private sealed class ProjectRow
    {
        public long Number { get; init; }
        public string Partner { get; init; } = string.Empty;
        public long Status { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }

    private sealed class SignUpRow
    {
        public long Project { get; init; }
        public string UserAad { get; init; } = string.Empty;
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
    }
}
