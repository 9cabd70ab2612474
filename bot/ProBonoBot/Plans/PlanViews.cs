using System.Globalization;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Plans;
using ProBonoBot.Cards.Wording;

namespace ProBonoBot.Plans;

/// <summary>Stored milestones as one reader sees them: times in the reader's zone and language.</summary>
public static class PlanViews
{
    public static MilestoneView View(Milestone m, Language language, string zone, DateTimeOffset now, string? calendarUrl = null,
        bool? myAnswer = null, AttendanceView? answers = null)
    {
        ArgumentNullException.ThrowIfNull(m);
        string? when = null, date = null, clock = null;
        if (m.StartsAt is { } starts)
        {
            when = Times.DateTime(starts, language, zone, now);
            var local = TimeZoneInfo.ConvertTime(starts, Zone(zone));
            date = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            clock = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        }

        return new MilestoneView(m.Id, m.Kind, m.Title, when, date, clock, (int)m.DurationMinutes, m.Place, m.Cancelled, calendarUrl, myAnswer, answers);
    }

    /// <summary>The zone's rules; "UTC" and unknown ids are UTC.</summary>
    public static TimeZoneInfo Zone(string zone) =>
        zone != "UTC" && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var info) ? info : TimeZoneInfo.Utc;

    /// <summary>
    /// The instant of a local date and time in <paramref name="zone"/>; null when that local time does not exist there (the
    /// clocks jump over it). An ambiguous time (clocks going back) is the first of the two.
    /// </summary>
    public static DateTimeOffset? Instant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return null;
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
