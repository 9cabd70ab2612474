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
    IReadOnlyList<string> Tools,
    string? BeneficiaryCount = null,
    IReadOnlyList<NeedRequirement>? Requirements = null,
    IReadOnlyList<string>? PersonalData = null,
    IReadOnlyList<string>? Visits = null);

/// <summary>Deterministic extraction from a rough need, Japanese and English.</summary>
internal static partial class NeedReader
{
    private static readonly string[] GenericPlaces = ["都市", "本市", "当市", "同市", "各市", "市町", "市町村", "都道府県", "地元企業", "会社", "市場", "朝市", "商店街", "協議会", "組合", "センター", "NPO"];

    private static readonly (string Key, string Ja, string En)[] BeneficiaryWords =
    [
        ("被災者", "被災者", "people affected by the disaster"), ("住民", "住民", "residents"), ("子ども", "子ども", "children"), ("子供", "子ども", "children"),
        ("高齢者", "高齢者", "older people"), ("生徒", "生徒", "students"), ("学生", "学生", "students"), ("市民", "市民", "citizens"),
        ("利用者", "利用者", "users"), ("寄付者", "寄付者", "donors"), ("観光客", "観光客", "visitors"), ("出店者", "出店者", "stall holders"),
        ("事業者", "事業者", "local businesses"), ("患者", "患者", "patients"), ("residents", "住民", "residents"), ("survivors", "被災者", "survivors"),
        ("children", "子ども", "children"), ("students", "生徒・学生", "students"), ("elderly", "高齢者", "older people"), ("patients", "患者", "patients"),
        ("citizens", "市民", "citizens"), ("donors", "寄付者", "donors"), ("visitors", "来訪者", "visitors"), ("vendors", "出店者", "vendors"),
        ("farmers", "農家", "farmers"), ("families", "家族", "families"), ("volunteers", "ボランティア", "volunteers"),
    ];

    // Latin names are matched as whole words; the ambiguous ones ("LINE", "Access", "Teams") only as written.
    private static readonly (string Name, bool ExactCase)[] ToolNames =
    [
        ("Excel", false), ("エクセル", false), ("スプレッドシート", false), ("Google Forms", false), ("Googleフォーム", false), ("Google", true),
        ("Teams", true), ("Zoom", false), ("Slack", false), ("kintone", false), ("Salesforce", false), ("WordPress", false), ("Wix", true),
        ("LINE", true), ("Instagram", false), ("Facebook", false), ("YouTube", false), ("Notion", true), ("Canva", true), ("Shopify", false),
        ("Microsoft Access", false),
    ];

