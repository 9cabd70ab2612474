using System.Text.Json.Nodes;

namespace ProBonoBot.Cards.Json;

/// <summary>
/// Small typed helpers that build Adaptive Card JSON (schema 1.5). Values are set as JSON nodes, so user
/// text is escaped by the serializer and never concatenated into JSON.
/// </summary>
public static class Card
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";

    public static JsonObject Create(IEnumerable<JsonNode> body, IEnumerable<JsonNode>? actions = null)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = new JsonArray([.. body]),
        };
        var list = actions?.ToArray();
        if (list is { Length: > 0 })
        {
            card["actions"] = new JsonArray(list);
        }

        card["msteams"] = new JsonObject { ["width"] = "Full" };
        return card;
    }

    public static JsonObject Text(string text, string? size = null, string? weight = null, bool subtle = false, string? color = null, string? id = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (id is not null)
        {
            block["id"] = id;
        }

        if (size is not null)
        {
            block["size"] = size;
        }

        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (color is not null)
        {
            block["color"] = color;
        }

        if (subtle)
        {
            block["isSubtle"] = true;
        }

        return block;
    }

    public static JsonObject Title(string text) => Text(text, size: "Large", weight: "Bolder");

    public static JsonObject Heading(string text) => Text(text, size: "Medium", weight: "Bolder");

    public static JsonObject Facts(IEnumerable<(string Title, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value })]),
    };

    /// <summary>An Action.Submit whose data carries a <c>verb</c> (routed like an Action.Execute verb).</summary>
    public static JsonObject Submit(string title, string verb, JsonObject? data = null)
    {
        var payload = data?.DeepClone().AsObject() ?? [];
        payload["verb"] = verb;
        return new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = payload };
    }
}
