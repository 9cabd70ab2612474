using System.Text.Json.Nodes;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Wording;

namespace ProBonoBot.Cards.Impact;

/// <summary>The close form a project's leader fills in: outcome, partner feedback and the skills each member used.</summary>
public static class CloseCard
{
    public const int MaxText = 1000;
    public const int MaxFeedback = 2000;
    public const int MaxOtherSkills = 200;

    /// <summary>Teams refuses cards over about 28 KB; a form larger than this offers each member a shorter list of skills.</summary>
    public const int MaxBytes = 24_000;

    /// <summary>The input id of a member's skills (<c>skills:{aad}</c>); the free text is <c>other:{aad}</c>.</summary>
    public const string SkillsPrefix = "skills:";
    public const string OtherPrefix = "other:";

    public static JsonObject Build(Language language, CloseFormModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var t = UiText.For(language).Impact;
        var body = new List<JsonNode>
        {
            Card.Title(Plurals.Format(t.CloseTitle, model.Project, Markdown.Escape(TextCut.Cut(model.Title, 120)))),
            Card.Text(t.CloseIntro, subtle: true),
            Card.TextInput("output", t.FieldOutput, multiline: true, errorMessage: t.FieldOutputMissing, maxLength: MaxText),
            Card.TextInput("outcome", t.FieldOutcome, multiline: true, maxLength: MaxText),
            Card.TextInput("impact", t.FieldImpact, multiline: true, maxLength: MaxText),
            Card.TextInput("feedback", t.FieldFeedback, multiline: true, maxLength: MaxFeedback),
            Card.Heading(t.MembersHeading),
        };
        if (model.Members.Count == 0)
        {
            body.Add(Card.Text(t.MembersNone, subtle: true));
        }

        foreach (var member in model.Members)
        {
            var choices = member.Skills ?? model.Skills;
            var items = new List<JsonNode> { Card.Text(Markdown.Escape(TextCut.Cut(member.Name, 80)), weight: "Bolder") };
            if (choices.Count > 0)
            {
                items.Add(Card.Choices(SkillsPrefix + member.Aad, t.FieldSkills, choices, multiSelect: true));
            }

            items.Add(Card.TextInput(OtherPrefix + member.Aad, t.FieldOtherSkills, maxLength: MaxOtherSkills));
            body.Add(Card.Container(items, separator: true));
        }

        return Card.Create(body, [Card.Submit(t.ButtonClose, ImpactVerbs.Close, new JsonObject { ["project"] = model.Project })]);
    }
}
