namespace ProBonoBot.Cards.Projects;

/// <summary>Lifecycle of a project: Draft → Recruiting → TeamFormed → InProgress → Completed | Cancelled.</summary>
public enum ProjectStatus
{
    Draft = 0,
    Recruiting = 1,
    TeamFormed = 2,
    InProgress = 3,
    Completed = 4,
    Cancelled = 5,
}

/// <summary>Where the work happens.</summary>
public enum WorkMode
{
    Remote,
    Onsite,
    Hybrid,
}

/// <summary>What a project card shows.</summary>
public sealed record ProjectCardModel(
    long Number,
    string Title,
    string Partner,
    string Summary,
    string? Objective,
    string? Deliverables,
    int HoursPerWeek,
    string? Start,
    string? End,
    WorkMode Mode,
    string? Place,
    string Language,
    ProjectStatus Status,
    string? LeaderName,
    IReadOnlyList<RoleCardModel> Roles);

/// <summary>A role with its seats: <see cref="Taken"/> counts confirmed and offered seats.</summary>
public sealed record RoleCardModel(int Number, string Name, string? Skills, int Seats, int Taken, int Waitlisted)
{
    public int SeatsLeft => Math.Max(0, Seats - Taken);
}

/// <summary>Where the person looking at a card stands with its project.</summary>
public enum ViewerStanding
{
    None,
    Confirmed,
    Waitlisted,
    Offered,
}

/// <summary>The viewer's sign-up, for the per-user view of an announcement card.</summary>
public sealed record ViewerState(ViewerStanding Standing, string? RoleName = null, int Position = 0, string? Banner = null)
{
    public static ViewerState Nobody { get; } = new(ViewerStanding.None);
}

/// <summary>A person on the applicants card.</summary>
public sealed record ApplicantModel(string Name, string RoleName, ViewerStanding Standing, int Position, int? HoursPerWeek, string? Note);

/// <summary>A channel a project can be published to; <paramref name="Preselected"/> ones start ticked (the teams' General channels).</summary>
public sealed record ChannelChoice(string ConversationId, string Label, bool Preselected = true);

/// <summary>One line of "my projects".</summary>
public sealed record MyProjectModel(long Number, string Title, ProjectStatus Status, string RoleName, ViewerStanding Standing, int Position);

/// <summary>The inputs of the project form, as typed (for re-showing it with errors).</summary>
public sealed record ProjectFormValues(
    long? Number,
    string? Title,
    string? Partner,
    string? Summary,
    string? Objective,
    string? Deliverables,
    string? Roles,
    string? HoursPerWeek,
    string? Start,
    string? End,
    string? Mode,
    string? Place,
    string? Language);
