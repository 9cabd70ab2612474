namespace ProBonoBot.Plans;

/// <summary>A milestone or meeting of a project's plan, as stored. <see cref="StartsAt"/> null = not dated yet.</summary>
public sealed record Milestone
{
    public const string KindMilestone = "milestone";
    public const string KindMeeting = "meeting";

    public long Id { get; init; }
    public long ProjectNumber { get; init; }
    public string Kind { get; init; } = KindMilestone;
    public string Title { get; init; } = string.Empty;
    public DateTimeOffset? StartsAt { get; init; }
    public long DurationMinutes { get; init; } = 60;
    public string? Place { get; init; }
    public long Sequence { get; init; }
    public bool Cancelled { get; init; }

    public DateTimeOffset? EndsAt => StartsAt?.AddMinutes(DurationMinutes);

    /// <summary>Dated and not cancelled: the milestones members are reminded of.</summary>
    public bool IsLive => StartsAt is not null && !Cancelled;
}

/// <summary>A row of the leader's card, read and checked: <see cref="Id"/> null for a new milestone.</summary>
public sealed record MilestoneInput(long? Id, string Kind, string Title, DateTimeOffset? StartsAt, int DurationMinutes, string? Place, bool Cancelled)
{
    /// <summary>What an invite shows changed (iCalendar SEQUENCE goes up): title, date, duration, place or cancelled.</summary>
    public bool ChangesInvite(Milestone current) =>
        Title != current.Title || StartsAt != current.StartsAt || DurationMinutes != current.DurationMinutes
        || Place != current.Place || Cancelled != current.Cancelled;

    public bool ChangesAnything(Milestone current) => ChangesInvite(current) || Kind != current.Kind;
}

/// <summary>One member's answer for a milestone.</summary>
public sealed record Attendance(long MilestoneId, string UserAad, string? UserName, bool Attending);

/// <summary>The plan as stored: its version (for the leader card's optimistic check) and its milestones in date order.</summary>
public sealed record StoredPlan(long Version, IReadOnlyList<Milestone> Milestones);

/// <summary>What saving the leader's card did.</summary>
public enum PlanSaveResult
{
    Saved,
    Stale,
}
