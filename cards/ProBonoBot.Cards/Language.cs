namespace ProBonoBot.Cards;

/// <summary>The two languages the bot speaks.</summary>
public enum Language
{
    English,
    Japanese,
}

/// <summary>Maps locales and language codes to <see cref="Language"/>.</summary>
public static class Languages
{
    /// <summary><c>ja</c> and <c>ja-*</c> are Japanese; everything else (or nothing) is English.</summary>
    public static Language FromLocale(string? locale) =>
        locale is not null && (locale.Equals("ja", StringComparison.OrdinalIgnoreCase)
            || locale.StartsWith("ja-", StringComparison.OrdinalIgnoreCase)
            || locale.StartsWith("ja_", StringComparison.OrdinalIgnoreCase))
            ? Language.Japanese
            : Language.English;

    /// <summary>The stored code of a language: <c>en</c> or <c>ja</c>.</summary>
    public static string Code(this Language language) => language == Language.Japanese ? "ja" : "en";

    /// <summary>True when the text contains kana or kanji, i.e. it was typed in Japanese.</summary>
    public static bool LooksJapanese(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is >= '\u3040' and <= '\u30FF' or >= '\u4E00' and <= '\u9FFF' or >= '\uFF66' and <= '\uFF9F')
            {
                return true;
            }
        }

        return false;
    }
}
