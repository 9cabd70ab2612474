using System.Text;
using System.Text.RegularExpressions;

namespace ProBonoBot.Cards.Json;

/// <summary>
/// The one way user-provided and model-written text reaches a card or a message: Teams renders TextBlocks,
/// FactSet facts, expanded choice titles and message text as Markdown, so such text is neutralised here and
/// nowhere else. See docs/cards.md ("User text on cards and in messages").
/// </summary>
public static partial class Markdown
{
    /// <summary>
    /// User text shown as typed: no link, image, mention, HTML tag, autolink, emphasis, heading, list, quote or
    /// table can come from it. Line breaks are kept. Our own formatting around it (<c>**{0}**</c>) still works.
    /// </summary>
    /// <remarks>
    /// Backslash escapes are CommonMark's own way to make a character literal. Characters that only mean something
    /// at the start of a line (<c># - + = &gt;</c>, <c>1.</c>) or before a letter (<c>&lt;</c>) or an entity name
    /// (<c>&amp;</c>) are escaped only there: a stray backslash before other punctuation shows on some clients.
    /// A bare URL is left as it is: Teams may link it, but its link text is then its own address, which deceives nobody.
    /// </remarks>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 16);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n')
            {
                // CR LF, lone CR and LF are one line break: a lone CR would hide a line start from the rules below.
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                builder.Append('\n');
                lineStart = true;
                continue;
            }

            if (lineStart)
            {
                if (c is ' ' or '\t')
                {
                    builder.Append(c);
                    continue;
                }

                lineStart = false;
                if (c is '#' or '-' or '+' or '=' or '>')
                {
                    builder.Append('\\').Append(c);
                    continue;
                }

                if (char.IsAsciiDigit(c))
                {
                    // "1. " and "1) " start an ordered list: escape the dot or parenthesis after the digits.
                    var end = i;
                    while (end < text.Length && char.IsAsciiDigit(text[end]))
                    {
                        end++;
                    }

                    builder.Append(text, i, end - i);
                    if (end < text.Length && text[end] is '.' or ')')
                    {
                        builder.Append('\\').Append(text[end]);
                        end++;
                    }

                    i = end - 1;
                    continue;
                }
            }

            if (NeedsEscape(text, i))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Model-written Markdown (a manual's sections): its emphasis, lists and line breaks stay, but a link is shown
    /// as its text followed by its address, and no image, HTML tag, mention, autolink, heading or quote can form.
    /// </summary>
    public static string Formatting(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return string.Empty;
        }

        var plain = LinkPattern().Replace(markdown.ReplaceLineEndings("\n"), "$1 ($2)");
        var builder = new StringBuilder(plain.Length + 16);
        var lineStart = true;
        for (var i = 0; i < plain.Length; i++)
        {
            var c = plain[i];
            if (c == '\\' && i + 1 < plain.Length && plain[i + 1] is > ' ' and < (char)127 && !char.IsAsciiLetterOrDigit(plain[i + 1]))
            {
                // An escape the writer meant (or Escape made for user text in the manual): kept as it is, so it
                // cannot combine with one of ours ("\\" + "\[" would turn our escaped bracket back into a bracket).
                builder.Append(c).Append(plain[i + 1]);
                i++;
                lineStart = false;
                continue;
            }

            // Headings and quotes are not card Markdown (a renderer that knows them would break the card's layout).
            if (c is '[' or ']' || (c is '<' or '&' && NeedsEscape(plain, i)) || (c is '#' or '>' && lineStart))
            {
                builder.Append('\\');
            }

            builder.Append(c);
            lineStart = c == '\n' || (lineStart && c is ' ' or '\t');
        }

        return builder.ToString();
    }

    /// <summary>
    /// The text of an @mention of a person: <c>&lt;at&gt;name&lt;/at&gt;</c> with every character that could end
    /// the tag or format the name removed (Teams matches the text against the mention entity, so it is not escaped).
    /// </summary>
    public static string Mention(string? name)
    {
        var builder = new StringBuilder();
        foreach (var c in name ?? string.Empty)
        {
            if (!MentionRemoved.Contains(c, StringComparison.Ordinal) && !char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        var text = builder.ToString().Trim();
        return "<at>" + (text.Length > 0 ? text : "?") + "</at>";
    }

    private const string AlwaysEscaped = "\\`*_~[]|";
    private const string MentionRemoved = "<>&\\`*_~[]|#";

    private static bool NeedsEscape(string text, int i)
    {
        var c = text[i];
        if (AlwaysEscaped.Contains(c, StringComparison.Ordinal))
        {
            return true;
        }

        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        return c switch
        {
            // An HTML tag, a comment, an <at> mention or an autolink starts with "<" and a letter, "/", "!" or "?".
            '<' => char.IsAsciiLetter(next) || next is '/' or '!' or '?',
            // "&lt;" would otherwise show as "<", and "&#91;" as "[".
            '&' => EntityPattern().IsMatch(text.AsSpan(i + 1)),
            _ => false,
        };
    }

    // A link or image whose "[" is not escaped (user text escaped inside a manual stays as it is).
    [GeneratedRegex(@"!?(?<!\\)\[((?:[^\]\\\n]|\\.)*)\]\(([^)\s]*)\)", RegexOptions.None, 200)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"^(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});", RegexOptions.None, 200)]
    private static partial Regex EntityPattern();
}
