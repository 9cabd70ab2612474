using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using ProBonoBot.Cards;

namespace ProBonoBot.Plans;

/// <summary>
/// The RFC 5545 invite of one dated milestone: METHOD:PUBLISH, a UID that never changes (<c>milestone-{id}@host</c>) and
/// SEQUENCE = the milestone's sequence, so a calendar that imports it again replaces the event it has; times in UTC.
/// A cancelled milestone is STATUS:CANCELLED.
/// </summary>
public static class CalendarInvite
{
    public static string Build(Milestone milestone, string projectTitle, Language language, string host, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        var starts = milestone.StartsAt ?? throw new ArgumentException("Only a dated milestone has an invite.", nameof(milestone));
        var calendarEvent = new CalendarEvent
        {
            Uid = $"milestone-{milestone.Id}@{host}",
            Sequence = (int)milestone.Sequence,
            DtStamp = new CalDateTime(now.UtcDateTime),
            DtStart = new CalDateTime(starts.UtcDateTime),
            DtEnd = new CalDateTime(starts.AddMinutes(Math.Max(milestone.DurationMinutes, 1)).UtcDateTime),
            Summary = $"{projectTitle} — {milestone.Title}",
            Location = milestone.Place,
            Description = Cards.Wording.Plurals.Format(UiText.For(language).Plans.CalendarDescription, milestone.ProjectNumber),
        };
        if (milestone.Cancelled)
        {
            calendarEvent.Status = EventStatus.Cancelled;
        }

        var calendar = new Calendar { Method = "PUBLISH", ProductId = "-//ProBonoBot//Plans//EN" };
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }
}
