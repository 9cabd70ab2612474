using System.Globalization;

namespace ProBonoBot.Cards.Json;

/// <summary>
/// The one way text is shortened: never between the halves of a surrogate pair (a lone half cannot be written as
/// UTF-8 — PostgreSQL refuses it, JSON writers replace it) and, where possible, never inside a user-perceived
/// character (an emoji with its skin tone or joiner, a letter with its accent).
/// </summary>
public static class TextCut
{
    /// <summary>The longest start of <paramref name="text"/> of at most <paramref name="max"/> UTF-16 units that ends on a whole character.</summary>
    public static string Cut(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        if (text.Length <= max)
        {
            return text;
        }

        var end = 0;
        while (end < text.Length)
        {
            var next = end + StringInfo.GetNextTextElementLength(text, end);
            if (next > max)
            {
                break;
            }

            end = next;
        }

        if (end == 0 && max > 0)
        {
            // One text element longer than the limit (a long run of combining marks): cut between code points instead.
            end = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        }

        return text[..end];
    }

    /// <summary>The text itself when it fits, else its start and "…" within <paramref name="max"/> UTF-16 units, cut on a whole character.</summary>
    public static string Ellipsis(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        return text.Length <= max ? text : Cut(text, max - 1).TrimEnd() + "…";
    }
}
