using Microsoft.Extensions.Options;
using ProBonoBot.Impact;

namespace ProBonoBot.Dashboard;

/// <summary>
/// <c>GET /dashboard/api/club?fy=2026</c>: the club's numbers of a fiscal year and its quarters. The figures are the club
/// report's own (<see cref="ReportService.BuildAsync"/>, the service behind the <c>report</c> command, its chart and CSV):
/// one computation, so the tab and the chat can never disagree.
/// </summary>
public static class DashboardClub
{
    /// <summary>How many fiscal years (this one and earlier ones) the page offers in its selector.</summary>
    public const int YearsOffered = 5;

    public static async Task<IResult> GetAsync(string? fy, ReportService reports, IOptions<ImpactOptions> options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(options);
        var current = reports.CurrentYear;
        // Parsed here rather than bound as int?: a malformed value must be a 400 in every environment (Development throws on
        // binding failures).
        var year = current;
        if (fy is not null && (!int.TryParse(fy, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out year)
            || year is < 2000 or > 2100))
        {
            return Results.Json(new { error = new { code = "BadRequest", message = "fy must be a fiscal year from 2000 to 2100." } }, statusCode: 400);
        }

        var model = await reports.BuildAsync(year, ct).ConfigureAwait(false);
        return Results.Json(new
        {
            fiscalYear = model.FiscalYear,
            currentYear = current,
            startMonth = options.Value.FiscalYearStartMonth,
            timeZone = model.TimeZone,
            years = Enumerable.Range(0, YearsOffered).Select(i => current - i).Append(year).Distinct().OrderDescending().ToArray(),
            year = Period(model.Year),
            quarters = model.Quarters.Select(Period).ToArray(),
        });
    }

    private static object Period(Cards.Impact.ReportPeriod period) => new
    {
        quarter = period.Quarter,
        first = period.First.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        last = period.Last.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        figures = period.Figures,
    };
}
