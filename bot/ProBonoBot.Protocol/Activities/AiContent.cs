using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProBonoBot.Protocol.Activities;

/// <summary>One Teams citation: <c>[Position]</c> in the message text opens a card with the source's name and sentence.</summary>
public sealed record Citation(int Position, string Name, string Abstract);

/// <summary>
/// The schema.org Message entity Teams reads for AI transparency: the "AI generated" label
/// (<c>additionalType: ["AIGeneratedContent"]</c>) and citations (<c>citation</c>: claims with a
/// <c>DigitalDocument</c> appearance). Teams shows a citation only when the text refers to it as <c>[n]</c>,
/// so <see cref="Apply"/> checks that; it goes on a stream's final message only.
/// </summary>
public static class AiContent
{
    public const string EntityType = "https://schema.org/Message";
    public const int MaxCitations = 20;
    public const int MaxAbstract = 160;
    public const int MaxName = 80;

    /// <summary>Adds the Message entity to <paramref name="activity"/>; nothing when there is neither a label nor a citation.</summary>
    /// <exception cref="ArgumentException">Positions repeat, are not 1-based, are more than <see cref="MaxCitations"/>, or the text lacks a marker.</exception>
    public static void Apply(Activity activity, bool aiGenerated, IReadOnlyList<Citation> citations)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(citations);
        if (!aiGenerated && citations.Count == 0)
        {
            return;
        }

        foreach (var citation in citations)
        {
            if (activity.Text?.Contains(Marker(citation.Position), StringComparison.Ordinal) != true)
            {
                throw new ArgumentException($"The message text does not refer to citation {Marker(citation.Position)}.", nameof(citations));
            }
        }

        var entities = activity.Entities?.ToList() ?? [];
        entities.RemoveAll(e => e.Type == EntityType);
        entities.Add(Entity(aiGenerated, citations));
        activity.Entities = entities;
    }

    /// <summary>The in-text marker for a citation, e.g. <c>[2]</c>.</summary>
    public static string Marker(int position) => "[" + position.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>The entity itself (see <see cref="Apply"/>).</summary>
    public static Entity Entity(bool aiGenerated, IReadOnlyList<Citation> citations)
    {
        ArgumentNullException.ThrowIfNull(citations);
        if (citations.Count > MaxCitations)
        {
            throw new ArgumentException($"Teams shows at most {MaxCitations} citations.", nameof(citations));
        }

        if (citations.Select(c => c.Position).Distinct().Count() != citations.Count || citations.Any(c => c.Position < 1))
        {
            throw new ArgumentException("Citation positions must be unique and start at 1.", nameof(citations));
        }

        var extra = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            ["@type"] = Element(JsonValue.Create("Message")),
            ["@context"] = Element(JsonValue.Create("https://schema.org")),
            ["@id"] = Element(JsonValue.Create(string.Empty)),
        };
        if (aiGenerated)
        {
            extra["additionalType"] = Element(new JsonArray("AIGeneratedContent"));
        }

        if (citations.Count > 0)
        {
            extra["citation"] = Element(new JsonArray([.. citations.OrderBy(c => c.Position).Select(c => (JsonNode)new JsonObject
            {
                ["@type"] = "Claim",
                ["position"] = c.Position,
                ["appearance"] = new JsonObject
                {
                    ["@type"] = "DigitalDocument",
                    ["name"] = Clip(c.Name, MaxName),
                    ["abstract"] = Clip(c.Abstract, MaxAbstract),
                },
            })]));
        }

        return new Entity { Type = EntityType, Extra = extra };
    }

    // Teams rejects longer fields; a clipped sentence ends in an ellipsis so it does not read as the whole.
    private static string Clip(string text, int max)
    {
        var flat = string.Join(' ', (text ?? string.Empty).Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        if (flat.Length <= max)
        {
            return flat;
        }

        var cut = char.IsHighSurrogate(flat[max - 2]) ? max - 2 : max - 1;
        return flat[..cut].TrimEnd() + "…";
    }

    private static JsonElement Element(JsonNode? node) => JsonSerializer.SerializeToElement(node, ProtocolJsonContext.Default.JsonNode);
}
