using System.Text.Json.Nodes;
using ProBonoBot.Cards.Json;

namespace ProBonoBot.Cards.Help;

/// <summary>The list of commands and what the AI does, answering <c>help</c> / <c>ヘルプ</c>.</summary>
public static class HelpCard
{
    public static JsonObject Build(Language language, bool inChannel)
    {
        var text = UiText.For(language);
        var body = new List<JsonNode>
        {
            Card.Title(text.HelpTitle),
            Card.Text(text.HelpIntro),
            Card.Facts(text.HelpCommands.Select(c => (c.Command, c.Description))),
            Card.Heading(text.HelpAiTitle),
            Card.Text(string.Join("\n", text.HelpAiLines.Select(l => "- " + l))),
        };
        if (inChannel)
        {
            body.Add(Card.Text(text.HelpChannelNote, subtle: true));
        }

        return Card.Create(body);
    }
}
