using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProBonoBot.Broadcasts;

/// <summary>Which people a broadcast is for (channels are chosen by <see cref="Audience"/> alone).</summary>
/// <param name="Audience"><c>people</c>, <c>channels</c> or <c>both</c>.</param>
/// <param name="Resend">Also to people who already received the project.</param>
/// <param name="Target"><c>all</c> (everyone reachable), <c>teams</c> (members of <see cref="Teams"/>), <c>group</c> (members of the Entra group <see cref="Group"/>) or <c>fit</c> (people whose profile fits the project's roles).</param>
/// <param name="Teams">Team ids, for <see cref="ByTeams"/>.</param>
/// <param name="Group">Entra group id, for <see cref="ByGroup"/>.</param>
/// <param name="Language"><c>all</c>, <c>ja</c> or <c>en</c>: by the person's chosen language, else their Teams locale; people with neither count for <c>all</c> only.</param>
/// <param name="Category">The project's topic (a need category key) for people who chose topics; null reaches every topic.</param>
public sealed record Targeting(
    string Audience = "both",
    bool Resend = false,
    string Target = Targeting.All,
    IReadOnlyList<string>? Teams = null,
    string? Group = null,
    string Language = Targeting.All,
    string? Category = null)
{
    public const string All = "all";
    public const string ByTeams = "teams";
    public const string ByGroup = "group";
    public const string ByFit = "fit";

    public static readonly IReadOnlyList<string> Audiences = ["people", "channels", "both"];
    public static readonly IReadOnlyList<string> Targets = [All, ByTeams, ByGroup, ByFit];
    public static readonly IReadOnlyList<string> Languages = [All, "ja", "en"];

    [JsonIgnore]
    public bool ToPeople => Audience is "people" or "both";

    [JsonIgnore]
    public bool ToChannels => Audience is "channels" or "both";

    /// <summary>Everyone reachable, people and channels, not re-sent: what a broadcast was before targeting.</summary>
    public static Targeting Everyone { get; } = new();

    public string ToJson() => JsonSerializer.Serialize(this, TargetingJson.Default.Targeting);

    public static Targeting? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize(json, TargetingJson.Default.Targeting);
}

[JsonSerializable(typeof(Targeting))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class TargetingJson : JsonSerializerContext;