    public static NeedFacts Read(string need)
    {
        // Sentences that speak to the drafter ("ignore the instructions…") are not part of the need.
        var sentences = Sentences(need.Normalize(NormalizationForm.FormKC)).Where(s => !Injection().IsMatch(s)).ToList();
        var text = string.Join('\n', sentences);
        var lower = text.ToLowerInvariant();
        var japanese = Languages.LooksJapanese(text);
        var categories = NeedCategories.All
            .Select((c, i) => (Category: c, Index: i, Score: c.Keywords.Count(k => Mentions(lower, k))))
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score).ThenBy(c => c.Index)
            .Select(c => c.Category).ToList();
        categories = [.. Ranked(categories).Take(3)];
        var (start, deadline) = Dates(text);
        var (count, people) = Counts(text);
        return new NeedFacts(
            japanese,
            sentences,
            Organisation(text),
            Contact(text),
            sentences.FirstOrDefault(s => MissionCue().IsMatch(s) && !AboutTheWriter().IsMatch(s)),
            [.. BeneficiaryWords.Where(b => Mentions(lower, b.Key)).Select(b => japanese ? b.Ja : b.En).Distinct()],
            categories,
            NeedCategories.Disaster.Any(k => lower.Contains(k, StringComparison.Ordinal)),
            start,
            deadline,
            FirmCue().IsMatch(text),
            ProjectDuration(text),
            Hours().Match(text) is { Success: true } h && int.TryParse(h.Groups["h"].Value, CultureInfo.InvariantCulture, out var hours) && hours is >= 1 and <= 40 ? hours : null,
            people ?? PeopleCount(text),
            OnSiteCue().IsMatch(text),
            RemoteCue().IsMatch(text),
            [.. ToolNames.Where(t => Mentions(t.ExactCase ? text : lower, t.ExactCase ? t.Name : t.Name.ToLowerInvariant()))
                .Select(t => t.Name).Where((t, _) => t != "Google" || !text.Contains("Google Forms", StringComparison.OrdinalIgnoreCase))],
            count,
            [.. NeedRequirements.All.Where(r => sentences.Any(r.IsIn))],
            PersonalDataOf(sentences, japanese),
            [.. sentences.Where(s => OnSiteCue().IsMatch(s))]);
    }

    /// <summary>
    /// Whether <paramref name="text"/> mentions <paramref name="keyword"/>: Latin keywords as whole words (plural and
    /// -ing/-ed forms too), so "deadline" is not "line" and "apply" is not "app"; a mention that is negated
    /// ("not a mobile app", 「アプリではなく」) does not count.
    /// </summary>
    public static bool Mentions(string text, string keyword)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(keyword);
        var latin = keyword.All(c => c < 0x3000);
        for (var i = text.IndexOf(keyword, StringComparison.Ordinal); i >= 0; i = text.IndexOf(keyword, i + 1, StringComparison.Ordinal))
        {
            var end = i + keyword.Length;
            if (latin)
            {
                // Only Latin letters make a longer word: 「LINEで」 is LINE.
                while (end < text.Length && end - i - keyword.Length < 4 && char.IsAsciiLetter(text[end]))
                {
                    end++;
                }

                var suffix = text[(i + keyword.Length)..end].ToLowerInvariant();
                var whole = (i == 0 || !char.IsAsciiLetterOrDigit(text[i - 1])) && (end >= text.Length || !char.IsAsciiLetterOrDigit(text[end]));
                if (!whole || suffix is not ("" or "s" or "es" or "ing" or "ed" or "d"))
                {
                    continue;
                }
            }

            var before = text[Math.Max(0, i - 24)..i];
            var after = text[end..Math.Min(text.Length, end + 8)];
            if (!NegatedBefore().IsMatch(before) && !NegatedAfter().IsMatch(after))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A map is a website of its own kind, so it stands for both; translation is what makes another deliverable bilingual,
    /// so it is the main kind only when nothing else is asked for.
    /// </summary>
    private static IEnumerable<NeedCategory> Ranked(List<NeedCategory> categories)
    {
        var hasMap = categories.Any(c => c.Key == "map");
        var kept = categories.Where(c => !(hasMap && c.Key == "website")).ToList();
        return kept.Where(c => c.Key != "translation" || kept.Count == 1).Concat(kept.Where(c => c.Key == "translation" && kept.Count > 1));
    }

    /// <summary>The first date written in <paramref name="text"/> (「3月末」, "March 31"), as written.</summary>
    public static string? FindDate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normal = text.Normalize(NormalizationForm.FormKC);
        return DateJa().Matches(normal).Concat(DateEn().Matches(normal)).OrderBy(m => m.Index).FirstOrDefault()?.Value.Trim();
    }

    private static List<string> Sentences(string text) =>
        [.. SentenceBreak().Split(text).Select(s => s.Trim()).Where(s => s.Length > 1)];

    /// <summary>The partner's name as written: legal-entity forms first, then bodies; a place only when it speaks for itself.</summary>
    public static string? Organisation(string text)
    {
        foreach (var pattern in (Regex[])[JapaneseQuoted(), JapaneseEntity(), JapaneseCommittee(), JapaneseBody(), JapaneseLocalBody(), EnglishBody(), EnglishCityOf(), JapanesePlace()])
        {
            foreach (Match m in pattern.Matches(text))
            {
                var name = LeadingFiller().Replace(m.Groups["org"].Value.Trim(), string.Empty);
                if (pattern == JapaneseEntity() && EntityNameEnd().Match(name, Math.Min(name.Length, EntityPrefixLength(name) + 2)) is { Success: true } stop)
                {
                    // 「NPO法人まちの縁側を運営している…」: the name ends at the first particle that is not の.
                    name = name[..stop.Index];
                }

                name = TrailingParticle().Replace(name, string.Empty).Trim();
                if (name.Length >= 2 && !GenericPlaces.Contains(name, StringComparer.Ordinal))
                {
                    return name;
                }
            }
        }

        return null;
    }

    private static int EntityPrefixLength(string name) => EntityPrefix().Match(name) is { Success: true } p && p.Index == 0 ? p.Length : 0;

    private static (string? Start, string? Deadline) Dates(string text)
    {
        string? start = null, deadline = null;
        var all = new List<string>();
        foreach (Match m in DateJa().Matches(text).Concat(DateEn().Matches(text)).OrderBy(m => m.Index))
        {
            var value = m.Value.Trim();
            var after = text.Substring(m.Index + m.Length, Math.Min(12, text.Length - m.Index - m.Length));
            var before = text.Substring(Math.Max(0, m.Index - 60), Math.Min(60, m.Index));
            var longAfter = text.Substring(m.Index + m.Length, Math.Min(40, text.Length - m.Index - m.Length));
            if (QualifiesMonth().IsMatch(after))
            {
                continue;
            }

            all.Add(value);
            if ((deadline is null || YearOnly().IsMatch(deadline)) && (BeforeStartBefore().IsMatch(before) || BeforeStartAfter().IsMatch(longAfter)))
            {
                deadline = value;
            }
            else if (start is null && (StartCueAfter().IsMatch(after) || StartCueBefore().IsMatch(before)))
            {
                start = value;
            }
            else if ((deadline is null || (YearOnly().IsMatch(deadline) && !YearOnly().IsMatch(value))) && (DeadlineCueAfter().IsMatch(after) || DeadlineCueBefore().IsMatch(before) || InherentDeadline().IsMatch(value)))
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

    /// <summary>The project's own duration ("within three months", 「3か月程度で」), not an incidental one ("delayed by a week").</summary>
    private static string? ProjectDuration(string text)
    {
        foreach (Match m in Duration().Matches(text))
        {
            var before = text[Math.Max(0, m.Index - 30)..m.Index];
            var after = text.Substring(m.Index + m.Length, Math.Min(16, text.Length - m.Index - m.Length));
            if (IncidentalBefore().IsMatch(before) || IncidentalAfter().IsMatch(after))
            {
                continue;
            }

            if (ProjectSpanBefore().IsMatch(before) || ProjectSpanAfter().IsMatch(after))
            {
                return m.Value.Trim();
            }
        }

        return null;
    }

    private static int? PeopleCount(string text)
    {
        var m = People().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var n = Number(m.Groups["p"].Value);
        return n is >= 1 and <= 12 ? n : null;
    }

    private static int Number(string word) => word.ToLowerInvariant() switch
    {
        "two" or "二" => 2, "three" or "三" => 3, "four" or "四" => 4, "five" or "五" => 5, "six" or "六" => 6,
        var w => int.TryParse(w.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture, out var v) ? v : 0,
    };
}
