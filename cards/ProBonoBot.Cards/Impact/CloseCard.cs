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
            body.Add(Card.Container(
            [
                Card.Text(Markdown.Escape(TextCut.Cut(member.Name, 80)), weight: "Bolder"),
                Card.Choices(SkillsPrefix + member.Aad, t.FieldSkills, model.Skills, multiSelect: true),
                Card.TextInput(OtherPrefix + member.Aad, t.FieldOtherSkills, maxLength: MaxOtherSkills),
            ], separator: true));
        }

        return Card.Create(body, [Card.Submit(t.ButtonClose, ImpactVerbs.Close, new JsonObject { ["project"] = model.Project })]);
    }
}
