using System.Text.Json;
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
internal sealed partial class CardsJsonContext : JsonSerializerContext;
