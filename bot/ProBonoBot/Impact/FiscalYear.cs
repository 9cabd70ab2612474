namespace ProBonoBot.Impact;

/// <summary>
/// A fiscal year of the club, named by the calendar year it starts in (FY2026 starting in April is 2026-04-01 to 2027-03-31),
/// and its four quarters of three months each.
/// </summary>
public sealed record FiscalYear(int Year, int StartMonth)
{
    public DateOnly First => new(Year, StartMonth, 1);

    /// <summary>The first day after the year.</summary>
    public DateOnly End => First.AddYears(1);

    /// <summary>The first day of quarter 1–4, and the first day after it.</summary>
    public (DateOnly First, DateOnly End) Quarter(int quarter) => (First.AddMonths(3 * (quarter - 1)), First.AddMonths(3 * quarter));

    /// <summary>The fiscal year a date falls in.</summary>
    public static FiscalYear Containing(DateOnly date, int startMonth) =>
        new(date.Month >= startMonth ? date.Year : date.Year - 1, startMonth);
}
