namespace ProBonoBot.Impact;

/// <summary>Approved hours of one entry: the project, the person, the date worked and the minutes.</summary>
public sealed record ApprovedHours(long Project, string UserAad, DateOnly WorkedOn, long Minutes);

/// <summary>A project as the report sees it; <paramref name="TeamAt"/> is when its last confirmed member was confirmed.</summary>
public sealed record ReportProject(long Number, string Partner, long Status, DateTimeOffset CreatedAt, DateTimeOffset? TeamAt);

/// <summary>Everything the report counts, read once for a fiscal year (hours of that year only; the rest is small).</summary>
public sealed record ReportData(
    IReadOnlyList<ApprovedHours> Hours,
    IReadOnlyList<DateTimeOffset> Needs,
    IReadOnlyList<DateTimeOffset> FirstBriefs,
    IReadOnlyList<ReportProject> Projects,
    IReadOnlyList<(long Project, DateTimeOffset At)> Closings,
    IReadOnlyList<DateTimeOffset> FirstSignUps);
