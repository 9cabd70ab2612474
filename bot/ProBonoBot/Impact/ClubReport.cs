using ProBonoBot.Cards.Impact;

namespace ProBonoBot.Impact;

/// <summary>
/// The report's figures, computed from <see cref="ReportData"/> exactly as docs/impact.md defines them. A timestamp belongs to
/// the period that holds its calendar date in the club's time zone; hours belong to the period of their date worked.
/// </summary>
public static class ClubReport
{
    private const long TeamFormed = 2;
    private const long InProgress = 3;
    private const long Completed = 4;

    public static ReportModel Compute(ReportData data, FiscalYear year, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(year);
        var quarters = Enumerable.Range(1, 4).Select(q =>
        {
            var (first, end) = year.Quarter(q);
            return Period(data, q, first, end, zone);
        }).ToList();
        return new ReportModel(year.Year, Period(data, 0, year.First, year.End, zone), quarters, zone.Id);
    }

    /// <summary>The figures from <paramref name="first"/> up to (not including) <paramref name="end"/>.</summary>
    public static ReportPeriod Period(ReportData data, int quarter, DateOnly first, DateOnly end, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(data);
        bool Within(DateOnly d) => d >= first && d < end;
        bool At(DateTimeOffset t) => Within(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t, zone).DateTime));

        var hours = data.Hours.Where(h => Within(h.WorkedOn)).ToList();
        var worked = hours.Select(h => h.Project).ToHashSet();
        var closed = data.Closings.Where(c => At(c.At)).Select(c => c.Project).ToHashSet();
        var figures = new ReportFigures(
            Participants: hours.Select(h => h.UserAad).Distinct(StringComparer.OrdinalIgnoreCase).Count(),
            ApprovedMinutes: hours.Sum(h => h.Minutes),
            Needs: data.Needs.Count(At),
            Briefs: data.FirstBriefs.Count(At),
            Projects: data.Projects.Count(p => At(p.CreatedAt)),
            Teams: data.Projects.Count(p => p.Status is TeamFormed or InProgress or Completed && p.TeamAt is { } t && At(t)),
            HandsOn: worked.Count,
            Closed: closed.Count,
            Partners: data.Projects.Where(p => worked.Contains(p.Number) || closed.Contains(p.Number))
                .Select(p => p.Partner.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count(),
            NewMembers: data.FirstSignUps.Count(At));
        return new ReportPeriod(quarter, first, end.AddDays(-1), figures);
    }
}
