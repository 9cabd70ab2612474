using System.Text.Json.Nodes;
using ProBonoBot.Cards.Json;
using static ProBonoBot.Cards.Projects.ProjectFacts;

namespace ProBonoBot.Cards.Projects;

/// <summary>The leader's view of who signed up, per role, with the team and status buttons.</summary>
public static class ApplicantsCard
{
    /// <param name="fitting">Members whose profile fits and who have not applied, best first (null: not shown).</param>
    /// <param name="notice">A line above the card (plain text, escaped): what the last button did.</param>
    public static JsonObject Build(Language language, ProjectCardModel project, IReadOnlyList<ApplicantModel> applicants,
        IReadOnlyList<Profiles.FitPersonModel>? fitting = null, string? notice = null)
    {
        var text = UiText.For(language);
        var t = text.Projects;
        var s = text.SignUps;
        var body = new List<JsonNode>
        {
            Card.Title(F(t.ApplicantsTitle, project.Number, Markdown.Escape(project.Title))),
            Card.Text($"{t.FactStatus}: {t.StatusName(project.Status)}", subtle: true),
        };
        if (!string.IsNullOrWhiteSpace(notice))
        {
            body.Insert(1, Card.Text(Markdown.Escape(notice), color: "Good"));
        }

        if (applicants.Count == 0)
        {
            body.Add(Card.Text(t.NoApplicants, subtle: true));
        }

        foreach (var role in project.Roles)
        {
            var inRole = applicants.Where(a => a.RoleName == role.Name).ToList();
            body.Add(Card.Heading($"{role.Number}. {Markdown.Escape(role.Name)} — {F(t.RoleFilled, role.Taken, role.Seats)}"));
            var seated = inRole.Where(a => a.Standing is ViewerStanding.Confirmed or ViewerStanding.Offered).Select(a =>
                (Markdown.Escape(a.Name), a.Standing == ViewerStanding.Offered ? F(s.StandingOffered, Markdown.Escape(role.Name)) : Hours(t, a))).ToList();
            if (seated.Count > 0)
            {
                body.Add(Card.Facts(seated));
            }

            var waiting = inRole.Where(a => a.Standing == ViewerStanding.Waitlisted).OrderBy(a => a.Position).ToList();
            if (waiting.Count > 0)
            {
                body.Add(Card.Text(t.WaitlistHeading, weight: "Bolder", subtle: true));
                body.Add(Card.Facts(waiting.Select(a => ($"#{a.Position}", $"{Markdown.Escape(a.Name)} · {Hours(t, a)}"))));
            }
        }

        if (fitting is not null)
        {
            body.AddRange(Profiles.ProfileCards.FitSection(language, project.Number, fitting));
        }

        var data = ProjectData(project.Number);
        var actions = new List<JsonNode>();
        if (project.Status == ProjectStatus.Recruiting)
        {
            actions.Add(Card.Submit(t.ButtonFormTeam, ProjectVerbs.FormTeam, data));
        }

        if (project.Status == ProjectStatus.TeamFormed)
        {
            actions.Add(Card.Submit(t.ButtonStart, ProjectVerbs.SetStatus, With(data, "status", "InProgress")));
        }

        if (project.Status == ProjectStatus.InProgress)
        {
            actions.Add(Card.Submit(t.ButtonComplete, ProjectVerbs.SetStatus, With(data, "status", "Completed")));
        }

        if (project.Status is ProjectStatus.Draft or ProjectStatus.Recruiting or ProjectStatus.TeamFormed or ProjectStatus.InProgress)
        {
            actions.Add(Card.Submit(t.ButtonCancelProject, ProjectVerbs.SetStatus, With(data, "status", "Cancelled")));
        }

        return Card.Create(body, actions);
    }

    /// <summary>Hours and note, leaving out what the person did not give (no lone "-").</summary>
    private static string Hours(ProjectTexts t, ApplicantModel a) =>
        string.Join(" · ", new[] { a.HoursPerWeek is { } h ? F(t.CommitmentValue, h) : null, string.IsNullOrWhiteSpace(a.Note) ? null : Markdown.Escape(a.Note) }
            .Where(part => part is not null));

    private static JsonObject With(JsonObject data, string key, string value)
    {
        var copy = data.DeepClone().AsObject();
        copy[key] = value;
        return copy;
    }
}
