using Microsoft.Extensions.Options;
using ProBonoBot.Cards.Impact;

namespace ProBonoBot.Impact;

/// <summary>The club report of a fiscal year, as the card, the chart and the CSV show it.</summary>
public sealed class ReportService(ReportStore store, IOptions<ImpactOptions> options, TimeProvider time)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    /// <summary>The fiscal year that holds today's date in the club's time zone.</summary>
    public int CurrentYear => FiscalYear.Containing(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime), options.Value.FiscalYearStartMonth).Year;

    public async Task<ReportModel> BuildAsync(int fiscalYear, CancellationToken ct)
    {
        var year = new FiscalYear(fiscalYear, options.Value.FiscalYearStartMonth);
        return ClubReport.Compute(await store.ReadAsync(year, ct), year, Zone);
    }
}
