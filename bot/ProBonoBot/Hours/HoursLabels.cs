using System.Globalization;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Hours;
using ProBonoBot.Cards.Wording;

namespace ProBonoBot.Hours;

/// <summary>How a period reads on a card: 「会議：キックオフ（12/3）」, "Meeting: Kick-off on 12/3", "Week of 30 Nov".</summary>
public static class HoursLabels
{
    public static string Period(Language language, HoursPeriod period, MilestoneInfo? milestone, string? zoneId)
    {
        ArgumentNullException.ThrowIfNull(period);
        var t = UiText.For(language).Hours;
        if (period.IsWeek)
        {
            var monday = period.Monday;
            return Plurals.Format(t.PeriodWeek, language == Language.Japanese
                ? $"{monday.Month}/{monday.Day}"
                : monday.ToString("d MMM", CultureInfo.InvariantCulture));
        }

        if (milestone?.StartsAt is not { } startsAt)
        {
            return t.PeriodGone;
        }

        var day = LocalDate(startsAt, language, zoneId);
        return Plurals.Format(milestone.IsMeeting ? t.PeriodMeeting : t.PeriodMilestone, Cards.Json.TextCut.Ellipsis(milestone.Title, 60), $"{day.Month}/{day.Day}");
    }

    /// <summary>The member's own date of an instant (their Teams zone, else Japan time for Japanese readers and UTC otherwise).</summary>
    public static DateOnly LocalDate(DateTimeOffset at, Language language, string? zoneId) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone(language, zoneId)).DateTime);

    public static TimeZoneInfo Zone(Language language, string? zoneId)
    {
        var id = Times.ZoneFor(language, zoneId);
        return id == "UTC" ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(id);
    }

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A prefill as a card offers it: whole quarter hours, at least 15 minutes, at most the period's limit.</summary>
    public static long Prefill(long minutes, HoursPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var quarters = (Math.Max(minutes, 1) + 14) / 15 * 15;
        return Math.Min(quarters, period.MaxMinutes);
    }

    /// <summary>An ask for the card.</summary>
    public static HoursAsk Ask(long project, string title, HoursPeriod period, string label, long minutes, DateOnly day, string? note = null) =>
        new(project, title, period.ToString(), label, Prefill(minutes, period), Date(day), note);
}
