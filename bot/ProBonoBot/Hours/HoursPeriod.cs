using System.Globalization;
using System.Text.RegularExpressions;

namespace ProBonoBot.Hours;

/// <summary>
/// What an hours entry is for: a milestone or meeting (<c>m:12</c>) or an ISO week (<c>w:2026-W49</c>). One entry per
/// member, project and period. A meeting counts at most 24 hours (one day), a week at most 80.
/// </summary>
public sealed partial record HoursPeriod(long? MilestoneId, int Year, int Week)
{
    public const long MaxDayMinutes = 24 * 60;
    public const long MaxWeekMinutes = 80 * 60;

    public bool IsWeek => MilestoneId is null;

    public long MaxMinutes => IsWeek ? MaxWeekMinutes : MaxDayMinutes;

    /// <summary>The Monday of the week (weeks only).</summary>
    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public override string ToString() => MilestoneId is { } id
        ? "m:" + id.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"w:{Year:0000}-W{Week:00}");

    public static HoursPeriod ForMilestone(long id) => new(id, 0, 0);

    /// <summary>The ISO week <paramref name="day"/> falls in.</summary>
    public static HoursPeriod WeekOf(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return new HoursPeriod(null, ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date));
    }

    /// <summary>The period written in card data, or null when it is not one (card data can be anything).</summary>
    public static HoursPeriod? Parse(string? text)
    {
        if (text is null || text.Length > 24)
        {
            return null;
        }

        var m = Pattern().Match(text);
        if (!m.Success)
        {
            return null;
        }

        if (m.Groups["id"].Success)
        {
            return long.TryParse(m.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? ForMilestone(id) : null;
        }

        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var week = int.Parse(m.Groups["w"].Value, CultureInfo.InvariantCulture);
        return year is >= 2000 and <= 2999 && week >= 1 && week <= ISOWeek.GetWeeksInYear(year) ? new HoursPeriod(null, year, week) : null;
    }

    [GeneratedRegex(@"^(m:(?<id>[0-9]{1,18})|w:(?<y>[0-9]{4})-W(?<w>[0-9]{2}))$", RegexOptions.CultureInvariant, 200)]
    private static partial Regex Pattern();
}
