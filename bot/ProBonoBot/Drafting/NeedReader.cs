using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ProBonoBot.Cards;

namespace ProBonoBot.Drafting;

/// <summary>What the offline drafter could read from a need: only text that is really there, never guessed.</summary>
internal sealed record NeedFacts(
    bool IsJapanese,
    IReadOnlyList<string> Sentences,
    string? Organisation,
    string? Contact,
    string? Mission,
    IReadOnlyList<string> Beneficiaries,
    IReadOnlyList<NeedCategory> Categories,
    bool IsDisaster,
    string? Start,
    string? Deadline,
    bool DeadlineIsFirm,
    string? Duration,
    int? HoursPerWeek,
    int? People,
    bool OnSite,
    bool Remote,
    IReadOnlyList<string> Tools);

/// <summary>Deterministic extraction from a rough need, Japanese and English.</summary>
internal static partial class NeedReader
{
    private static readonly string[] GenericPlaces = ["都市", "本市", "当市", "同市", "各市", "市町", "市町村", "都道府県", "地元企業", "会社", "市場", "朝市"];

    private static readonly (string Key, string Ja, string En)[] BeneficiaryWords =
    [
        ("被災者", "被災者", "people affected by the disaster"), ("住民", "住民", "residents"), ("子ども", "子ども", "children"),
        ("高齢者", "高齢者", "older people"), ("生徒", "生徒", "students"), ("学生", "学生", "students"), ("市民", "市民", "citizens"),
        ("利用者", "利用者", "users"), ("寄付者", "寄付者", "donors"), ("観光客", "観光客", "visitors"), ("出店者", "出店者", "stall holders"),
        ("事業者", "事業者", "local businesses"), ("residents", "住民", "residents"), ("survivors", "被災者", "survivors"),
        ("children", "子ども", "children"), ("students", "生徒・学生", "students"), ("elderly", "高齢者", "older people"),
        ("citizens", "市民", "citizens"), ("donors", "寄付者", "donors"), ("visitors", "来訪者", "visitors"), ("vendors", "出店者", "vendors"),
        ("farmers", "農家", "farmers"), ("families", "家族", "families"), ("volunteers", "ボランティア", "volunteers"),
    ];

    private static readonly string[] ToolNames =
        ["Excel", "エクセル", "スプレッドシート", "Google Forms", "Googleフォーム", "Google", "Teams", "Zoom", "Slack", "kintone", "Salesforce", "WordPress", "Wix", "LINE", "Instagram", "Facebook", "YouTube", "Notion", "Canva", "Shopify", "Access"];

