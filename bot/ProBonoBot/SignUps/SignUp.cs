using ProBonoBot.Cards.Projects;

namespace ProBonoBot.SignUps;

/// <summary>Where a sign-up stands. Confirmed, Waitlisted and Offered are "live": one per person per project.</summary>
public enum SignUpStatus
{
    Confirmed = 0,
    Waitlisted = 1,
    Offered = 2,
    Withdrawn = 3,
    Declined = 4,
}

/// <summary>A person, as the activity identifies them (never as card data claims).</summary>
public sealed record Person(string Aad, string? Name, string? TeamsId, string? TenantId, string? ServiceUrl, string? BotId);

/// <summary>A stored sign-up.</summary>
public sealed record SignUp
{
    public long Seq { get; init; }
    public long ProjectNumber { get; init; }
    public long RoleNumber { get; init; }
    public string UserAad { get; init; } = string.Empty;
    public string? UserName { get; init; }
    public string? UserTeamsId { get; init; }
    public SignUpStatus Status { get; init; }
    public long? HoursPerWeek { get; init; }
    public string? Note { get; init; }

    public bool IsLive => Status is SignUpStatus.Confirmed or SignUpStatus.Waitlisted or SignUpStatus.Offered;

    public ViewerStanding Standing => Status switch
    {
        SignUpStatus.Confirmed => ViewerStanding.Confirmed,
        SignUpStatus.Waitlisted => ViewerStanding.Waitlisted,
        SignUpStatus.Offered => ViewerStanding.Offered,
        _ => ViewerStanding.None,
    };
}

/// <summary>The result of confirming a sign-up.</summary>
public enum SignUpResult
{
    Confirmed,
    Waitlisted,
    AlreadySignedUp,
    NotRecruiting,
    UnknownRole,
    UnknownProject,
}

/// <summary>What confirming produced: the result, the role's name, and the waitlist position.</summary>
public sealed record SignUpOutcome(SignUpResult Result, string? RoleName = null, int Position = 0, SignUp? Existing = null, ProjectStatus? Status = null);
