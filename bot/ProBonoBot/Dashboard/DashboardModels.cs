namespace ProBonoBot.Dashboard;

#pragma warning disable CA1819 // DTOs serialised to JSON

/// <summary>A project on the board.</summary>
public sealed class BoardProject
{
    public long Number { get; init; }
    public string Title { get; init; } = "";
    public string Partner { get; init; } = "";
    public long Status { get; init; }
    public string? LeaderName { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Seats { get; init; }
    public long Confirmed { get; init; }
    public long Waitlisted { get; init; }
    public long Offered { get; init; }
}

/// <summary>A partner's need (its text cut short).</summary>
public sealed class BoardNeed
{
    public long Id { get; init; }
    public string? AuthorName { get; init; }
    public string Language { get; init; } = "";
    public string Text { get; set; } = "";
    public long Status { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A drafted brief.</summary>
public sealed class BoardBrief
{
    public long Id { get; init; }
    public long NeedId { get; init; }
    public string? AuthorName { get; init; }
    public string Language { get; init; } = "";
    public long Version { get; init; }
    public string Source { get; init; } = "";
    public long Fallback { get; init; }
    public long Status { get; init; }
    public long? ProjectNumber { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string? BriefJson { get; init; }
    public string? Title { get; set; }
}

public sealed class RoleRow
{
    public long Number { get; init; }
    public string Name { get; init; } = "";
    public string? Skills { get; init; }
    public long Seats { get; init; }
    public long Confirmed { get; init; }
    public long Waitlisted { get; init; }
    public long Offered { get; init; }
}

public sealed class SignUpRow
{
    public long Seq { get; init; }
    public long Role { get; init; }
    public string? Name { get; init; }
    public long Status { get; init; }
    public long? HoursPerWeek { get; init; }
    public string? Note { get; init; }
    public DateTimeOffset? OfferedUntil { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class MilestoneRow
{
    public long Id { get; init; }
    public string Kind { get; init; } = "";
    public string Title { get; init; } = "";
    public DateTimeOffset? StartsAt { get; init; }
    public long DurationMinutes { get; init; }
    public string? Place { get; init; }
    public long Cancelled { get; init; }
}

public sealed class HoursRow
{
    public string? Name { get; init; }
    public long Approved { get; init; }
    public long Waiting { get; init; }
    public long Rejected { get; init; }
}

/// <summary>A broadcast with its delivery figures (outbox rows by status).</summary>
public sealed class BroadcastSummary
{
    public long Id { get; init; }
    public long ProjectNumber { get; init; }
    public string? ProjectTitle { get; init; }
    public string Audience { get; init; } = "";
    public long Status { get; init; }
    public long Total { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SendAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public long Pending { get; init; }
    public long Delivered { get; init; }
    public long Failed { get; init; }
    public long Blocked { get; init; }
    public long NotFound { get; init; }
    public long NotInstalled { get; init; }
}

/// <summary>Cumulative delivery figures at one point in time.</summary>
public sealed record DeliveryPoint(DateTimeOffset At, long Delivered, long Failed, long Blocked);

/// <summary>Someone (or a channel) a broadcast did not reach, and why.</summary>
public sealed record NotReached(string? Name, string? Team, string? Channel, string Reason, string? Detail);

public sealed class FeedbackRow
{
    public long Id { get; init; }
    public string Kind { get; init; } = "";
    public string SubjectKind { get; init; } = "";
    public long SubjectId { get; init; }
    public string? Category { get; init; }
    public string? Comment { get; set; }
    public string? PersonName { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class UsageRow
{
    public string Day { get; init; } = "";
    public long Tokens { get; init; }
}
