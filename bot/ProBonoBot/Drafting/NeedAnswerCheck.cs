using System.Text.RegularExpressions;

namespace ProBonoBot.Drafting;

/// <summary>Why an answer to an intake question was not stored.</summary>
public enum AnswerProblem
{
    None,

    /// <summary>A question back or confusion ("what?", "sorry, I was just asking…", "え？", "何のこと？").</summary>
    Confused,

    /// <summary>A command word, or a one-word typo of one ("hlep", "projcts").</summary>
    Command,

    /// <summary>A deadline answer with no date, month, season, span or "no deadline" in it.</summary>
    NoTimeExpression,

    /// <summary>A partner answer that reads as a sentence rather than a name.</summary>
    NotAName,
}

/// <summary>
/// An answer is only stored under the field it was asked for (issue 11): questions and confusion, command words
/// and text that cannot be the asked thing are refused, and the bot asks again with an example.
/// </summary>
public static partial class NeedAnswerCheck
{
    private const int MaxPartnerWords = 20;
    private const int MaxPartnerCharsJapanese = 80;

    /// <param name="asked">The question being answered: <c>need</c>, <c>partner</c>, <c>deliverable</c> or <c>deadline</c>.</param>
    /// <param name="text">The answer as typed.</param>
    public static AnswerProblem Check(string asked, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = NeedIntent.Fold(text);
        if (IsConfused(s))
        {
            return AnswerProblem.Confused;
        }

        if (IsCommand(s))
        {
            return AnswerProblem.Command;
        }

        // The to-confirm marker or a citation number in an answer would pose as the bot's own marks on the brief.
        if (s.Contains("to confirm", StringComparison.Ordinal) || s.Contains("要確認", StringComparison.Ordinal) || CitationMark().IsMatch(s))
        {
            return AnswerProblem.Confused;
        }

        return asked switch
        {
            "deadline" when !TimePattern().IsMatch(s) => AnswerProblem.NoTimeExpression,
            "partner" when Chatter().IsMatch(s) => PartnerName(text) is null ? AnswerProblem.NotAName : AnswerProblem.None,
            "partner" when TooLongForAName(s) => AnswerProblem.NotAName,
            "partner" when SentenceStartPattern().IsMatch(s) => AnswerProblem.NotAName,
            _ => AnswerProblem.None,
        };
    }

    /// <summary>
    /// The name to store from an answer to "Which organisation is this for?": the answer itself when it reads as a
    /// name, the one clean part when the rest is chatter ("the residents association, I just told you"), and null
    /// when no part can be a name (「名前は忘れちゃいました…」) — never a sentence.
    /// </summary>
    public static string? PartnerName(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (!Chatter().IsMatch(NeedIntent.Fold(trimmed)))
        {
            return trimmed;
        }

        var clean = NamePieces().Split(trimmed)
            .Select(p => NameLead().Replace(p.Trim(), string.Empty).Trim(' ', '.', '!', '。', '！', '…', '"', '「', '」'))
            .Where(p => p.Length >= 2 && !Chatter().IsMatch(NeedIntent.Fold(p)) && !SentenceStartPattern().IsMatch(NeedIntent.Fold(p)) && NameLike().IsMatch(p))
            .ToList();
        return clean.Count == 1 && !TooLongForAName(NeedIntent.Fold(clean[0])) && (Cards.Languages.LooksJapanese(clean[0]) || NeedIntent.WordCount(clean[0]) <= 8)
            ? clean[0] : null;
    }

    private static bool TooLongForAName(string folded) =>
        Cards.Languages.LooksJapanese(folded) ? folded.Length > MaxPartnerCharsJapanese : NeedIntent.WordCount(folded) > MaxPartnerWords;

    /// <summary>A question back or a sign that the person did not mean to answer.</summary>
    internal static bool IsConfused(string folded) =>
        folded.EndsWith('?') || ConfusedPattern().IsMatch(folded);

    /// <summary>A command (or a one-word typo of one, an edit away) typed where an answer was expected.</summary>
    internal static bool IsCommand(string folded)
    {
        var word = folded.TrimEnd('.', '!', '。');
        return Commands.Contains(word) || (!word.Contains(' ', StringComparison.Ordinal) && word.Length >= 4
            && Commands.Any(c => c.Length >= 4 && !c.Contains(' ', StringComparison.Ordinal) && EditDistanceAtMostOne(word, c)));
    }

