using System.Text.Json.Nodes;
using ProBonoBot.Cards.Json;
using static ProBonoBot.Cards.Projects.ProjectFacts;

namespace ProBonoBot.Cards.Projects;

/// <summary>An empty seat shown when a leader confirms a team before every role is full.</summary>
public sealed record EmptySeatModel(string RoleName, int Taken, int Seats);

/// <summary>
/// "Are you sure?" cards for actions that cannot be taken back (withdraw, cancel a project, confirm a team with
/// empty seats). Confirm repeats the original verb with the signed confirmation in <paramref name="confirm"/>;
/// Keep repeats it with <c>answer: keep</c>, which changes nothing.
/// </summary>
public static class ConfirmCard
{
    /// <summary>Data value of the Keep button.</summary>
    public const string Keep = "keep";

    /// <param name="universal">True on a channel card (Action.Execute, so the answer replaces the card for this person only).</param>
    public static JsonObject Withdraw(Language language, long project, string title, JsonObject confirm, bool universal)
    {
        var s = UiText.For(language).SignUps;
        return Build(F(s.WithdrawConfirmTitle, project, Markdown.Escape(title)), s.WithdrawConfirmText, ProjectVerbs.Withdraw,
            s.ButtonConfirmWithdraw, s.ButtonKeepSignUp, confirm, ProjectData(project), universal);
    }

    public static JsonObject CancelProject(Language language, long project, string title, int people, JsonObject confirm)
    {
        var t = UiText.For(language).Projects;
        var keep = ProjectData(project);
        keep["status"] = nameof(ProjectStatus.Cancelled);
        return Build(F(t.CancelConfirmTitle, project, Markdown.Escape(title)), people > 0 ? F(t.CancelConfirmText, people) : t.CancelConfirmTextNobody, ProjectVerbs.SetStatus,
            t.ButtonConfirmCancel, t.ButtonKeepProject, confirm, keep, universal: false);
    }

    public static JsonObject FormTeam(Language language, long project, string title, IReadOnlyList<EmptySeatModel> empty, JsonObject confirm)
    {
        var t = UiText.For(language).Projects;
        var seats = Wording.Plurals.List(language, empty.Select(e => F(t.EmptySeat, Markdown.Escape(e.RoleName), e.Taken, e.Seats)));
        return Build(F(t.FormTeamConfirmTitle, project, Markdown.Escape(title)), F(t.FormTeamConfirmText, seats), ProjectVerbs.FormTeam,
            t.ButtonConfirmTeam, t.ButtonKeepRecruiting, confirm, ProjectData(project), universal: false);
    }

    /// <summary>The confirmation after it was answered: what happened, and no buttons to press again.</summary>
    public static JsonObject Answered(string message) => Card.Create([Card.Text(message)]);

    private static JsonObject Build(string title, string text, string verb, string confirmLabel, string keepLabel, JsonObject confirm, JsonObject keep, bool universal)
    {
        keep["answer"] = Keep;
        JsonObject Button(string label, JsonObject data, string? style) =>
            universal ? Card.Execute(label, verb, data, style) : Styled(Card.Submit(label, verb, data), style);
        return Card.Create(
            [Card.Heading(title), Card.Text(text)],
            [Button(confirmLabel, confirm, "destructive"), Button(keepLabel, keep, null)]);
    }

    private static JsonObject Styled(JsonObject action, string? style)
    {
        if (style is not null)
        {
            action["style"] = style;
        }

        return action;
    }
}
