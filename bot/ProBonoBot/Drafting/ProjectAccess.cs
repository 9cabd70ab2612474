using ProBonoBot.Cards.Drafting;
using ProBonoBot.Projects;
using ProBonoBot.SignUps;

namespace ProBonoBot.Drafting;

/// <summary>Who may ask for a project's manuals: its confirmed members, its leader and the club's leaders.</summary>
public sealed class ProjectAccess(ProjectStore projects, SignUpStore signUps, LeaderDirectory leaders)
{
    public async Task<bool> CanUseManualsAsync(Project project, string aad, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (string.Equals(project.LeaderAad, aad, StringComparison.OrdinalIgnoreCase) || await leaders.IsLeaderAsync(aad, ct).ConfigureAwait(false))
        {
            return true;
        }

        return await signUps.LiveAsync(project.Number, aad, ct).ConfigureAwait(false) is { Status: SignUpStatus.Confirmed };
    }

    /// <summary>The projects the person is confirmed on or leads.</summary>
    public async Task<IReadOnlyList<ManualProjectChoice>> ProjectsOfAsync(string aad, CancellationToken ct) =>
        [.. (await projects.ListOfMemberOrLeaderAsync(aad, ct).ConfigureAwait(false)).Select(p => new ManualProjectChoice(p.Number, p.Title))];

    /// <summary>The facts a manual is written from: the project, its roles, its confirmed team and its brief.</summary>
    public async Task<(string Text, ManualContext Context)> ManualFactsAsync(Project project, ProjectBrief? brief, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        var members = (await signUps.LiveForProjectAsync(project.Number, ct).ConfigureAwait(false))
            .Where(s => s.Status == SignUpStatus.Confirmed)
            .Select(s => (Name: s.UserName ?? "?", Role: project.Role((int)s.RoleNumber)?.Name ?? "?"))
            .ToList();
        var context = new ManualContext(
            project.Title, project.Partner, project.Summary, project.Objective, project.Deliverables, project.HoursPerWeek,
            project.StartDate, project.EndDate, project.Mode.ToString(), project.LeaderName,
            [.. project.Roles.Select(r => (r.Name, r.Skills, r.Seats))], members, brief);
        var text = new System.Text.StringBuilder()
            .Append("Title: ").AppendLine(project.Title)
            .Append("Partner: ").AppendLine(project.Partner)
            .Append("Summary: ").AppendLine(project.Summary)
            .Append("Objective: ").AppendLine(project.Objective ?? "-")
            .Append("Deliverables: ").AppendLine(project.Deliverables ?? "-")
            .Append("Hours per week per person: ").AppendLine(project.HoursPerWeek.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Append("Dates: ").Append(project.StartDate ?? "-").Append(" to ").AppendLine(project.EndDate ?? "-")
            .Append("Way of working: ").AppendLine(project.Mode.ToString())
            .Append("Leader: ").AppendLine(project.LeaderName ?? "-")
            .AppendLine("Roles:");
        foreach (var r in project.Roles)
        {
            text.Append("- ").Append(r.Name).Append(" (").Append(r.Seats).Append("): ").AppendLine(r.Skills ?? "-");
        }

        text.AppendLine("Team:");
        foreach (var m in members)
        {
            text.Append("- ").Append(m.Name).Append(": ").AppendLine(m.Role);
        }

        if (brief is not null)
        {
            text.Append("Phases: ").AppendLine(string.Join(" | ", brief.Phases.Select(p => $"{p.Name}: {p.Goal} → {p.Meeting}")))
                .Append("Meetings: ").AppendLine(brief.MeetingCadence)
                .Append("Communication: ").AppendLine(brief.Communication)
                .Append("Tools: ").AppendLine(string.Join(", ", brief.Tools));
        }

        return (text.ToString(), context);
    }
}
