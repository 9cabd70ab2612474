namespace ProBonoBot.Hours;

/// <summary>When hours cards go out (section <c>Hours</c>).</summary>
public sealed class HoursOptions
{
    public const string Section = "Hours";

    /// <summary>How long after a milestone or meeting ends (start + duration) its hours card goes to the members.</summary>
    public TimeSpan AfterMilestone { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The day of the week on which the weekly hours card is due (in each member's time zone), while a project is in progress.</summary>
    public DayOfWeek WeeklyDay { get; set; } = DayOfWeek.Friday;

    /// <summary>The local time of day (in each member's time zone) at which the weekly hours card is due.</summary>
    public TimeSpan WeeklyAt { get; set; } = TimeSpan.FromHours(17);

    /// <summary>
    /// A milestone's card is still sent this long after it was due (after downtime); later ones are skipped, and the
    /// member can log those hours with <c>my hours</c>.
    /// </summary>
    public TimeSpan MilestoneLateLimit { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often due hours cards are looked for.</summary>
    public TimeSpan ScheduleInterval { get; set; } = TimeSpan.FromMinutes(1);
}
