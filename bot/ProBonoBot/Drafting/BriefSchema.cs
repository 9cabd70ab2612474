using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProBonoBot.Drafting;

/// <summary>
/// The brief's JSON schema for structured output. Strict mode wants every property required and
/// <c>additionalProperties: false</c> on every object; unknown facts are the to-confirm marker, never omitted.
/// </summary>
public static class BriefSchema
{
    public const string Name = "project_brief";

    public static JsonElement Element { get; } = JsonSerializer.SerializeToElement(Build(), DraftingSchemaJsonContext.Default.JsonObject);

    private static JsonObject Build() => Obj(
        ("title", Str()),
        ("language", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("ja", "en") }),
        ("partner", Obj(("organisation", Str()), ("mission", Str()), ("beneficiaries", Str()), ("contact", Str()))),
        ("needCategory", Str()),
        ("background", Str()),
        ("objective", Str()),
        ("impact", Str()),
        ("deliverables", Arr(Str())),
        ("inScope", Arr(Str())),
        ("outOfScope", Arr(Str())),
        ("roles", Arr(Obj(("name", Str()), ("skills", Str()), ("seats", Int()), ("hoursPerWeek", Int())))),
        ("teamSize", Int()),
        ("timeCommitment", Str()),
        ("duration", Str()),
        ("start", Str()),
        ("deadline", Str()),
        ("deadlineFlexibility", Str()),
        ("phases", Arr(Obj(("name", Str()), ("goal", Str()), ("meeting", Str())))),
        ("meetingCadence", Str()),
        ("communication", Str()),
        ("workMode", Str()),
        ("tools", Arr(Str())),
        ("readiness", Obj(("owner", Str()), ("maintainer", Str()), ("knowledgeTransfer", Str()))),
        ("successCriteria", Arr(Str())),
        ("risks", Arr(Str())),
        ("openQuestions", Arr(Str())));

    private static JsonObject Str() => new() { ["type"] = "string" };

    private static JsonObject Int() => new() { ["type"] = "integer" };

    private static JsonObject Arr(JsonObject items) => new() { ["type"] = "array", ["items"] = items };

    private static JsonObject Obj(params (string Name, JsonObject Schema)[] properties) => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject(properties.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)p.Schema))),
        ["required"] = new JsonArray([.. properties.Select(p => (JsonNode)p.Name)]),
        ["additionalProperties"] = false,
    };
}

[System.Text.Json.Serialization.JsonSerializable(typeof(JsonObject))]
internal sealed partial class DraftingSchemaJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
