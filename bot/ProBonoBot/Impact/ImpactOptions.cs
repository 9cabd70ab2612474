namespace ProBonoBot.Impact;

/// <summary>The club report (section <c>Impact</c>).</summary>
public sealed class ImpactOptions
{
    public const string Section = "Impact";

    /// <summary>
    /// The first month of the club's fiscal year, 1–12 (4: April to March, the usual year in Japan). A fiscal year is named by the
    /// calendar year it starts in: FY2026 (2026年度) is 2026-04-01 to 2027-03-31.
    /// </summary>
    public int FiscalYearStartMonth { get; set; } = 4;

    /// <summary>The IANA time zone whose calendar decides which period a timestamp (a need, a brief, a closing) falls in.</summary>
    public string TimeZone { get; set; } = "Asia/Tokyo";

    /// <summary>How long the report card's chart image and CSV download links stay valid.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(7);
}
