using ProBonoBot.Cards.Drafting;

namespace ProBonoBot.Drafting;

/// <summary>A need being scoped: its text, the answers so far and the questions still to ask.</summary>
public sealed record NeedRow
{
    public long Id { get; init; }
    public string AuthorAad { get; init; } = string.Empty;
    public string? AuthorName { get; init; }
    public string ConversationId { get; init; } = string.Empty;
    public string ServiceUrl { get; init; } = string.Empty;
    public string Language { get; init; } = "en";
    public string NeedText { get; init; } = string.Empty;
    public string Answers { get; init; } = "{}";
    public string Pending { get; init; } = string.Empty;

    /// <summary>One of <see cref="NeedStatus"/>.</summary>
    public long Status { get; init; }
}

/// <summary>The <c>needs.status</c> values.</summary>
public static class NeedStatus
{
    /// <summary>Questions are being asked (the first of <c>pending</c> is open).</summary>
    public const long Asking = 0;

    /// <summary>All answered: a brief is queued or drafted.</summary>
    public const long Submitted = 1;

    /// <summary>Cancelled, declined, or replaced by a newer need.</summary>
    public const long Cancelled = 2;

    /// <summary>Waiting for "Yes, draft a brief" / "No" (the message might be a need).</summary>
    public const long Proposed = 3;
}

/// <summary>A stored brief (the JSON is a <see cref="ProjectBrief"/>).</summary>
public sealed record BriefRow
{
    public long Id { get; init; }
    public long NeedId { get; init; }
    public string AuthorAad { get; init; } = string.Empty;
    public string? AuthorName { get; init; }
    public string Language { get; init; } = "en";
    public long Version { get; init; }
    public string BriefJson { get; init; } = "{}";
    public string Source { get; init; } = DraftResult<ProjectBrief>.Offline;
    public long Fallback { get; init; }
    public long Status { get; init; }
    public long? ProjectNumber { get; init; }

    public BriefStatus BriefStatus => (BriefStatus)Status;
}

/// <summary>A stored manual version.</summary>
public sealed record ManualRow
{
    public long Id { get; init; }
    public long ProjectNumber { get; init; }
    public string Kind { get; init; } = "operational";
    public long Version { get; init; }
    public string Language { get; init; } = "en";
    public string DocumentJson { get; init; } = "{}";
    public string Source { get; init; } = DraftResult<ManualDocument>.Offline;
    public long Fallback { get; init; }
    public string? Instruction { get; init; }
    public string CreatedBy { get; init; } = string.Empty;
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A drafting job: what to draft, for whom, and where the answer goes.</summary>
public sealed record DraftingJob
{
    public long Id { get; init; }
    public string Kind { get; init; } = JobKinds.Brief;
    public long SubjectId { get; init; }
    public string PersonAad { get; init; } = string.Empty;
    public string? PersonName { get; init; }
    public string ConversationId { get; init; } = string.Empty;
    public string ConversationType { get; init; } = "personal";
    public string ServiceUrl { get; init; } = string.Empty;
    public string Language { get; init; } = "en";
    public string Payload { get; init; } = "{}";
    public long Attempts { get; init; }
    public long? ResultId { get; init; }
}

/// <summary>Kinds of drafting job.</summary>
public static class JobKinds
{
    public const string Brief = "brief";
    public const string Regenerate = "regenerate";
    public const string Manual = "manual";
}
