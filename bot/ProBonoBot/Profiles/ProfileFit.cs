using ProBonoBot.Cards.Projects;
using ProBonoBot.Projects;

namespace ProBonoBot.Profiles;

/// <summary>A member whose profile fits a project, and why.</summary>
public sealed record FitPerson(Profile Profile, Fit Fit);

/// <summary>
/// Who fits a project: every saved profile scored by <see cref="ProfileScorer"/> against the project's open roles and
/// kinds, leaving out its leader and everyone who has signed up for it in any way (applied, waiting, withdrawn).
/// </summary>
public sealed class ProfileFit(ProfileStore profiles, ProjectStore projects) : IProfileFit
{
    public async Task<IReadOnlyCollection<string>> PeopleFittingAsync(long projectNumber, CancellationToken ct) =>
        await projects.GetAsync(projectNumber, ct) is { } project
            ? [.. (await RankAsync(project, ct)).Select(p => p.Profile.Aad)]
            : [];

    /// <summary>The people who fit, best first.</summary>
    public async Task<IReadOnlyList<FitPerson>> RankAsync(Project project, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        var needs = await NeedsAsync(project, ct);
        var applied = await profiles.ApplicantsAsync(project.Number, ct);
        return [.. (await profiles.SavedAsync(ct))
            .Where(p => !applied.Contains(p.Aad) && !string.Equals(p.Aad, project.LeaderAad, StringComparison.OrdinalIgnoreCase))
            .Select(p => ProfileScorer.Score(p, needs) is { } fit ? new FitPerson(p, fit) : null)
            .OfType<FitPerson>()
            .OrderByDescending(f => f.Fit.Score).ThenBy(f => f.Profile.Name ?? f.Profile.Aad, StringComparer.Ordinal)];
    }

    /// <summary>The project as the scorer sees it: open roles, hours, way of working, language and kinds of need.</summary>
    public async Task<ProjectNeeds> NeedsAsync(Project project, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        var counts = await projects.CountsAsync(project.Number, ct);
        var open = project.Roles.Where(r => r.Seats - (counts.GetValueOrDefault(r.Number).Taken) > 0).Select(r => new OpenRole(r.Name, r.Skills)).ToList();
        var text = string.Join(' ', new[] { project.Title, project.Summary, project.Objective, project.Deliverables }
            .Concat(project.Roles.Select(r => r.Name + " " + r.Skills)).Where(s => !string.IsNullOrWhiteSpace(s)));
        var kinds = Interests.OfProject(text, await profiles.BriefCategoryAsync(project.Number, ct));
        return new ProjectNeeds(project.HoursPerWeek, project.Mode, project.Language, open, kinds);
    }
}
