using System.Text.Json;
using System.Text.RegularExpressions;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Welcome;
using ProBonoBot.Hosting;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Routing;

namespace ProBonoBot.People;

/// <summary>Choosing the language the bot answers in: typed (<c>日本語</c>, <c>English</c>) or by the welcome card's button.</summary>
public sealed partial class LanguageRoutes(UserSettingsStore settings) : IRouteModule
{
    public void Register(Router router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.OnMessage("language-ja", JapanesePattern(), (turn, ct) => ChangeAsync(turn, Language.Japanese, ct));
        router.OnMessage("language-en", EnglishPattern(), (turn, ct) => ChangeAsync(turn, Language.English, ct));
        router.OnCardAction(Verbs.SetLanguage, ChangeFromCardAsync);
    }

    private async Task ChangeAsync(TurnContext turn, Language language, CancellationToken ct)
    {
        if (turn.Activity.From?.AadObjectId is { Length: > 0 } aad)
        {
            await settings.SetLanguageAsync(aad, language, ct).ConfigureAwait(false);
        }

        LanguageResolver.Set(turn, language);
        await turn.SendAsync(new Activity { Text = UiText.For(language).LanguageChanged }, ct).ConfigureAwait(false);
    }

    private async Task<CardActionResult> ChangeFromCardAsync(TurnContext turn, CancellationToken ct)
    {
        var code = turn.CardAction!.Data.TryGetProperty("language", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
        Language? language = code switch
        {
            "ja" => Language.Japanese,
            "en" => Language.English,
            _ => null,
        };
        if (language is not { } chosen)
        {
            return CardActionResult.Fail(400, "BadRequest", UiText.For(Languages.FromLocale(turn.Activity.GetLocale())).UnknownAction);
        }

        if (turn.Activity.From?.AadObjectId is { Length: > 0 } aad)
        {
            await settings.SetLanguageAsync(aad, chosen, ct).ConfigureAwait(false);
        }

        LanguageResolver.Set(turn, chosen);
        if (turn.Activity.Conversation?.ConversationType is null or ConversationTypes.Personal)
        {
            // In a 1:1 chat the welcome card is the person's own: show it again in the new language.
            return CardActionResult.ReplaceCard(WelcomeCard.Build(chosen, turn.Activity.From?.Name, inChannel: false));
        }

        return CardActionResult.Say(UiText.For(chosen).LanguageChanged);
    }

    [GeneratedRegex(@"^(日本語|にほんご|japanese|language\s+ja|言語\s*(日本語|ja))[。.!！]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex JapanesePattern();

    [GeneratedRegex(@"^(english|英語|えいご|language\s+en|言語\s*(英語|en|english))[。.!！]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex EnglishPattern();
}
