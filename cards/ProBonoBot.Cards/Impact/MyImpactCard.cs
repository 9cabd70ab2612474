using System.Text.Json.Nodes;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Wording;

namespace ProBonoBot.Cards.Impact;

/// <summary><c>my impact</c>: a member's projects, hours and skills; a friendly pointer to the open projects when there is nothing yet.</summary>
public static class MyImpactCard
{
    public static JsonObject Build(Language language, MyImpactModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var text = UiText.For(language);
        var t = text.Impact;
        var body = new List<JsonNode> { Card.Title(t.MyTitle) };
        if (model.Projects.Count == 0 && model.SkillsUsed.Count == 0)
        {
            body.Add(Card.Text(t.MyEmpty));
            return Card.Create(body);
        }

        var facts = new List<(string, string)> { (t.MyTotal, t.Hours(model.ApprovedMinutes)) };
        if (model.WaitingMinutes > 0)
        {
            facts.Add((t.MyWaiting, t.Hours(model.WaitingMinutes)));
        }

        body.Add(Card.Facts(facts));
        body.Add(Card.Heading(t.MyProjects));
        foreach (var p in model.Projects)
        {
            var hours = Plurals.Format(t.MyProjectHours, t.Hours(p.ApprovedMinutes))
                + (p.WaitingMinutes > 0 ? " · " + t.MyWaiting + " " + t.Hours(p.WaitingMinutes) : string.Empty);
            body.Add(Card.Container(
            [
                Card.Text($"**#{p.Number}** {Markdown.Escape(TextCut.Cut(p.Title, 120))} · {text.Projects.StatusName(p.Status)}"),
                Card.Text(hours, subtle: true),
            ]));
        }

        body.Add(Card.Heading(t.MySkillsUsed));
        body.Add(Card.Text(List(language, t, model.SkillsUsed)));
        body.Add(Card.Heading(t.MyProfileSkills));
        body.Add(Card.Text(List(language, t, model.ProfileSkills)));
        return Card.Create(body);
    }

    private static string List(Language language, ImpactTexts t, IReadOnlyList<string> items) =>
        items.Count == 0 ? t.None : Plurals.List(language, items.Select(s => Markdown.Escape(TextCut.Cut(s, 60))));
}
