using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ProBonoBot.Drafting.Grounding;

/// <summary>
/// How a drafted fact and a source are compared: NFKC (full and half width alike), lower case, Japanese numerals
/// and English number words as digits, thousands separators dropped; Latin words and numbers match only whole.
/// </summary>
public static partial class GroundingText
{
    private static readonly Dictionary<string, string> NumberWords = new(StringComparer.Ordinal)
    {
        ["two"] = "2", ["three"] = "3", ["four"] = "4", ["five"] = "5", ["six"] = "6", ["seven"] = "7", ["eight"] = "8",
        ["nine"] = "9", ["ten"] = "10", ["eleven"] = "11", ["twelve"] = "12", ["fifteen"] = "15", ["twenty"] = "20",
        ["thirty"] = "30", ["forty"] = "40", ["fifty"] = "50", ["hundred"] = "100", ["thousand"] = "1000",
    };

    /// <summary>The comparable form of a text.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // 子供 and 子ども are one word written two ways; a need may use one and the draft the other.
        var s = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Replace('’', '\'').Replace('‘', '\'').Replace("子供", "子ども", StringComparison.Ordinal);
        s = KanjiNumber().Replace(s, m => KanjiValue(m.Value) is { } n ? n.ToString(CultureInfo.InvariantCulture) : m.Value);
        s = NumberWord().Replace(s, m => NumberWords[m.Value]);
        s = Thousands().Replace(s, string.Empty);
        return Spaces().Replace(s, " ").Trim();
    }

    /// <summary>Where <paramref name="needle"/> (normalised) occurs in <paramref name="haystack"/> (normalised) as a whole word; -1 when nowhere.</summary>
    public static int IndexOfWhole(string haystack, string needle)
    {
        ArgumentNullException.ThrowIfNull(haystack);
        if (string.IsNullOrEmpty(needle))
        {
            return -1;
        }

        for (var i = haystack.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = haystack.IndexOf(needle, i + 1, StringComparison.Ordinal))
        {
            var end = i + needle.Length;
            var startOk = !IsWordChar(needle[0]) || i == 0 || !IsWordChar(haystack[i - 1]);
            var endOk = !IsWordChar(needle[^1]) || end == haystack.Length || !IsWordChar(haystack[end]);
            if (startOk && endOk)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The sentences of a text (Latin and Japanese punctuation, line breaks).</summary>
    public static IEnumerable<string> Sentences(string? text) =>
        SentenceBreak().Split(text ?? string.Empty).Select(s => s.Trim()).Where(s => s.Length > 0);

    // Latin letters and digits run into each other inside a word; Japanese has no spaces, so any CJK neighbour is a boundary.
    private static bool IsWordChar(char c) => c < '\u3000' && char.IsLetterOrDigit(c);

    private static long? KanjiValue(string text)
    {
        const string Digits = "〇一二三四五六七八九";
        if (!text.Any(c => c is '十' or '百' or '千' or '万'))
        {
            // 二〇二五 is read digit by digit.
            return text.Length > 6 ? null : long.Parse(string.Concat(text.Select(c => (char)('0' + Digits.IndexOf(c, StringComparison.Ordinal)))), CultureInfo.InvariantCulture);
        }

        long total = 0, section = 0, current = 0;
        foreach (var c in text)
        {
            var digit = Digits.IndexOf(c, StringComparison.Ordinal);
            if (digit >= 0)
            {
                current = digit;
                continue;
            }

            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 10000 };
            if (unit == 10000)
            {
                total += (section + current) * unit;
                section = 0;
            }
            else
            {
                section += (current == 0 ? 1 : current) * unit;
            }

            current = 0;
        }

        return total + section + current;
    }

    [GeneratedRegex("[〇一二三四五六七八九十百千万]+", RegexOptions.None, 500)]
    private static partial Regex KanjiNumber();

    [GeneratedRegex(@"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand)\b", RegexOptions.None, 500)]
    private static partial Regex NumberWord();

    [GeneratedRegex(@"(?<=\d),(?=\d{3}(?!\d))", RegexOptions.None, 500)]
    private static partial Regex Thousands();

    [GeneratedRegex(@"\s+", RegexOptions.None, 500)]
    private static partial Regex Spaces();

    // Not after a title or abbreviation ("Mrs. Ito", "e.g. a map", "St. Mary's"); a dot inside an email or URL has no space after it.
    [GeneratedRegex(@"(?<=[.!?])(?<!\b(?:Inc|Ltd|Co|Mr|Ms|Mrs|Dr|Prof|St|No|etc|e\.g|E\.g|i\.e|approx|vs|Jr|Sr|Mt|Ave|Rd|ca)\.)\s+|(?<=[。！？])|[\r\n]+", RegexOptions.None, 500)]
    private static partial Regex SentenceBreak();
}
