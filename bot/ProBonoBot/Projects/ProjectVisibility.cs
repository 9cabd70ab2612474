using ProBonoBot.Cards.Projects;

namespace ProBonoBot.Projects;

/// <summary>
/// Who may see a project at all. Published projects are public; a draft (or a project cancelled before it was ever
/// published) is seen only by club leaders and its own leader. To everyone else it does not exist: every path answers
/// exactly as for an unknown number, so numbers cannot be probed.
/// </summary>
public sealed class ProjectVisibility(ProjectStore projects, LeaderDirectory leaders)
{
    /// <summary>The project if <paramref name="aad"/> may see it; otherwise null, as for a number that does not exist.</summary>
    public async Task<Project?> GetAsync(long? number, string? aad, CancellationToken ct)
    {
        var project = number is { } n ? await projects.GetAsync(n, ct) : null;
        return project is not null && await CanSeeAsync(project, aad, ct) ? project : null;
    }

    /// <summary>The card model of a project <paramref name="aad"/> may see; otherwise null.</summary>
    public async Task<ProjectCardModel?> CardModelAsync(long? number, string? aad, CancellationToken ct) =>
        await GetAsync(number, aad, ct) is { } project ? project.ToCard(await projects.CountsAsync(project.Number, ct)) : null;

    public async Task<bool> CanSeeAsync(Project project, string? aad, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        return project.IsPublished
            || (aad is { Length: > 0 } && string.Equals(project.LeaderAad, aad, StringComparison.OrdinalIgnoreCase))
            || await leaders.IsLeaderAsync(aad, ct);
    }
}
