using System.Text.Json.Nodes;
using ProBonoBot.Cards.Json;

namespace ProBonoBot.Cards.Drafting;

/// <summary>A heading that shows or hides its section (Action.ToggleVisibility) — long drafts stay readable.</summary>
internal static class Collapsible
{
    /// <param name="heading">Plain text (a manual's headings are model-written): escaped for the TextBlock, as is for the action's title.</param>
    public static IEnumerable<JsonNode> Section(string name, string heading, IEnumerable<JsonNode> items, bool open)
    {
        // Element ids share one namespace with the card's inputs ("deliverables", "questions"): prefixed.
        var id = "section-" + name;
        var header = Card.Container([Card.Text("▸ " + Markdown.Escape(heading), weight: "Bolder", color: "Accent")], separator: true);
        header["selectAction"] = new JsonObject
        {
            ["type"] = "Action.ToggleVisibility",
            ["title"] = heading,
            ["targetElements"] = new JsonArray(id),
        };
        var body = Card.Container(items);
        body["id"] = id;
        if (!open)
        {
            body["isVisible"] = false;
        }

        return [header, body];
    }

    /// <summary>A bulleted Markdown list of user or model text, each item escaped.</summary>
    public static string Bullets(IEnumerable<string> items) =>
        Lines(items.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => Markdown.Escape(i.Trim())));

    /// <summary>A bulleted Markdown list of lines that are already safe (static text with escaped values).</summary>
    public static string Lines(IEnumerable<string> safeItems) =>
        string.Join("\n", safeItems.Select(i => "- " + i));

    public static JsonObject Field(string label, string value) =>
        Card.Text($"**{Markdown.Escape(label)}**: {Markdown.Escape(value)}");
}
