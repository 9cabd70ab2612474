using System.Text;

namespace ProBonoBot.Cards.Json;

/// <summary>Escapes user-provided text before it is placed into a markdown-rendered TextBlock.</summary>
public static class Markdown
{
    // Only what turns plain text into formatting or links in Teams' markdown subset: a backslash before
    // other characters (".", "-") may be shown literally by some clients.
    private const string Special = "\\`*_[]~";

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Special.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
