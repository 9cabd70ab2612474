using System.Text.Json.Nodes;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Projects;
using static ProBonoBot.Cards.Projects.ProjectFacts;

namespace ProBonoBot.Cards.SignUps;

/// <summary>Steps of the sign-up conversation, stored with the session.</summary>
public enum SignUpStep
{
    Role = 0,
    Hours = 1,
    Note = 2,
    Confirm = 3,
}

/// <summary>The sign-up conversation's question cards. Every answer can also be typed.</summary>
public static class SignUpCards
{
    public static JsonObject AskRole(Language language, ProjectCardModel project)
    {
        var s = UiText.For(language).SignUps;
        var choices = project.Roles.Select(r => (
            Title: $"{r.Number}. " + (r.SeatsLeft > 0 ? F(s.RoleChoiceOpen, Markdown.Escape(r.Name), r.SeatsLeft) : F(s.RoleChoiceFull, Markdown.Escape(r.Name))),
            Value: r.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return Question(language, project.Number, SignUpStep.Role,
        [
            Card.Text(F(s.AskRole, Markdown.Escape(project.Title))),
            Card.Choices("role", UiText.For(language).Projects.FieldRoles, choices, expanded: true),
        ], s.ButtonNext);
    }

    /// <param name="suggested">The hours the project asks for, offered as the answer to keep.</param>
    public static JsonObject AskHours(Language language, long project, int suggested) =>
        Question(language, project, SignUpStep.Hours,
        [
            Card.Text(F(UiText.For(language).SignUps.AskHours, Math.Clamp(suggested, 1, 40))),
            Card.NumberInput("hours", UiText.For(language).SignUps.ConfirmHours, 1, 40,
                Math.Clamp(suggested, 1, 40).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ], UiText.For(language).SignUps.ButtonNext);

    public static JsonObject AskNote(Language language, long project)
    {
        var s = UiText.For(language).SignUps;
        var card = Question(language, project, SignUpStep.Note,
        [
            Card.Text(s.AskNote),
            Card.TextInput("note", s.ConfirmNote, multiline: true, maxLength: 500),
        ], s.ButtonNext);
        card["actions"]!.AsArray().Add(Card.Submit(s.ButtonSkip, ProjectVerbs.Answer, Data(project, SignUpStep.Note, ("answer", "skip"))));
        return card;
    }

    public static JsonObject Confirm(Language language, long project, string title, string roleName, int hours, string? note, bool waitlist)
    {
        var s = UiText.For(language).SignUps;
        var body = new List<JsonNode>
        {
            Card.Heading(s.ConfirmTitle),
            Card.Facts(
            [
                (s.ConfirmProject, $"#{project} {Markdown.Escape(title)}"),
                (s.ConfirmRole, Markdown.Escape(roleName)),
                (s.ConfirmHours, F(UiText.For(language).Projects.CommitmentValue, hours)),
                .. string.IsNullOrWhiteSpace(note) ? Array.Empty<(string, string)>() : [(s.ConfirmNote, Markdown.Escape(note))],
            ]),
        };
        if (waitlist)
        {
            body.Add(Card.Text(s.ConfirmWaitlistNote, color: "Warning"));
        }

        return Card.Create(body,
        [
            Card.Submit(s.ButtonConfirm, ProjectVerbs.Answer, Data(project, SignUpStep.Confirm, ("answer", "yes"))),
            Card.Submit(s.ButtonCancel, ProjectVerbs.Answer, Data(project, SignUpStep.Confirm, ("answer", "cancel"))),
        ]);
    }

    public static JsonObject Offer(Language language, long project, string title, string roleName, string deadline)
    {
        var s = UiText.For(language).SignUps;
        var data = ProjectData(project);
        return Card.Create(
            [Card.Heading(s.OfferTitle), Card.Text(F(s.OfferText, Markdown.Escape(roleName), Markdown.Escape(title), deadline))],
            [
                Card.Submit(s.ButtonAccept, ProjectVerbs.AcceptOffer, data),
                Card.Submit(s.ButtonDecline, ProjectVerbs.DeclineOffer, data),
            ]);
    }

    public static JsonObject MyProjects(Language language, IReadOnlyList<MyProjectModel> items)
    {
        var text = UiText.For(language);
        var s = text.SignUps;
        var body = new List<JsonNode> { Card.Title(s.MyProjectsTitle) };
        if (items.Count == 0)
        {
            body.Add(Card.Text(s.NoMyProjects, subtle: true));
        }

        foreach (var item in items)
        {
            var standing = item.Standing switch
            {
                ViewerStanding.Confirmed => F(s.StandingConfirmed, Markdown.Escape(item.RoleName)),
                ViewerStanding.Waitlisted => F(s.StandingWaitlisted, Markdown.Escape(item.RoleName), item.Position),
                _ => F(s.StandingOffered, Markdown.Escape(item.RoleName)),
            };
            var actions = new List<JsonNode>();
            if (item.Standing == ViewerStanding.Offered)
            {
                actions.Add(Card.Submit(s.ButtonAccept, ProjectVerbs.AcceptOffer, ProjectData(item.Number)));
            }

            if (item.Status is ProjectStatus.Recruiting or ProjectStatus.TeamFormed)
            {
                actions.Add(Card.Submit(text.Projects.ButtonWithdraw, ProjectVerbs.Withdraw, ProjectData(item.Number)));
            }

            var items2 = new List<JsonNode>
            {
                Card.Text($"**#{item.Number} {Markdown.Escape(item.Title)}**"),
                Card.Text($"{standing} · {text.Projects.StatusName(item.Status)}", subtle: true),
            };
            if (actions.Count > 0)
            {
                items2.Add(Card.Actions(actions));
            }

            body.Add(Card.Container(items2, separator: true));
        }

        return Card.Create(body);
    }

    private static JsonObject Question(Language language, long project, SignUpStep step, IEnumerable<JsonNode> body, string button) =>
        Card.Create(body, [Card.Submit(button, ProjectVerbs.Answer, Data(project, step)), Card.Submit(UiText.For(language).SignUps.ButtonCancel, ProjectVerbs.Answer, Data(project, step, ("answer", "cancel")))]);

    private static JsonObject Data(long project, SignUpStep step, params (string Key, string Value)[] extra)
    {
        var data = new JsonObject { ["project"] = project, ["step"] = (int)step };
        foreach (var (key, value) in extra)
        {
            data[key] = value;
        }

        return data;
    }
}
