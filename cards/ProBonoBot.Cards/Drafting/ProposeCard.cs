using System.Text.Json.Nodes;
using ProBonoBot.Cards.Json;

namespace ProBonoBot.Cards.Drafting;

/// <summary>
/// "Shall I turn this into a project brief?" — asked when a 1:1 message might be a partner's need. The buttons
/// name only the stored need; the message itself stays in the database, never in card data.
/// </summary>
public static class ProposeCard
{
    public static JsonObject Build(Language language, long needId)
    {
        var t = UiText.For(language).Drafting;
        var data = new JsonObject { ["need"] = needId };
        var yes = Card.Submit(t.ButtonProposeYes, DraftingVerbs.ProposeYes, data);
        yes["style"] = "positive";
        return Card.Create(
            [Card.Heading(t.ProposeTitle), Card.Text(t.ProposeText)],
            [yes, Card.Submit(t.ButtonProposeNo, DraftingVerbs.ProposeNo, data)]);
    }
}
