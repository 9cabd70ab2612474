using System.Text.Json.Nodes;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.SignUps;
using static ProBonoBot.Cards.Projects.ProjectFacts;

namespace ProBonoBot.Cards.Projects;

/// <summary>
/// The project announcement posted to channels: roles with seats left, Sign up (Universal Action with an
/// Action.Submit fallback) and Details. People who signed up get a per-user view through <c>refresh</c>.
/// A long summary shows as a preview, in full under Details; once recruiting has ended the card says so
/// instead of showing seats and Sign up.
/// </summary>
public static class AnnouncementCard
{
    /// <summary>Teams refreshes a card automatically for at most 60 listed users.</summary>
    public const int MaxRefreshUsers = 60;

    public static JsonObject Build(Language language, ProjectCardModel project, ViewerState viewer, IReadOnlyList<string>? refreshUserIds = null) =>
        Build(UiText.For(language), project, viewer, refreshUserIds);

    /// <summary>The card in the given text (for channels: <see cref="UiText.ForProject"/> of the project's language).</summary>
    public static JsonObject Build(UiText text, ProjectCardModel project, ViewerState viewer, IReadOnlyList<string>? refreshUserIds = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(project);
        var t = text.Projects;
        var body = new List<JsonNode>
        {
            Card.Title(Markdown.Escape(project.Title)),
            Card.Text(Markdown.Escape(SummaryText.Preview(project.Summary))),
            Facts(t, project, withStatus: project.Status != ProjectStatus.Recruiting),
        };
        if (ClosedNote(t, project.Status) is { } closed)
        {
            // Seats and the waitlist no longer mean anything to a reader: the card says where the project stands.
            body.Add(Card.Container([Card.Text(closed, weight: "Bolder")], style: project.Status == ProjectStatus.Cancelled ? "attention" : "accent", separator: true));
        }
        else
        {
            body.AddRange(Roles(t, project));
        }

        if (Banner(text.SignUps, viewer) is { } banner)
        {
            body.Add(Card.Container([Card.Text(banner, weight: "Bolder")], style: viewer.Standing == ViewerStanding.Waitlisted ? "warning" : "good", separator: true));
        }

        var actions = new List<JsonNode>();
        if (project.Status == ProjectStatus.Recruiting && viewer.Standing == ViewerStanding.None)
        {
            actions.Add(Card.Execute(t.ButtonSignUp, ProjectVerbs.SignUp, ProjectData(project.Number), style: "positive"));
        }
        else if (project.Status is ProjectStatus.Recruiting or ProjectStatus.TeamFormed && viewer.Standing != ViewerStanding.None)
        {
            actions.Add(Card.Execute(t.ButtonWithdraw, ProjectVerbs.Withdraw, ProjectData(project.Number)));
        }

        actions.Add(Card.ShowCard(t.ButtonDetails, Details(t, project)));
        var card = Card.Create(body, actions);
        card["refresh"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["title"] = t.ButtonDetails,
                ["verb"] = ProjectVerbs.View,
                ["data"] = ProjectData(project.Number),
            },
            ["userIds"] = new JsonArray([.. (refreshUserIds ?? []).Take(MaxRefreshUsers).Select(id => (JsonNode)JsonValue.Create(id))]),
        };
        return card;
    }

    /// <summary>The leader's preview of a draft: the announcement as it will look, with Edit and Publish.</summary>
    public static JsonObject Preview(Language language, ProjectCardModel project, string? message = null)
    {
        var t = UiText.For(language).Projects;
        var body = new List<JsonNode>();
        if (message is not null)
        {
            body.Add(Card.Text(message, color: "Good"));
        }

        body.Add(Card.Container([Card.Text(t.PreviewBanner, weight: "Bolder")], style: "attention"));
        body.Add(Card.Title($"#{project.Number} {Markdown.Escape(project.Title)}"));
        body.Add(Card.Text(Markdown.Escape(SummaryText.Preview(project.Summary))));
        body.Add(Facts(t, project, withStatus: true));
        body.AddRange(Roles(t, project));
        return Card.Create(body,
        [
            Card.Submit(t.ButtonEdit, ProjectVerbs.Edit, ProjectData(project.Number)),
            Card.Submit(t.ButtonPublish, ProjectVerbs.ChooseChannels, ProjectData(project.Number)),
            Card.ShowCard(t.ButtonDetails, Details(t, project)),
        ]);
    }

    /// <summary>What a card says instead of seats once recruiting has ended; null while it is a draft or recruiting.</summary>
    private static string? ClosedNote(ProjectTexts t, ProjectStatus status) => status switch
    {
        ProjectStatus.TeamFormed => t.ClosedTeamFormed,
        ProjectStatus.InProgress => t.ClosedInProgress,
        ProjectStatus.Completed => t.ClosedCompleted,
        ProjectStatus.Cancelled => t.ClosedCancelled,
        _ => null,
    };

    private static string? Banner(SignUpTexts s, ViewerState viewer)
    {
        if (viewer.Banner is not null)
        {
            // The bot's own sentence (its values escaped where it was built).
            return viewer.Banner;
        }

        var role = Markdown.Escape(viewer.RoleName);
        return viewer.Standing switch
        {
            ViewerStanding.Confirmed => F(s.ViewerConfirmed, role),
            ViewerStanding.Waitlisted => F(s.ViewerWaitlisted, role, viewer.Position),
            ViewerStanding.Offered => F(s.ViewerOffered, role),
            _ => null,
        };
    }
}
