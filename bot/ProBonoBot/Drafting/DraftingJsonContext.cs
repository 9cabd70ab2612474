using System.Text.Json.Serialization;
using ProBonoBot.Cards.Drafting;

namespace ProBonoBot.Drafting;

/// <summary>
/// Strict JSON for briefs: camelCase, every constructor parameter required, no unknown members, no nulls where
/// the type has none — exactly what the JSON schema asks the model for.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(ProjectBrief))]
[JsonSerializable(typeof(ManualDocument))]
[JsonSerializable(typeof(NeedFixture))]
[JsonSerializable(typeof(NeedAnswers))]
internal sealed partial class DraftingJsonContext : JsonSerializerContext;
