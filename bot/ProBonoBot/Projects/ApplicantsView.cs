using System.Text.Json.Nodes;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Profiles;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Profiles;
using ProBonoBot.SignUps;

namespace ProBonoBot.Projects;

/// <summary>
/// The leader's applicants card: who signed up per role, and, while recruiting, the members whose profile fits an open
/// role and who have not applied (up to <see cref="MaxFitting"/>, best first, with why and Invite).
/// </summary>
public sealed class ApplicantsView(ProjectStore projects, SignUpStore signUps, ProfileFit fit, ProfileStore profiles)
{
    public const int MaxFitting = 10;

    public async Task<JsonObject?> CardAsync(Language language, long number, string? notice, CancellationToken ct)
    {
        var project = await projects.GetAsync(number, ct);
        if (project is null)
        {
            return null;
        }

        var model = project.ToCard(await projects.CountsAsync(number, ct));
        var live = await signUps.LiveForProjectAsync(number, ct);
        var applicants = new List<ApplicantModel>();
        foreach (var s in live)
        {
            var role = model.Roles.FirstOrDefault(r => r.Number == s.RoleNumber)?.Name ?? "?";
            var position = s.Status == SignUpStatus.Waitlisted ? await signUps.PositionAsync(s, ct) : 0;
            applicants.Add(new ApplicantModel(s.UserName ?? s.UserAad, role, s.Standing, position, (int?)s.HoursPerWeek, s.Note));
        }

        List<FitPersonModel>? fitting = null;
        if (project.Status == ProjectStatus.Recruiting)
        {
            var invited = await profiles.InvitedAsync(number, ct);
            fitting = [.. (await fit.RankAsync(project, ct)).Take(MaxFitting).Select(f => new FitPersonModel(
                f.Profile.Aad, f.Profile.Name ?? f.Profile.Aad, FitReasons.Describe(f.Fit, language, forLeader: true), invited.Contains(f.Profile.Aad)))];
        }

        return ApplicantsCard.Build(language, model, applicants, fitting, notice);
    }
}
