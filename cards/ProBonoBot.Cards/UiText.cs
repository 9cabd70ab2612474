using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ProBonoBot.Cards;

/// <summary>
/// Every text the bot shows, in one language, loaded from the embedded <c>Strings/en.json</c> and
/// <c>Strings/ja.json</c>. A key missing from either file, or an unknown key, fails at load.
/// </summary>
public sealed class UiText
{
    private static readonly UiText English = Load("en");
    private static readonly UiText Japanese = Load("ja");

    public static UiText For(Language language) => language == Language.Japanese ? Japanese : English;

    /// <summary>
    /// Both languages in one text, Japanese first: <c>募集中 / Recruiting</c>. For the shared posts of a project whose
    /// working language is Japanese and English (see <see cref="ForProject"/>).
    /// </summary>
    public static UiText Bilingual { get; } = Merge(Japanese, English);

    /// <summary>
    /// The text of a project's shared posts (channel cards, their updates, the team introduction), by the project's
    /// language code: <c>en</c> English, <c>ja</c> Japanese, <c>both</c> <see cref="Bilingual"/>. What one person
    /// reads alone (1:1 chats, their own view of a card) is in that person's language instead.
    /// </summary>
    public static UiText ForProject(string? languageCode) => languageCode switch
    {
        "en" => English,
        "both" => Bilingual,
        _ => Japanese,
    };

    /// <summary>The languages a project's shared posts are written in, in the order they appear.</summary>
    public static IReadOnlyList<Language> LanguagesOfProject(string? languageCode) => languageCode switch
    {
        "en" => [Language.English],
        "both" => [Language.Japanese, Language.English],
        _ => [Language.Japanese],
    };

    public required string BotName { get; init; }
    public required string WelcomeTitle { get; init; }
    public required string WelcomeIntro { get; init; }
    public required string WelcomeIntroNoName { get; init; }
    public required string WelcomeChannelIntro { get; init; }
    public required string WelcomeStepsTitle { get; init; }
    public required IReadOnlyList<string> WelcomeSteps { get; init; }
    public required string WelcomeNext { get; init; }
    public required string ButtonHelp { get; init; }
    public required string ButtonOtherLanguage { get; init; }
    public required string HelpTitle { get; init; }
    public required string HelpIntro { get; init; }
    public required IReadOnlyList<CommandHelp> HelpCommands { get; init; }
    public required string HelpChannelNote { get; init; }
    public required string HelpAiTitle { get; init; }
    public required IReadOnlyList<string> HelpAiLines { get; init; }
    public required string NotUnderstood { get; init; }
    public required string NotUnderstoodNeedHint { get; init; }
    public required string NothingToCancel { get; init; }
    public required Commands.CommandTexts Commands { get; init; }
    public required string LanguageChanged { get; init; }
    public required string SomethingWentWrong { get; init; }
    public required string TooManyMessages { get; init; }
    public required string UnknownAction { get; init; }
    public required Projects.ProjectTexts Projects { get; init; }
    public required SignUps.SignUpTexts SignUps { get; init; }
    public required Broadcasts.BroadcastTexts Broadcasts { get; init; }
    public required Drafting.DraftingTexts Drafting { get; init; }
    public required Drafting.FeedbackTexts Feedback { get; init; }
    public required Profiles.ProfileTexts Profiles { get; init; }
    public required Plans.PlanTexts Plans { get; init; }
    public required Hours.HoursTexts Hours { get; init; }
    public required Impact.ImpactTexts Impact { get; init; }

    private static UiText Merge(UiText first, UiText second)
    {
        var merged = MergeNode(
            JsonSerializer.SerializeToNode(first, CardsJsonContext.Default.UiText),
            JsonSerializer.SerializeToNode(second, CardsJsonContext.Default.UiText));
        return merged.Deserialize(CardsJsonContext.Default.UiText)
            ?? throw new InvalidOperationException("The bilingual strings could not be built.");
    }

    // Same placeholders on both sides, so a merged format string takes the same arguments; equal texts stay single.
    private static JsonNode? MergeNode(JsonNode? a, JsonNode? b) => (a, b) switch
    {
        (JsonObject x, JsonObject y) => new JsonObject(x.Select(p => KeyValuePair.Create(p.Key, MergeNode(p.Value, y[p.Key])))),
        (JsonArray x, JsonArray y) when x.Count == y.Count => new JsonArray([.. x.Select((n, i) => MergeNode(n, y[i]))]),
        (JsonValue x, JsonValue y) when x.GetValueKind() == JsonValueKind.String && y.GetValueKind() == JsonValueKind.String =>
            (string)x! == (string)y! ? JsonValue.Create((string)x!) : JsonValue.Create($"{(string)x!} / {(string)y!}"),
        _ => a?.DeepClone(),
    };

    private static UiText Load(string code)
    {
        var name = $"ProBonoBot.Cards.Strings.{code}.json";
        using var stream = typeof(UiText).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded strings '{name}' are missing.");
        return JsonSerializer.Deserialize(stream, CardsJsonContext.Default.UiText)
            ?? throw new InvalidOperationException($"Embedded strings '{name}' are empty.");
    }
}

/// <summary>One line of the help card: what to type and what it does.</summary>
public sealed record CommandHelp(string Command, string Description);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectRequiredConstructorParameters = true,
    ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(UiText))]
[JsonSerializable(typeof(Commands.CommandTexts))]
[JsonSerializable(typeof(Projects.ProjectTexts))]
[JsonSerializable(typeof(SignUps.SignUpTexts))]
[JsonSerializable(typeof(Broadcasts.BroadcastTexts))]
[JsonSerializable(typeof(Drafting.DraftingTexts))]
[JsonSerializable(typeof(Drafting.FeedbackTexts))]
[JsonSerializable(typeof(Profiles.ProfileTexts))]
[JsonSerializable(typeof(Plans.PlanTexts))]
[JsonSerializable(typeof(Hours.HoursTexts))]
[JsonSerializable(typeof(Impact.ImpactTexts))]
internal sealed partial class CardsJsonContext : JsonSerializerContext;
