using ProBonoBot.Cards;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Routing;

namespace ProBonoBot.People;

/// <summary>
/// Decides the language of a reply: the person's stored choice first, then a command typed in Japanese,
/// then the client's locale (<c>ja-*</c> → Japanese, anything else → English).
/// </summary>
public sealed class LanguageResolver(UserSettingsStore settings, Install.ConversationStore conversations)
{
    private const string ItemKey = "language";

    public async Task<Language> ResolveAsync(TurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Items.TryGetValue(ItemKey, out var cached) && cached is Language known)
        {
            return known;
        }

        var language = await ResolveUncachedAsync(turn, ct).ConfigureAwait(false);
        turn.Items[ItemKey] = language;
        return language;
    }

    private async Task<Language> ResolveUncachedAsync(TurnContext turn, CancellationToken ct)
    {
        if (turn.Activity.From?.AadObjectId is { Length: > 0 } aad
            && await settings.GetLanguageAsync(aad, ct).ConfigureAwait(false) is { } chosen)
        {
            return chosen;
        }

        if (turn.Activity.Type == ActivityTypes.Message && Languages.LooksJapanese(turn.Text))
        {
            return Language.Japanese;
        }

        return Languages.FromLocale(turn.Activity.GetLocale());
    }

    /// <summary>The language to write to a person in proactively: their choice, else their 1:1 chat's locale, else the fallback.</summary>
    public async Task<Language> ForPersonAsync(string aad, Language fallback, CancellationToken ct)
    {
        if (await settings.GetLanguageAsync(aad, ct).ConfigureAwait(false) is { } chosen)
        {
            return chosen;
        }

        return await conversations.FindPersonalAsync(aad, ct).ConfigureAwait(false) is { Locale: { Length: > 0 } locale }
            ? Languages.FromLocale(locale)
            : fallback;
    }

    /// <summary>Forgets the cached choice for this turn (after the person changed it).</summary>
    public static void Set(TurnContext turn, Language language)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.Items[ItemKey] = language;
    }
}
