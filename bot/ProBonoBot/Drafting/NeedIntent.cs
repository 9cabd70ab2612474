using System.Text;
using System.Text.RegularExpressions;

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

/// <summary>
/// Decides whether a message reads as a partner's need (issue 11: intent before intake). Deterministic, the same
/// for English and Japanese (the text is folded first: NFKC, so full-width letters and ？ count as ASCII, and lower case).
/// <list type="number">
/// <item>Short texts are never needs: under 40 characters or 7 words (Japanese: under 20 characters).</item>
/// <item>Need signals: an organisation word (NPO, council, association, school, museum, 市, 町, 協会, 団体…) +2; problem or
/// request phrases ("we need", "we track", "help us", "on paper", 困って, したい, ほしい, 手伝って…) +1 each, at most 3;
/// deliverable words from <see cref="NeedCategories"/> (website, database, video, 広報…) +1 each, at most 2; a long text
/// (200 characters, Japanese 80) +1. A polite request ("could you help us?", 手伝っていただけますか) is a request, not a question.</item>
/// <item>Chat signals: each question sentence (ends with ?, starts with when/what/how…, ends with ですか/ますか…) +2, at most 4;
/// a greeting +1; thanks +2; speaking as a member offering help ("I'd love to help out", 参加したい, 手伝いたい) +3; club
/// business (meeting, the pro bono club, 勉強会, ミーティング) +2; first-person small talk ("I'm", "I was wondering") +1.</item>
/// <item>A member asking about taking part (上司の許可は必要でしょうか, 何時間…知りたい, "how much time…?") → NotNeed.</item>
/// <item>No organisation word and no request phrase → NotNeed (a deliverable word alone is chat about a project).
/// A request phrase and need − chat ≥ 4, with no question, offer or club talk and chat ≤ 2 → Need. Otherwise need ≥ 3
/// and need − chat ≥ 1 → Ask, unless the text asks a question and requests nothing. Everything else → NotNeed.</item>
/// </list>
/// </summary>
public static partial class NeedIntent
{
    private const int MinChars = 40;
    private const int MinWords = 7;
    private const int MinCharsJapanese = 20;
    private const int LongChars = 200;
    private const int LongCharsJapanese = 80;

    public static NeedIntentKind Classify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = Fold(text);
        var japanese = Cards.Languages.LooksJapanese(s);
        if (s.Length < (japanese ? MinCharsJapanese : MinChars) || (!japanese && WordCount(s) < MinWords))
        {
            return NeedIntentKind.NotNeed;
        }

        var signals = Read(s, japanese);
        if (signals.Organisation == 0 && signals.Request == 0)
        {
            return NeedIntentKind.NotNeed;
        }

        // A member asking whether they may take part or how long it takes is talking about themselves, not a partner.
        if (signals.MemberQuestion)
        {
            return NeedIntentKind.NotNeed;
        }

        var need = signals.Need;
        var chat = signals.Chat;
        if (signals.Request > 0 && need - chat >= 4 && chat <= 2 && signals.Questions == 0 && !signals.Offer && !signals.ClubTalk)
        {
            return NeedIntentKind.Need;
        }

