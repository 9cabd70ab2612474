namespace ProBonoBot.Plans;

/// <summary>Plans, reminders and calendar invites (section <c>Plans</c>).</summary>
public sealed class PlanOptions
{
    public const string Section = "Plans";

    /// <summary>How long before a milestone or meeting each confirmed member is reminded (a date set later than that is reminded at once).</summary>
    public TimeSpan ReminderLead { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// A reminder sent more than this after it was due (the bot was down) says it comes late. One whose milestone has
    /// already begun is not sent at all.
    /// </summary>
    public TimeSpan LateAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often due reminders are looked for (and reminder rows made for members who joined after a date was set).</summary>
    public TimeSpan ScheduleInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Reminders claimed in one transaction; the worker goes on until none are due.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>How long after a milestone ends its calendar link keeps working.</summary>
    public TimeSpan InviteGrace { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Most milestones and meetings in one plan (1–20): the leader's card grows by about 2 KB with each, and Teams refuses cards above about 28 KB.</summary>
    public int MaxMilestones { get; set; } = 12;
}
