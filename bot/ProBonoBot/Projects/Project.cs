using ProBonoBot.Cards.Projects;

namespace ProBonoBot.Projects;

/// <summary>A pro bono project as stored.</summary>
public sealed record Project(
    long Number,
    string Title,
    string Partner,
    string Summary,
    string? Objective,
    string? Deliverables,
    int HoursPerWeek,
    string? StartDate,
    string? EndDate,
    WorkMode Mode,
    string? Place,
    string Language,
    string LeaderAad,
    string? LeaderName,
    ProjectStatus Status,
    long CardVersion,
    IReadOnlyList<ProjectRole> Roles,
    bool IsPublished = false)
{
    public ProjectRole? Role(int number) => Roles.FirstOrDefault(r => r.Number == number);

    /// <summary>The language to fall back on for one person whose own language is unknown: English only for English projects.</summary>
    public Cards.Language CardLanguage => Language == "en" ? Cards.Language.English : Cards.Language.Japanese;

    /// <summary>
    /// The text of the project's shared posts (channel cards and their updates, the team introduction): the project's
    /// working language, and both (Japanese first) for a project in Japanese and English.
    /// </summary>
    public Cards.UiText ChannelText => Cards.UiText.ForProject(Language);

    /// <summary>The languages of the project's shared posts, in order (two for a project in Japanese and English).</summary>
    public IReadOnlyList<Cards.Language> ChannelLanguages => Cards.UiText.LanguagesOfProject(Language);

    /// <summary>The card view, with seat counts per role.</summary>
    public ProjectCardModel ToCard(IReadOnlyDictionary<int, (int Taken, int Waitlisted)>? counts = null) => new(
        Number, Title, Partner, Summary, Objective, Deliverables, HoursPerWeek, StartDate, EndDate, Mode, Place, Language, Status, LeaderName,
        [.. Roles.Select(r =>
        {
            var c = counts?.GetValueOrDefault(r.Number) ?? (0, 0);
            return new RoleCardModel(r.Number, r.Name, r.Skills, r.Seats, c.Taken, c.Waitlisted);
        })]);
}

/// <summary>A role in a project: what it needs and how many seats it has.</summary>
public sealed record ProjectRole(int Number, string Name, string? Skills, int Seats);

/// <summary>What a leader entered for a project, validated.</summary>
public sealed record ProjectDraft(
    string Title,
    string Partner,
    string Summary,
    string? Objective,
    string? Deliverables,
    int HoursPerWeek,
    string? StartDate,
    string? EndDate,
    WorkMode Mode,
    string? Place,
    string Language,
    IReadOnlyList<ProjectRole> Roles);
