using System.Text.Json.Nodes;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Wording;

namespace ProBonoBot.Cards.Impact;

/// <summary>The thank-you card each confirmed member gets when their project is closed, in their language.</summary>
public static class ThanksCard
{
    public static JsonObject Build(Language language, ThanksModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var t = UiText.For(language).Impact;
        var facts = new List<(string, string)> { (t.ThanksHours, t.Hours(model.ApprovedMinutes)) };
        if (model.WaitingMinutes > 0)
        {
            facts.Add((t.ThanksWaiting, t.Hours(model.WaitingMinutes)));
        }

        facts.Add((t.ThanksSkills, model.Skills.Count == 0 ? t.None : Plurals.List(language, model.Skills.Select(Markdown.Escape))));
        var body = new List<JsonNode>
        {
            Card.Title(Plurals.Format(t.ThanksTitle, Markdown.Escape(TextCut.Cut(model.Title, 120)))),
            Card.Text(t.ThanksIntro),
            Card.Facts(facts),
        };
        if (!string.IsNullOrWhiteSpace(model.Outcome))
        {
            body.Add(Card.Heading(t.ThanksOutcome));
            body.Add(Card.Text(Markdown.Escape(TextCut.Cut(model.Outcome, CloseCard.MaxText))));
        }

        if (model.SkillsAddedToProfile)
        {
            body.Add(Card.Text(t.ThanksProfileNote, subtle: true));
        }

        return Card.Create(body);
    }
}
