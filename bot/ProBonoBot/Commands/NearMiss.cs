using System.Globalization;
using System.Text.RegularExpressions;

namespace ProBonoBot.Commands;

/// <summary>What a message that matched no command most likely meant.</summary>
public enum SmallTalk
{
    None,
    Greeting,
    Thanks,
    Acknowledgement,
}

/// <summary>
/// For text no route or flow took: the closest command (<c>hlep</c> → help, <c>projcts</c> → projects, <c>sigup 2</c> → sign up 2),
/// greetings, thanks and a bare 👍. A suggestion is made only when one command is clearly closest: by edit distance
/// (a swap of two letters counts once) over every spelling in the script the person typed in, at most 1 for short words
/// and 2 for words of seven letters or more (Japanese: 1, for words of three characters or more), and no other command
/// as close.
/// </summary>
public static partial class NearMiss
{
    /// <summary>The command to suggest, as the person would type it (with the number they gave), or null.</summary>
    public static string? Suggest(string commandText)
    {
        var s = CommandText.Fold(commandText).ToLowerInvariant();
        var m = TrailingNumber().Match(s);
        var head = m.Success ? m.Groups["head"].Value : s;
        var number = m.Success ? m.Groups["n"].Value : null;
        var latin = IsLatin(head);
        if (head.Length < (latin ? 4 : 3))
        {
            return null;
        }

        var best = int.MaxValue;
        var found = new HashSet<CommandWord>();
        foreach (var command in CommandWords.All)
        {
            foreach (var spelling in command.Spellings.Where(w => IsLatin(w) == latin))
            {
                var distance = Math.Min(Distance(head, spelling), Distance(head.Replace(" ", string.Empty, StringComparison.Ordinal), spelling.Replace(" ", string.Empty, StringComparison.Ordinal)));
                if (distance > Allowed(spelling, latin) || distance > best)
                {
                    continue;
                }

                if (distance < best)
                {
                    best = distance;
                    found.Clear();
                }

                found.Add(command);
            }
        }

        if (found.Count != 1)
        {
            return null;
        }

        var word = found.First();
        var typed = latin ? word.English : word.Japanese;
        return word.NeedsNumber && number is not null ? typed + " " + number : typed;
    }

    /// <summary>Greetings, thanks and acknowledgements (including an emoji on its own), which deserve an answer, not "did not understand".</summary>
    public static SmallTalk Classify(string commandText)
    {
        var s = CommandText.Fold(commandText).ToLowerInvariant();
        if (s.Length == 0)
        {
            return SmallTalk.None;
        }

        if (GreetingPattern().IsMatch(s))
        {
            return SmallTalk.Greeting;
        }

        if (ThanksPattern().IsMatch(s))
        {
            return SmallTalk.Thanks;
        }

        return AcknowledgementPattern().IsMatch(s) || IsEmojiOnly(s) ? SmallTalk.Acknowledgement : SmallTalk.None;
    }

    private static int Allowed(string spelling, bool latin) => latin ? (spelling.Length >= 7 ? 2 : 1) : (spelling.Length >= 3 ? 1 : 0);

    /// <summary>Only pictographs (👍, 🙏, 😊🎉), with their skin-tone and joiner marks: no letters or digits.</summary>
    private static bool IsEmojiOnly(string s) =>
        !s.Any(char.IsLetterOrDigit) && s.Any(c => char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherSymbol);

    private static bool IsLatin(string text) => !text.Any(c => c is >= '\u3000' and <= '\u9FFF' or >= '\uFF00' and <= '\uFFEF');

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    [GeneratedRegex(@"^(?<head>.+?)\s*#?(?<n>\d+)$", RegexOptions.CultureInvariant, 200)]
    private static partial Regex TrailingNumber();

    [GeneratedRegex(@"^(hi|hello|hey|hiya|howdy|yo|good (morning|afternoon|evening|day)|greetings|hi there|hello there|hey there|nice to meet you)(,? (there|everyone|all|bot|probonobot))?$|^(こんにちは|こんにちわ|こんばんは|こんばんわ|おはよう|おはようございます|はじめまして|初めまして|よろしく|よろしくお願いします|よろしくおねがいします|よろしくお願いいたします|どうも|やあ|ハロー|ハロ-|もしもし)$", RegexOptions.CultureInvariant, 200)]
    private static partial Regex GreetingPattern();

    [GeneratedRegex(@"^(thanks|thank you|thank you very much|thanks a lot|many thanks|thx|ty|cheers|much appreciated)(,? (bot|probonobot))?$|^(ありがとう|ありがとうございます|ありがとうございました|どうもありがとう|どうもありがとうございます|サンキュー|感謝します|助かりました|助かります)$", RegexOptions.CultureInvariant, 200)]
    private static partial Regex ThanksPattern();

    [GeneratedRegex(@"^(ok|okay|k|got it|great|cool|nice|perfect|sounds good|了解|了解です|了解しました|りょうかい|わかりました|分かりました|承知しました|オッケー|オーケー|はーい)$", RegexOptions.CultureInvariant, 200)]
    private static partial Regex AcknowledgementPattern();
}
