using ProBonoBot.Cards.Drafting;
using ProBonoBot.Drafting.Grounding;

namespace ProBonoBot.Drafting;

/// <summary>Why a draft was made offline although a model is configured.</summary>
public enum FallbackReason
{
    None,
    Timeout,
    RateLimited,
    ServiceError,
    Refused,
    Invalid,
    Budget,
    Unavailable,
}

/// <summary>A draft, who made it (a model's name or <c>offline</c>), why it fell back, the tokens it cost, and what grounding changed.</summary>
public sealed record DraftResult<T>(T Value, string Source, FallbackReason Fallback, long Tokens)
{
    public const string Offline = "offline";

    public GroundingReport Grounding { get; init; } = GroundingReport.None;

    public bool IsOffline => Source == Offline;
}

/// <summary>Receives the text drafted so far, to stream it to the user.</summary>
public delegate ValueTask DraftProgress(string textSoFar, CancellationToken cancellationToken);

/// <summary>What to draft a manual from: the project as text for the model, as data for the offline writer.</summary>
public sealed record ManualRequest(
    long ProjectNumber,
    ManualKind Kind,
    Cards.Language Language,
    string ProjectFacts,
    ManualContext Context,
    ManualDocument? Previous = null,
    string? Instruction = null,
    string? Need = null);

/// <summary>The project facts a manual is written from.</summary>
public sealed record ManualContext(
    string Title,
    string Partner,
    string Summary,
    string? Objective,
    string? Deliverables,
    int HoursPerWeek,
    string? Start,
    string? End,
    string WorkMode,
    string? LeaderName,
    IReadOnlyList<(string Name, string? Skills, int Seats)> Roles,
    IReadOnlyList<(string Name, string Role)> Members,
    ProjectBrief? Brief);
