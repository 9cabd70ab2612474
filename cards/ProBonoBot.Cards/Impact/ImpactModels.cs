namespace ProBonoBot.Cards.Impact;

/// <summary>A confirmed member on the close form; <paramref name="Skills"/> narrows their choices (null: the form's whole list).</summary>
public sealed record CloseMemberModel(string Aad, string Name, IReadOnlyList<(string Title, string Value)>? Skills = null);

/// <summary>The close form of a project: the members and the skills the leader can pick for them (id, name in the leader's language).</summary>
public sealed record CloseFormModel(long Project, string Title, IReadOnlyList<CloseMemberModel> Members, IReadOnlyList<(string Title, string Value)> Skills);

/// <summary>One member's thank-you card: the project, their hours, the skills (already in their language) and the outcome text.</summary>
public sealed record ThanksModel(long Project, string Title, long ApprovedMinutes, long WaitingMinutes, IReadOnlyList<string> Skills, string? Outcome, bool SkillsAddedToProfile);

/// <summary>The report's figures for one period (a quarter or the whole year).</summary>
public sealed record ReportFigures(
    int Participants,
    long ApprovedMinutes,
    int Needs,
    int Briefs,
    int Projects,
    int Teams,
    int HandsOn,
    int Closed,
    int Partners,
    int NewMembers)
{
    /// <summary>The figures in the order of <see cref="ImpactTexts.Metrics"/>, hours with one decimal.</summary>
    public IReadOnlyList<string> Values() =>
    [
        Text(Participants), ImpactTexts.HoursText(ApprovedMinutes), Text(Needs), Text(Briefs), Text(Projects), Text(Teams), Text(HandsOn),
        Text(Closed), Text(Partners), Text(NewMembers),
    ];

    private static string Text(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A period of the report: its quarter number (0 = the whole year), first day and last day (inclusive).</summary>
public sealed record ReportPeriod(int Quarter, DateOnly First, DateOnly Last, ReportFigures Figures);

/// <summary>The club report of one fiscal year: the year and its four quarters.</summary>
public sealed record ReportModel(int FiscalYear, ReportPeriod Year, IReadOnlyList<ReportPeriod> Quarters, string TimeZone);

/// <summary>One of a member's projects in my impact.</summary>
public sealed record ImpactProjectModel(long Number, string Title, Projects.ProjectStatus Status, long ApprovedMinutes, long WaitingMinutes);

/// <summary>My impact: the member's projects and hours, the skills they used (already in their language) and their profile skills.</summary>
public sealed record MyImpactModel(IReadOnlyList<ImpactProjectModel> Projects, IReadOnlyList<string> SkillsUsed, IReadOnlyList<string> ProfileSkills)
{
    public long ApprovedMinutes => Projects.Sum(p => p.ApprovedMinutes);

    public long WaitingMinutes => Projects.Sum(p => p.WaitingMinutes);
}