        // A question about an organisation or a deliverable, with nothing asked for, is chat.
        var asksForSomething = signals.Request > 0 || signals.Questions == 0;
        return asksForSomething && need >= 3 && need - chat >= 1 ? NeedIntentKind.Ask : NeedIntentKind.NotNeed;
    }

    /// <summary>NFKC (full-width letters, digits and ？ become ASCII), lower case, whitespace collapsed.</summary>
    internal static string Fold(string text) =>
        WhitespacePattern().Replace(text.Normalize(NormalizationForm.FormKC), " ").Trim().ToLowerInvariant();

    internal static int WordCount(string folded) => folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>The signals found in a folded text (see the class comment for their weights).</summary>
    internal sealed record Signals(int Organisation, int Request, int Deliverable, bool Long, int Questions, bool Greeting, bool Thanks, bool Offer, bool ClubTalk, bool FirstPerson, bool MemberQuestion = false)
    {
        public int Need => Organisation + Request + Deliverable + (Long ? 1 : 0);

        public int Chat => (2 * Questions) + (Greeting ? 1 : 0) + (Thanks ? 2 : 0) + (Offer ? 3 : 0) + (ClubTalk ? 2 : 0) + (FirstPerson ? 1 : 0);
    }

    internal static Signals Read(string s, bool japanese)
    {
        var requestQuestions = 0;
        var questions = 0;
        foreach (var sentence in SentencePattern().Matches(s).Select(m => m.Value.Trim()).Where(x => x.Length > 0))
        {
            if (PoliteRequestPattern().IsMatch(sentence))
            {
                requestQuestions++;
            }
            else if (sentence.EndsWith('?') || InterrogativeStartPattern().IsMatch(sentence) || JapaneseQuestionEndPattern().IsMatch(sentence))
            {
                questions++;
            }
        }

        var deliverables = NeedCategories.All.SelectMany(c => c.Keywords)
            .Count(k => (k.Length >= 3 || Cards.Languages.LooksJapanese(k)) && Contains(s, k));
        return new Signals(
            Organisation: OrganisationPattern().IsMatch(s) ? 2 : 0,
            Request: Math.Min(3, RequestPattern().Matches(s).Select(m => m.Value).Distinct(StringComparer.Ordinal).Count() + requestQuestions),
            Deliverable: Math.Min(2, deliverables),
            Long: s.Length >= (japanese ? LongCharsJapanese : LongChars),
            Questions: Math.Min(2, questions),
            Greeting: GreetingPattern().IsMatch(s),
            Thanks: ThanksPattern().IsMatch(s),
            Offer: OfferPattern().IsMatch(s),
            MemberQuestion: MemberQuestionPattern().IsMatch(s),
            ClubTalk: ClubPattern().IsMatch(s),
            FirstPerson: FirstPersonPattern().IsMatch(s));
    }

    /// <summary>A keyword as a whole word in English (so "deadline" does not contain "line"), anywhere in Japanese.</summary>
    private static bool Contains(string s, string keyword)
    {
        if (Cards.Languages.LooksJapanese(keyword))
        {
            return s.Contains(keyword, StringComparison.Ordinal);
        }

        for (var i = s.IndexOf(keyword, StringComparison.Ordinal); i >= 0; i = s.IndexOf(keyword, i + 1, StringComparison.Ordinal))
        {
            var before = i == 0 || !char.IsLetterOrDigit(s[i - 1]);
            var end = i + keyword.Length;
            // A plural or verb ending still counts ("websites", "tracking").
            var after = end >= s.Length || !char.IsLetterOrDigit(s[end]) || s[end] == 's' || s.AsSpan(end).StartsWith("ing");
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\s+", RegexOptions.None, 200)]
    private static partial Regex WhitespacePattern();

    [GeneratedRegex(@"[^.!?。！\n…]+[.!?。！\n…]*", RegexOptions.None, 200)]
    private static partial Regex SentencePattern();

    [GeneratedRegex(@"^(when|what|where|who|whom|whose|why|how|which|is there|are there|is it|does|do you|do i|can i|should i|may i)\b", RegexOptions.CultureInvariant, 200)]
    private static partial Regex InterrogativeStartPattern();

    [GeneratedRegex(@"(ですか|ますか|でしょうか|ませんか|かな|のか|いつ|どこ|なぜ|だれ)[。.!]*$|^(いつ|どこ|なぜ|どうして|どうやって|だれ|誰|何|なに|なん)", RegexOptions.None, 200)]
    private static partial Regex JapaneseQuestionEndPattern();

    [GeneratedRegex(@"\b(can|could|would|will) (you|your (club|team|members)|the club|someone|anyone|volunteers) (please )?(help|support|assist|build|make|create)|(いただけ|もらえ|くれ)(ます|ません)か|お願いできますか|ご相談できますか|お願いできませんか|可能でしょうか", RegexOptions.CultureInvariant, 200)]
    private static partial Regex PoliteRequestPattern();

    [GeneratedRegex(@"\b(npo|ngo|non-?profit|charity|council|association|school|university|college|museum|library|foundation|society|cooperative|co-op|union|market|shelter|food bank|clinic|hospital|church|temple|shrine|city|town|village|ward|prefecture|municipality|government|office|company|startup|shop|store|bakery|restaurant|cafe|farm|farmers|fishery|nursery|kindergarten|center|centre|organisation|organization|agency|committee)s?\b|npo|法人|市|町|村|区役所|県|協会|協議会|団体|財団|社団|組合|学校|高校|中学|小学|大学|商店|施設|センター|会社|企業|社協|事務局|自治会|町内会|農家|漁協|役場|役所|図書館|博物館|美術館|病院|保育園|幼稚園|食堂|店|グループ|生産者|直売所|部会|group", RegexOptions.CultureInvariant, 200)]
    private static partial Regex OrganisationPattern();

    [GeneratedRegex(@"\b(we need|we'd need|we really need|needs? help|needs? (a|an|some|someone|volunteers)|we want|wants to|we would like|we'd like|we are looking for|we're looking for|is looking for|help us|support us|we hope|struggl\w*|problem|difficult|hard (for us|to)|we can't|we cannot|cannot|can't|unable|do not know how|don't know how|lose track|losing track|keep losing|we track|we keep|we manage|we use|on paper|by hand|manually|only one|no one|nobody|does not work|doesn't work|out of date|broken|asked us)\b|困って|困りごと|課題|悩|たい(です|と|。|$)|ほしい|欲しい|手伝って|助けて|助かり|支援|必要|足りな|不足|できない|できず|分からな|わからな|伝わら|大変|管理して|追いつか|依頼|お願いしたい|改善|探しています|いません|紙で|紙に|手作業|手書き|取りこぼし|漏れ", RegexOptions.CultureInvariant, 200)]
    private static partial Regex RequestPattern();

    [GeneratedRegex(@"^(hi|hello|hey|hiya|good (morning|afternoon|evening)|greetings)\b|^(こんにちは|こんばんは|おはよう|はじめまして|初めまして|どうも|お疲れ)", RegexOptions.CultureInvariant, 200)]
    private static partial Regex GreetingPattern();

    [GeneratedRegex(@"\b(thanks|thank you|thank u|thx|appreciated|cheers)\b|ありがとう|感謝|助かりました|お礼", RegexOptions.CultureInvariant, 200)]
    private static partial Regex ThanksPattern();

    [GeneratedRegex(@"\b(i'd love to (help|join|volunteer)|i would love to (help|join|volunteer)|help out|i'd like to (join|volunteer|help)|i would like to (join|volunteer|help)|i want to (join|volunteer|help)|can i (join|help|volunteer)|sign me up|count me in|i joined)\b|手伝いたい|お手伝いしたい|参加したい|参加できます|参加します|入ったばかり|関わりたい|協力したい", RegexOptions.CultureInvariant, 200)]
    private static partial Regex OfferPattern();

    // A member asking about taking part (permission, time, joining) is speaking as a volunteer, like an offer to help.
    [GeneratedRegex(@"(上司|許可|会社の了承|業務時間|勤務時間|就業|有給|参加|どのくらいの時間|どれくらいの時間|何時間|拘束)[^。？?！!]{0,30}(でしょうか|ですか|ますか|知りたい|教えて)|\b(my (manager|boss|employer)|permission|approval|how much time|how many hours|time commitment)\b[^.?!]{0,60}(\?|\bwonder|\bknow)", RegexOptions.CultureInvariant, 200)]
    private static partial Regex MemberQuestionPattern();

    [GeneratedRegex(@"\b(pro ?bono club|the club|club meeting|meeting|meetup|meet-up|study session|sign-?up|this bot)\b|プロボノクラブ|クラブの|ミーティング|定例|勉強会|懇親会|参加登録|資料の共有|次回", RegexOptions.CultureInvariant, 200)]
    private static partial Regex ClubPattern();

    [GeneratedRegex(@"\b(i'm|i am|i was|i think|i wonder|i was wondering|just wondering|my (aunt|uncle|friend|mother|father|mum|mom|dad|sister|brother))\b|私は|僕は|わたしは", RegexOptions.CultureInvariant, 200)]
    private static partial Regex FirstPersonPattern();
}
