using System.Text;

namespace ProBonoBot.Commands;

/// <summary>
/// The one place typed text becomes a command (issue 12). Applied by the router to every message before any route sees
/// it (routes still match the text as typed first, so free text keeps its original form):
/// <list type="bullet">
/// <item>NFKC: full-width letters, digits, spaces and <c>｜</c> (a Japanese keyboard left on) and half-width katakana become their ordinary forms;</item>
/// <item>spacing collapsed and trimmed; a leading <c>/</c> and trailing <c>。.!！?？</c> dropped;</item>
/// <item>the first words, if they are a command in any spelling of <see cref="CommandWords"/> (ヘルプ/へるぷ, 一覧, 募集, signup, 参加,
/// 自分のプロジェクト…), replaced by the command's canonical English form, which every route's pattern accepts.</item>
/// </list>
/// </summary>
public static class CommandText
{
    private static readonly (string Spelling, CommandWord Command)[] Spellings =
    [
        .. CommandWords.All.SelectMany(c => c.Spellings.Select(s => (s, c))).OrderByDescending(p => p.s.Length),
    ];

    public static string Normalize(string? text)
    {
        var s = Fold(text);
        if (s.Length == 0)
        {
            return s;
        }

        var lower = s.ToLowerInvariant();
        foreach (var (spelling, command) in Spellings)
        {
            if (lower.StartsWith(spelling, StringComparison.Ordinal) && IsBoundary(lower, spelling.Length))
            {
                var rest = s[spelling.Length..].TrimStart();
                return rest.Length == 0 ? command.Canonical : command.Canonical + " " + rest;
            }
        }

        return s;
    }

    /// <summary>NFKC, spacing collapsed, a leading slash and trailing full stops, exclamation and question marks dropped.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var folded = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        var space = false;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B')
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        var s = sb.ToString();
        if (s.Length > 1 && s[0] == '/' && char.IsLetter(s[1]))
        {
            s = s[1..];
        }

        // "?" alone asks for help: only trailing marks after something else are dropped.
        var end = s.Length;
        while (end > 1 && IsTrailingMark(s[end - 1]))
        {
            end--;
        }

        return s[..end].TrimEnd();
    }

    private static bool IsTrailingMark(char c) => c is '。' or '.' or '!' or '?' or '、' or ',' or '…' or '~' or '〜';

    /// <summary>A command word ends at the end, a space, a number, <c>#</c> or a colon — not inside a longer word (参加者, projection).</summary>
    private static bool IsBoundary(string text, int index) =>
        index >= text.Length || text[index] is ' ' or '#' or ':' || char.IsDigit(text[index]);
}
