using ProBonoBot.Cards.Projects;

namespace ProBonoBot.Cards.Profiles;

/// <summary>A choice of a profile card: the value the card sends and the title shown.</summary>
public sealed record ProfileChoice(string Value, string Title);

/// <summary>What a profile card offers to pick from (skills of the lexicon, need categories), in the card's language.</summary>
public sealed record ProfileOptions(IReadOnlyList<ProfileChoice> Skills, IReadOnlyList<ProfileChoice> Interests);

/// <summary>A profile's current values as the card shows them (codes, not titles); empty for someone without one.</summary>
public sealed record ProfileValues(
    IReadOnlyList<string> Skills,
    string? SkillsOther,
    IReadOnlyList<string> Interests,
    int? HoursPerMonth,
    IReadOnlyList<string> Languages,
    string? Mode,
    string? Area)
{
    public static ProfileValues Empty { get; } = new([], null, [], null, [], null, null);
}

/// <summary>A project recommended to someone, with why it fits them (plain text; the card escapes it).</summary>
public sealed record RecommendationModel(ProjectCardModel Project, IReadOnlyList<string> Reasons);

/// <summary>A member whose profile fits a project, on the leader's applicants card.</summary>
public sealed record FitPersonModel(string Aad, string Name, IReadOnlyList<string> Reasons, bool Invited);
