using System.Text.Json.Nodes;
using ProBonoBot.Cards.Json;

namespace ProBonoBot.Cards.Commands;

/// <summary>A project offered to pick from: its number and title (user text, escaped here).</summary>
public sealed record ProjectChoice(long Number, string Title);

/// <summary>Cards that answer a message that was not a full command: a greeting, a suggestion, a list to pick from.</summary>
public static class CommandCards
{
    /// <summary>
    /// A button that types <paramref name="command"/> for the person (Teams' <c>imBack</c>): the message arrives as if typed,
    /// so it runs the same command the card shows.
    /// </summary>
    public static JsonObject TypeButton(string title, string command) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new JsonObject { ["msteams"] = new JsonObject { ["type"] = "imBack", ["value"] = command } },
    };

    public static JsonObject Greeting(Language language, string? firstName)
    {
        var t = UiText.For(language).Commands;
        var text = string.IsNullOrWhiteSpace(firstName) ? t.GreetingNoName : string.Format(System.Globalization.CultureInfo.InvariantCulture, t.Greeting, Markdown.Escape(firstName));
        return Card.Create(
            [Card.Text(text)],
            [TypeButton(t.ButtonProjects, t.TypeProjects), TypeButton(t.ButtonMyProjects, t.TypeMyProjects), TypeButton(t.ButtonHelp, t.TypeHelp)]);
    }

    public static JsonObject DidYouMean(Language language, string command)
    {
        var t = UiText.For(language).Commands;
        return Card.Create(
            [Card.Text(string.Format(System.Globalization.CultureInfo.InvariantCulture, t.DidYouMean, command)), Card.Text(t.DidYouMeanHint, subtle: true)],
            [TypeButton(command, command), TypeButton(t.ButtonHelp, t.TypeHelp)]);
    }

    /// <summary>The projects to choose from for a command typed without its number; each button types the full command.</summary>
    public static JsonObject Pick(Language language, string question, string command, IReadOnlyList<ProjectChoice> projects)
    {
        var t = UiText.For(language).Commands;
        var body = new List<JsonNode> { Card.Text(question, weight: "Bolder") };
        foreach (var p in projects)
        {
            body.Add(Card.Container(
            [
                Card.Text($"**#{p.Number}** {Markdown.Escape(p.Title)}"),
                Card.Actions([TypeButton($"{command} {p.Number}", $"{command} {p.Number}")]),
            ], separator: true));
        }

        var example = projects.Count > 0 ? projects[0].Number : 1;
        body.Add(Card.Text(string.Format(System.Globalization.CultureInfo.InvariantCulture, t.PickHint, $"{command} {example}"), subtle: true));
        return Card.Create(body);
    }
}
