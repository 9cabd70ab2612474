namespace ProBonoBot.Cards.Hours;

/// <summary>What an hours card asks for: a project, a period (<c>m:12</c> or <c>w:2026-W49</c>), its label, a prefill and a date.</summary>
public sealed record HoursAsk(long Project, string Title, string Period, string PeriodLabel, long Minutes, string Date, string? Note = null);

/// <summary>Where an entry stands, as the member sees it.</summary>
public enum HoursState
{
    Waiting,
    Approved,
    Rejected,
    Corrected,
}

/// <summary>One of the member's own entries in <c>my hours</c>.</summary>
public sealed record MyHoursLine(long Id, string PeriodLabel, string Date, long Minutes, HoursState State, long? LoggedMinutes, string? Note, string Period);

/// <summary>A project's block in <c>my hours</c>: its entries, and whether a new entry can be logged for this week.</summary>
public sealed record MyHoursProject(long Project, string Title, IReadOnlyList<MyHoursLine> Lines, long ApprovedMinutes, long WaitingMinutes, HoursAsk? ThisWeek);

/// <summary>The whole <c>my hours</c> card.</summary>
public sealed record MyHoursModel(IReadOnlyList<MyHoursProject> Projects, long ApprovedMinutes, long WaitingMinutes, int WaitingForMyApproval);

/// <summary>An entry waiting for the leader; <paramref name="Version"/> tells a changed entry from the one shown.</summary>
public sealed record ApprovalLine(long Id, string Name, string PeriodLabel, string Date, long Minutes, string? Note, string Version, long MaxMinutes);

/// <summary>The approval card of one project.</summary>
public sealed record ApprovalModel(long Project, string Title, IReadOnlyList<ApprovalLine> Lines, int More);
