namespace ProBonoBot.Drafting;

/// <summary>What a free-text message in a 1:1 chat reads as, before any drafting starts.</summary>
public enum NeedIntentKind
{
    /// <summary>Not a partner's need (a question, a greeting, thanks, chat, a mistyped command): never drafted.</summary>
    NotNeed,

    /// <summary>Could be a need: the bot asks "Shall I turn this into a project brief?" first.</summary>
    Ask,

    /// <summary>Reads plainly as a partner's need: intake starts.</summary>
    Need,
}

/// <summary>Decides whether a message reads as a partner's need (issue 11: intent before intake).</summary>
public static class NeedIntent
{
    // Placeholder kept simple until the intent rules land: the old length rule.
    public static NeedIntentKind Classify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        return trimmed.Length >= (ProBonoBot.Cards.Languages.LooksJapanese(trimmed) ? 50 : 120) ? NeedIntentKind.Need : NeedIntentKind.NotNeed;
    }
}
