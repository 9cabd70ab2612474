using System.Text;
using System.Text.Json;
using ProBonoBot.Cards;

namespace ProBonoBot.Drafting;

/// <summary>
/// Turns the brief JSON streamed so far into readable text: each top-level field that is complete becomes a
/// line, so the user watches the brief fill in rather than raw JSON.
/// </summary>
public static class PartialBrief
{
    public static string Render(string partialJson, Language language)
    {
        var t = UiText.For(language).Drafting;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = t.FieldTitle, ["partner"] = t.SectionPartner, ["needCategory"] = t.FieldCategory, ["background"] = t.FieldBackground,
            ["objective"] = t.FieldObjective, ["impact"] = t.FieldImpact, ["deliverables"] = t.SectionDeliverables, ["roles"] = t.FieldRoles,
            ["duration"] = t.FieldDuration, ["deadline"] = t.FieldDeadline, ["phases"] = t.SectionPhases, ["risks"] = t.SectionRisks,
            ["openQuestions"] = t.SectionOpenQuestions,
        };
        var output = new StringBuilder(t.DraftingBrief);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(partialJson.TrimStart()), isFinalBlock: false, state: default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return output.ToString();
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString() ?? string.Empty;
                if (!JsonElement.TryParseValue(ref reader, out var value) || value is not { } element)
                {
                    break;
                }

                if (labels.TryGetValue(name, out var label) && Summarise(element) is { Length: > 0 } text)
                {
                    output.Append("\n\n**").Append(label).Append("**: ").Append(text);
                }
            }
        }
        catch (JsonException)
        {
            // Malformed so far: show what was readable; validation on receipt decides.
        }

        return output.ToString();
    }

    private static string Summarise(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString() ?? string.Empty,
        JsonValueKind.Array => string.Join(" · ", element.EnumerateArray().Select(Summarise).Where(s => s.Length > 0)),
        JsonValueKind.Object => element.TryGetProperty("name", out var n) ? Summarise(n)
            : element.TryGetProperty("organisation", out var o) ? Summarise(o)
            : string.Empty,
        JsonValueKind.Number => element.GetRawText(),
        _ => string.Empty,
    };
}
