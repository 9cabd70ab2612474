namespace ProBonoBot.Cards.Plans;

/// <summary>The plan of a project as a card shows it; times already written for the reader.</summary>
/// <param name="Version">The plan's version: the leader's Save carries it back, so a stale or repeated Save changes nothing.</param>
/// <param name="Zone">The zone the dates and times are in (an IANA id, or UTC).</param>
public sealed record PlanView(long ProjectNumber, string ProjectTitle, long Version, string Zone, IReadOnlyList<MilestoneView> Milestones);

/// <summary>One milestone or meeting of a plan.</summary>
/// <param name="Kind"><c>milestone</c> or <c>meeting</c>.</param>
/// <param name="When">The date and time for the reader, null when not dated.</param>
/// <param name="Date">The local date (yyyy-MM-dd) for the leader's date input.</param>
/// <param name="Time">The local time (HH:mm) for the leader's time input.</param>
/// <param name="MyAnswer">The reader's answer: true coming, false not, null none.</param>
/// <param name="Answers">Who answered what (the leader's card only).</param>
public sealed record MilestoneView(
    long Id,
    string Kind,
    string Title,
    string? When,
    string? Date,
    string? Time,
    int DurationMinutes,
    string? Place,
    bool Cancelled,
    string? CalendarUrl = null,
    bool? MyAnswer = null,
    AttendanceView? Answers = null);

/// <summary>The team's answers for one milestone, by name.</summary>
public sealed record AttendanceView(IReadOnlyList<string> Coming, IReadOnlyList<string> NotComing, IReadOnlyList<string> NoAnswer);

/// <summary>A reminder of one milestone to one member.</summary>
/// <param name="Late">Sent more than Plans:LateAfter after it was due (the bot was down): it says so.</param>
public sealed record ReminderView(long ProjectNumber, string ProjectTitle, MilestoneView Milestone, bool Late);
