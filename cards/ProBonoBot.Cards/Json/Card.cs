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

    /// <summary>An Action.Execute (Universal Actions) with an Action.Submit fallback for clients without them.</summary>
    public static JsonObject Execute(string title, string verb, JsonObject? data = null, string? style = null)
    {
        var payload = data?.DeepClone().AsObject() ?? [];
        var action = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = title,
            ["verb"] = verb,
            ["data"] = payload,
            ["fallback"] = Submit(title, verb, data),
        };
        if (style is not null)
        {
            action["style"] = style;
        }

        return action;
    }

    public static JsonObject ShowCard(string title, JsonObject card) => new() { ["type"] = "Action.ShowCard", ["title"] = title, ["card"] = card };

    /// <summary>A card shown inside Action.ShowCard: no schema or version of its own.</summary>
    public static JsonObject Inner(IEnumerable<JsonNode> body) => new() { ["type"] = "AdaptiveCard", ["body"] = new JsonArray([.. body]) };

    public static JsonObject Actions(IEnumerable<JsonNode> actions) => new() { ["type"] = "ActionSet", ["actions"] = new JsonArray([.. actions]) };

    public static JsonObject Container(IEnumerable<JsonNode> items, string? style = null, bool separator = false)
    {
        var container = new JsonObject { ["type"] = "Container", ["items"] = new JsonArray([.. items]) };
        if (style is not null)
        {
            container["style"] = style;
        }

        if (separator)
        {
            container["separator"] = true;
            container["spacing"] = "Medium";
        }

        return container;
    }

    /// <param name="errorMessage">Shown by the client when a required input is left empty; required inputs must have one.</param>
    public static JsonObject TextInput(string id, string label, string? value = null, bool multiline = false, string? errorMessage = null, int? maxLength = null, string? placeholder = null)
    {
        var input = new JsonObject { ["type"] = "Input.Text", ["id"] = id, ["label"] = label };
        if (multiline)
        {
            input["isMultiline"] = true;
        }

        if (errorMessage is not null)
        {
            input["isRequired"] = true;
            input["errorMessage"] = errorMessage;
        }

        if (maxLength is { } max)
        {
            input["maxLength"] = max;
        }

        if (placeholder is not null)
        {
            input["placeholder"] = placeholder;
        }

        if (!string.IsNullOrEmpty(value))
        {
            input["value"] = value;
        }

        return input;
    }

    public static JsonObject NumberInput(string id, string label, int min, int max, string? value = null)
    {
        var input = new JsonObject { ["type"] = "Input.Number", ["id"] = id, ["label"] = label, ["min"] = min, ["max"] = max };
        if (!string.IsNullOrEmpty(value))
        {
            input["value"] = value;
        }

        return input;
    }

    public static JsonObject DateInput(string id, string label, string? value = null)
    {
        var input = new JsonObject { ["type"] = "Input.Date", ["id"] = id, ["label"] = label };
        if (!string.IsNullOrEmpty(value))
        {
            input["value"] = value;
        }

        return input;
    }

    public static JsonObject Choices(string id, string label, IEnumerable<(string Title, string Value)> choices, string? value = null, bool multiSelect = false, bool expanded = false)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = id,
            ["label"] = label,
            ["choices"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value })]),
        };
        if (multiSelect)
        {
            input["isMultiSelect"] = true;
        }

        if (expanded)
        {
            input["style"] = "expanded";
        }

        if (!string.IsNullOrEmpty(value))
        {
            input["value"] = value;
        }

        return input;
    }
}