    private static readonly HashSet<string> Commands =
    [
        "help", "cancel", "stop", "quit", "projects", "project", "my projects", "new need", "new project", "sign up", "signup", "withdraw",
        "manual", "broadcast", "mute", "unmute", "applicants", "leaders", "english", "japanese",
        "ヘルプ", "へるぷ", "使い方", "キャンセル", "やめる", "中止", "プロジェクト", "プロジェクト一覧", "相談", "参加", "辞退", "マニュアル", "日本語", "英語",
    ];

    /// <summary>True when one insertion, deletion, substitution or swap of neighbours turns <paramref name="a"/> into <paramref name="b"/>.</summary>
    internal static bool EditDistanceAtMostOne(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (i == a.Length || i == b.Length)
        {
            return true;
        }

        if (a.Length == b.Length)
        {
            var rest = a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1));
            var swapped = i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
            return rest || swapped;
        }

        return a.Length > b.Length ? a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i)) : a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1));
    }

    [GeneratedRegex(@"^(what|huh|eh|sorry|pardon|excuse me|why|wait|hang on|hold on|nope|wrong)([?!.,]|$)|^no,? i\b|\b(just asking|i was (just )?asking|didn't mean|did not mean|not a need|what do you mean|i don't understand|i do not understand|no idea what|never ?mind)\b|^(え|えっ|ええ|は|ん|何|なに|なん|はい\?)[?!。、…]*$|^(どういう|違う|違います|ちがう|いえ、|いいえ、)|何のこと|なんのこと|どういうこと|どういう意味|聞いただけ|質問しただけ|間違え|そうじゃなく", RegexOptions.CultureInvariant, 200)]
    private static partial Regex ConfusedPattern();

    // Talk about the conversation rather than a name: who said, told, forgot or does not know what.
    [GeneratedRegex(@"\b(i|i'm|i've|i'd|me|my|you|your|told|tell|already|said|say|forgot|forget|forgotten|mentioned|again|remember|don't know|dunno|not sure)\b|忘れ|さっき|先ほど|言った|言いました|言いましたよ|伝えた|わから|分から|わかりません|覚えて|知らない|すみません", RegexOptions.CultureInvariant, 200)]
    private static partial Regex Chatter();

    [GeneratedRegex(@"[,;，、。.!?！？…]+|\s+[-–—]\s+", RegexOptions.CultureInvariant, 200)]
    private static partial Regex NamePieces();

    // What is left must look like a name: capitalised words or "the …" (English), no verb ending (Japanese).
    [GeneratedRegex(@"^(?:(?:the|our)\s+)?[\p{Lu}]|^(?:the|our)\s+[a-z'’ -]{2,60}$|^(?!.*(?:です|ます|ました|った|ない|ません))[^A-Za-z]{2,40}$", RegexOptions.CultureInvariant, 200)]
    private static partial Regex NameLike();

    [GeneratedRegex(@"^(?:(?:it's|it is|its|that's|that is|this is|the name is|name is|it was|we are|we're|for|oh|um|uh|well|yes|yeah|like)\s+)+|^(?:団体名は|名前は|それは)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 200)]
    private static partial Regex NameLead();

    [GeneratedRegex(@"^(i|i'm|i am|i was|we were|it was|that was|this was|just|maybe|not sure|no idea|dunno)\b|ですか|ません(でした)?か", RegexOptions.CultureInvariant, 200)]
    private static partial Regex SentenceStartPattern();

    [GeneratedRegex(@"\d|\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?|spring|summer|autumn|fall|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight|week|weeks|month|months|year|years|day|days|quarter|term|semester|season|christmas|new year|fiscal|asap|soon|urgent|urgently|as soon as possible|no deadline|no rush|not urgent|anytime|any time|flexible|none|not yet|no date|open-ended|end of|by the end|q[1-4])\b|年内|年度|年末|年明け|来月|今月|再来月|来年|今年|来週|今週|再来週|月末|月中|上旬|中旬|下旬|春|夏|秋|冬|早め|早く|なるべく|至急|急ぎ|すぐ|いつでも|期限|締め切り|締切|未定|令和|[一二三四五六七八九十]+(月|週|日|年)|正月|お盆|連休|ゴールデンウィーク|gw|今期|来期", RegexOptions.CultureInvariant, 200)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"\[\d{1,3}\]", RegexOptions.None, 200)]
    private static partial Regex CitationMark();
}
