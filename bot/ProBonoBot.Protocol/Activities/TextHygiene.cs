using System.Buffers.Text;
using System.Text.Unicode;

namespace ProBonoBot.Protocol.Activities;

/// <summary>
/// Refuses text that storage or later serialization cannot hold: invalid UTF-8, NUL (PostgreSQL text cannot store
/// it) and unpaired UTF-16 surrogates (they cannot be written back as UTF-8). Raw UTF-8 cannot carry either once
/// it is valid, and raw control characters are invalid JSON, so only <c>\u</c> escapes need a look: one vectorized
/// search for backslashes over the raw bytes instead of a walk over the parsed document.
/// </summary>
public static class TextHygiene
{
    /// <summary>Null when the JSON text is acceptable, else a short reason for the client.</summary>
    public static string? Check(ReadOnlySpan<byte> utf8Json)
    {
        if (!Utf8.IsValid(utf8Json))
        {
            return "The body is not valid UTF-8.";
        }

        var pendingHigh = false;
        var offset = 0;
        while (true)
        {
            var found = utf8Json[offset..].IndexOf((byte)'\\');
            if (found < 0)
            {
                return pendingHigh ? Unpaired : null;
            }

            var at = offset + found;
            if (at + 1 >= utf8Json.Length || utf8Json[at + 1] != (byte)'u')
            {
                // Another escape (\" \\ \n …): skip both characters, so an escaped backslash is never read as the start of \u.
                if (pendingHigh)
                {
                    return Unpaired;
                }

                offset = at + 2;
                if (offset >= utf8Json.Length)
                {
                    return null;
                }

                continue;
            }

            if (at + 6 > utf8Json.Length || !Utf8Parser.TryParse(utf8Json.Slice(at + 2, 4), out ushort code, out var consumed, 'x') || consumed != 4)
            {
                return null; // Malformed escape: the JSON parser reports it.
            }

            var c = (char)code;
            if (pendingHigh && (!char.IsLowSurrogate(c) || at != offset))
            {
                return Unpaired;
            }

            if (c == '\0')
            {
                return "The activity contains a NUL character (\\u0000), which is not accepted.";
            }

            if (char.IsLowSurrogate(c) && !pendingHigh)
            {
                return Unpaired;
            }

            pendingHigh = char.IsHighSurrogate(c);
            offset = at + 6;
        }
    }

    /// <summary>
    /// True when already-decoded text holds no NUL and no unpaired surrogate. For text decoded a second time from a
    /// JSON string inside the activity (Teams' feedback form sends <c>"{\"feedbackText\":…}"</c>): the check at the
    /// door saw only the escaped form of its escapes.
    /// </summary>
    public static bool IsStorable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0' || char.IsLowSurrogate(c))
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }

    /// <summary>
    /// The text without bidirectional embedding/override/isolate controls (U+202A–U+202E, U+2066–U+2069) and the
    /// invisible U+200B, U+2060 and U+FEFF: they can make text shown to others read differently from what it holds
    /// (a name or a report that reverses, a command word with a hidden break). U+200D stays: emoji sequences use it.
    /// </summary>
    public static string StripInvisible(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny(Invisible) < 0)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!Invisible.Contains(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> Invisible = System.Buffers.SearchValues.Create(
        "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200B\u2060\uFEFF");

    private const string Unpaired = "The activity contains an unpaired surrogate (a \\ud800–\\udfff escape without its pair), which is not valid text.";
}