    public static NeedFacts Read(string need)
    {
        var text = need.Normalize(NormalizationForm.FormKC);
        var lower = text.ToLowerInvariant();
        var japanese = Languages.LooksJapanese(text);
        var sentences = Sentences(text);
        var categories = NeedCategories.All
            .Select((c, i) => (Category: c, Index: i, Score: c.Keywords.Count(k => lower.Contains(k, StringComparison.Ordinal))))
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score).ThenBy(c => c.Index)
            .Select(c => c.Category).Take(3).ToList();
        var (start, deadline) = Dates(text);
        return new NeedFacts(
            japanese,
            sentences,
            Organisation(text),
            Contact(text),
            sentences.FirstOrDefault(s => MissionCue().IsMatch(s)),
            [.. BeneficiaryWords.Where(b => lower.Contains(b.Key, StringComparison.Ordinal)).Select(b => japanese ? b.Ja : b.En).Distinct()],
            categories,
            NeedCategories.Disaster.Any(k => lower.Contains(k, StringComparison.Ordinal)),
            start,
            deadline,
            FirmCue().IsMatch(text),
            Duration().Match(text) is { Success: true } d ? d.Value.Trim() : null,
            Hours().Match(text) is { Success: true } h && int.TryParse(h.Groups["h"].Value, CultureInfo.InvariantCulture, out var hours) && hours is >= 1 and <= 40 ? hours : null,
            PeopleCount(text),
            OnSiteCue().IsMatch(text),
            RemoteCue().IsMatch(text),
            [.. ToolNames.Where(t => text.Contains(t, StringComparison.OrdinalIgnoreCase)).Where((t, _) => t != "Google" || !text.Contains("Google Forms", StringComparison.OrdinalIgnoreCase))]);
    }

    private static List<string> Sentences(string text) =>
        [.. SentenceBreak().Split(text).Select(s => s.Trim()).Where(s => s.Length > 1)];

    /// <summary>The partner's name as written: legal-entity forms first, then bodies, then places.</summary>
    public static string? Organisation(string text)
    {
        foreach (var pattern in (Regex[])[JapaneseEntity(), JapaneseBody(), EnglishBody(), EnglishCityOf(), JapanesePlace()])
        {
            foreach (Match m in pattern.Matches(text))
            {
                var name = TrailingParticle().Replace(LeadingFiller().Replace(m.Groups["org"].Value.Trim(), string.Empty), string.Empty).Trim();
                if (name.Length >= 2 && !GenericPlaces.Contains(name, StringComparer.Ordinal))
                {
                    return name;
                }
            }
        }

        return null;
    }

    private static string? Contact(string text) =>
        ContactJa().Match(text) is { Success: true } ja ? ja.Groups["c"].Value + ja.Groups["h"].Value
        : ContactEn().Match(text) is { Success: true } en ? en.Groups["c"].Value.Trim()
        : null;

    private static (string? Start, string? Deadline) Dates(string text)
    {
        string? start = null, deadline = null;
        var all = new List<string>();
        foreach (Match m in DateJa().Matches(text).Concat(DateEn().Matches(text)).OrderBy(m => m.Index))
        {
            var value = m.Value.Trim();
            var after = text.Substring(m.Index + m.Length, Math.Min(8, text.Length - m.Index - m.Length));
            var before = text.Substring(Math.Max(0, m.Index - 14), Math.Min(14, m.Index));
            all.Add(value);
            if (start is null && (StartCueAfter().IsMatch(after) || StartCueBefore().IsMatch(before)))
            {
                start = value;
            }
            else if (deadline is null && (DeadlineCueAfter().IsMatch(after) || DeadlineCueBefore().IsMatch(before)))
            {
                deadline = value;
            }
        }

        if (deadline is null && start is null && all.Count == 1)
        {
            deadline = all[0];
        }

        return (start, deadline);
    }

    private static int? PeopleCount(string text)
    {
        var m = People().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var word = m.Groups["p"].Value.ToLowerInvariant();
        var n = word switch
        {
            "two" or "二" => 2, "three" or "三" => 3, "four" or "四" => 4, "five" or "五" => 5, "six" or "六" => 6,
            _ => int.TryParse(word, CultureInfo.InvariantCulture, out var v) ? v : 0,
        };
        return n is >= 1 and <= 12 ? n : null;
    }

    [GeneratedRegex(@"(?<=[。！？!?])|\n+|(?<=[.!?])\s+", RegexOptions.None, 500)]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"(?<org>(?:NPO法人|特定非営利活動法人|一般社団法人|公益社団法人|一般財団法人|公益財団法人|社会福祉法人|株式会社|有限会社|合同会社)\s*[\p{IsCJKUnifiedIdeographs}\p{IsKatakana}\p{IsHiragana}ー・A-Za-z0-9]{1,20}|[\p{IsCJKUnifiedIdeographs}\p{IsKatakana}ー・A-Za-z0-9]{1,16}(?:株式会社|有限会社|合同会社))", RegexOptions.None, 500)]
    private static partial Regex JapaneseEntity();

    [GeneratedRegex(@"(?<org>[\p{IsCJKUnifiedIdeographs}\p{IsKatakana}ー・A-Za-z0-9]{1,16}(?:市役所|町役場|村役場|社会福祉協議会|社協|協議会|協会|組合|商店街|商工会議所|商工会|センター|高等学校|高校|中学校|小学校|大学|財団|朝市|市場|工房|書店|病院|図書館|博物館|NPO))", RegexOptions.None, 500)]
    private static partial Regex JapaneseBody();

    [GeneratedRegex(@"(?<org>[\p{IsCJKUnifiedIdeographs}\p{IsKatakana}ー]{1,8}(?:市|町|村|県))(?![\p{IsCJKUnifiedIdeographs}])", RegexOptions.None, 500)]
    private static partial Regex JapanesePlace();

    [GeneratedRegex(@"(?<org>(?:[A-Z][\w'&.-]*\s+){1,5}(?:NPO|Association|Council|City Hall|City|Town|Village|Prefecture|Centre|Center|Foundation|Market|School|University|Cooperative|Co-op|Society|Network|Club|Inc\.?|Ltd\.?|Company|Group|Museum|Library|Hospital|Chamber of Commerce)|NPO\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})(?![\w])", RegexOptions.None, 500)]
    private static partial Regex EnglishBody();

    [GeneratedRegex(@"(?<org>(?:City|Town|Village) of [A-Z][\w-]+)", RegexOptions.None, 500)]
    private static partial Regex EnglishCityOf();

    [GeneratedRegex(@"^(?:(?:The|Our|We|A|An|In|At|For|From|With|Hello|Hi|This|That|Since|After|Before|Local)\s+)+", RegexOptions.None, 500)]
    private static partial Regex LeadingFiller();

    // After a legal-entity prefix, hiragana can be part of the name (あおぞら子ども食堂); the particle that follows is not.
    [GeneratedRegex(@"(?:では|には|とは|として|から|より|は|が|の|を|に|で|と|も)$", RegexOptions.None, 500)]
    private static partial Regex TrailingParticle();

    [GeneratedRegex(@"(?:担当|窓口|連絡先)(?:者)?(?:は|:|：)?\s*(?<c>[\p{IsCJKUnifiedIdeographs}\p{IsKatakana}]{1,8})(?<h>さん|様|氏)", RegexOptions.None, 500)]
    private static partial Regex ContactJa();

    [GeneratedRegex(@"[Cc]ontact(?: person)?(?: is|:| will be)?\s+(?<c>(?:(?:Ms|Mr|Mrs|Dr)\.?\s+)?[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)", RegexOptions.None, 500)]
    private static partial Regex ContactEn();

    [GeneratedRegex(@"(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|末|上旬|中旬|下旬|頃|中)?|\d{4}年度?(?:末|中)?|(?:来年|今年|再来年)度?(?:\d{1,2}月(?:末|中|頃)?|の春|の夏|の秋|の冬|末|中)?|年内|年度内|年度末|\d{1,2}/\d{1,2}", RegexOptions.None, 500)]
    private static partial Regex DateJa();

    [GeneratedRegex(@"(?:(?:early|mid|late|the end of|end of)\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?|\d{4}-\d{2}-\d{2}|(?:the\s+)?end of (?:the\s+)?(?:year|month|fiscal year|summer|spring|autumn|winter)|next (?:spring|summer|autumn|fall|winter|year|month)", RegexOptions.IgnoreCase, 500)]
    private static partial Regex DateEn();

    [GeneratedRegex(@"^\s*(?:から|より|開始|スタート|に開始|に始)", RegexOptions.None, 500)]
    private static partial Regex StartCueAfter();

    [GeneratedRegex(@"(?:start(?:ing|s)?|from|begin(?:ning|s)?|kick ?off)\s*(?:in|on|at)?\s*$", RegexOptions.IgnoreCase, 500)]
    private static partial Regex StartCueBefore();

    [GeneratedRegex(@"^\s*(?:まで|までに|締切|締め切り|期限|に開催|開催|の開催|に公開|公開|納期|が期限|のシンポジウム|のイベント)", RegexOptions.None, 500)]
    private static partial Regex DeadlineCueAfter();

    [GeneratedRegex(@"(?:by|before|until|deadline|due|in time for|on|held on|is on|ready for)\s*(?:the\s+)?$", RegexOptions.IgnoreCase, 500)]
    private static partial Regex DeadlineCueBefore();

    [GeneratedRegex(@"厳守|必ず|動かせない|絶対|fixed|firm|must be ready|cannot move|can't move|hard deadline", RegexOptions.IgnoreCase, 500)]
    private static partial Regex FirmCue();

    [GeneratedRegex(@"(?:\d+|[一二三四五六])\s*(?:ヶ月|か月|カ月|ヵ月|ケ月|週間|年間)|半年|\b(?:\d+|one|two|three|four|five|six|twelve)[\s-]*(?:months?|weeks?)\b|half a year", RegexOptions.IgnoreCase, 500)]
    private static partial Regex Duration();

    [GeneratedRegex(@"週\s*(?<h>\d+)\s*時間|(?<h>\d+)\s*時間\s*[/／]\s*週|\b(?<h>\d+)\s*(?:hours?|hrs?|h)\s*(?:a|per|/|each)\s*week", RegexOptions.IgnoreCase, 500)]
    private static partial Regex Hours();

    [GeneratedRegex(@"(?<p>\d+|[二三四五六])\s*(?:人|名)(?:程度|ほど|くらい|ぐらい)?(?:の|で)?(?:チーム|メンバー|ボランティア|社員|方|協力|手伝)|\b(?<p>\d+|two|three|four|five|six)\s+(?:people|volunteers|members|persons|helpers)\b", RegexOptions.IgnoreCase, 500)]
    private static partial Regex People();

    [GeneratedRegex(@"現地|現場に|訪問|対面|出張|来て|on-site|onsite|in person|in-person|visit", RegexOptions.IgnoreCase, 500)]
    private static partial Regex OnSiteCue();

    [GeneratedRegex(@"リモート|オンライン|在宅|remote|online|virtual", RegexOptions.IgnoreCase, 500)]
    private static partial Regex RemoteCue();

    [GeneratedRegex(@"活動|目指|取り組|運営|支援して|しています|mission|we run|we are a|works to|aims to|our goal", RegexOptions.IgnoreCase, 500)]
    private static partial Regex MissionCue();
}
