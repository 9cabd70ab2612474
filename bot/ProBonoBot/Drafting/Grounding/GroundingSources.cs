using System.Text.RegularExpressions;

namespace ProBonoBot.Drafting.Grounding;

/// <summary>The sentence of a source a fact rests on, and the source's display name ("The need", "Your answer"…).</summary>
public sealed record SourceSentence(string Source, string Sentence);

/// <summary>
/// What a draft may state: the need, the answers, an instruction, and for manuals the project, its team and its
/// brief — split into sentences so each supported fact can point at the one it rests on.
/// </summary>
public sealed partial class GroundingSources
{
    private static readonly Dictionary<string, string[]> Aliases = new(StringComparer.Ordinal)
    {
        ["excel"] = ["エクセル"], ["エクセル"] = ["excel"], ["kintone"] = ["キントーン"], ["キントーン"] = ["kintone"],
        ["wordpress"] = ["ワードプレス"], ["ワードプレス"] = ["wordpress"], ["zoom"] = ["ズーム"], ["ズーム"] = ["zoom"],
        ["instagram"] = ["インスタグラム", "インスタ"], ["インスタグラム"] = ["instagram"], ["facebook"] = ["フェイスブック"], ["フェイスブック"] = ["facebook"],
        ["slack"] = ["スラック"], ["スラック"] = ["slack"], ["line"] = ["ライン"], ["google forms"] = ["googleフォーム", "グーグルフォーム"],
        ["グーグルフォーム"] = ["google forms", "googleフォーム"], ["google sheets"] = ["googleスプレッドシート", "スプレッドシート"],
    };

    private static readonly string[] LegalForms = ["特定非営利活動法人", "npo法人", "一般社団法人", "公益社団法人", "一般財団法人", "公益財団法人", "社会福祉法人", "株式会社", "合同会社", "npo"];

    private readonly List<Line> _lines = [];

    public bool IsEmpty => _lines.Count == 0;

    /// <summary>Adds a source under a display name; empty texts are ignored.</summary>
    public GroundingSources Add(string name, string? text)
    {
        foreach (var sentence in GroundingText.Sentences(text))
        {
            var normal = GroundingText.Normalize(sentence);
            _lines.Add(new Line(name, sentence, normal, DateTokens(normal), DurationTokens(normal)));
        }

        return this;
    }

    /// <summary>The sentence that supports <paramref name="fact"/>; null when no source states it.</summary>
    public SourceSentence? Support(Fact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var normal = GroundingText.Normalize(fact.Text);
        if (Find(normal) is { } whole)
        {
            return whole;
        }

        switch (fact.Kind)
        {
            case FactKinds.Date:
                var tokens = DateTokens(normal);
                return tokens.Count == 0 ? null : First(l => tokens.All(l.Dates.Contains));
            case FactKinds.Duration:
                var durations = DurationTokens(normal);
                return durations.Count == 0 ? null : First(l => durations.All(l.Durations.Contains));
            case FactKinds.Tool:
                return Aliases.TryGetValue(normal, out var aliases) ? aliases.Select(Find).FirstOrDefault(s => s is not null) : null;
            case FactKinds.Organisation or FactKinds.Person or FactKinds.Place when Latin().IsMatch(fact.Text):
                // Each word of a Latin name must be stated, in any order or case ("Ms Hamada" rests on "Michiko Hamada").
                var words = FactExtractor.KeyWords(fact.Text).Select(GroundingText.Normalize).ToList();
                if (fact.LooseStart && words.Count > 1 && Find(words[0]) is null)
                {
                    words.RemoveAt(0);
                }

                return words.Count > 0 && words.All(w => Find(w) is not null) ? Find(words[^1]) : null;
            case FactKinds.Organisation:
                return Find(StripLegalForm(normal));
            default:
                return null;
        }
    }

    /// <summary>The first sentence holding <paramref name="normalText"/> (already normalised) as a whole word; null if none.</summary>
    public SourceSentence? Find(string normalText) =>
        string.IsNullOrWhiteSpace(normalText) ? null : First(l => GroundingText.IndexOfWhole(l.Normal, normalText) >= 0);

    /// <summary>Whether an organisation's name, with or without its legal form and quotes, is stated.</summary>
    public SourceSentence? Organisation(string name)
    {
        var normal = GroundingText.Normalize(name);
        return Find(normal) ?? Find(StripLegalForm(normal)) ?? (Latin().IsMatch(name) ? Support(new Fact(FactKinds.Organisation, name, 0)) : null);
    }

    /// <summary>
    /// A sentence sharing a content word with <paramref name="text"/> (Latin words of five letters or more, Japanese
    /// runs of two kanji or katakana or more): the least a descriptive field such as the beneficiaries must rest on.
    /// </summary>
    public SourceSentence? Anchor(string text) => KeyTerms(text).Select(Find).FirstOrDefault(s => s is not null);

    /// <summary>The Japanese name-like runs of a text that must each be stated (role words excluded).</summary>
    public IEnumerable<string> UnstatedJapaneseNames(string text) =>
        JapaneseRun().Matches(text).Select(m => m.Value).Where(r => !JapaneseRoleWords.Contains(r) && Find(GroundingText.Normalize(r)) is null);

    private static readonly HashSet<string> JapaneseRoleWords = new(StringComparer.Ordinal)
    {
        "担当者", "担当", "代表", "代表者", "理事長", "理事", "事務局", "事務局長", "窓口", "責任者", "会長", "館長", "所長", "店主", "職員", "スタッフ",
        "支援先", "団体", "未定", "要確認", "確認", "代表理事", "副代表", "事務局担当", "運営", "運営者", "メンバー", "リーダー", "役員", "方", "様",
    };

    private static IEnumerable<string> KeyTerms(string text)
    {
        var normal = GroundingText.Normalize(text);
        return LatinWord().Matches(normal).Select(m => m.Value).Concat(JapaneseRun().Matches(normal).Select(m => m.Value))
            .Concat(KanaWord().Matches(normal).Select(m => m.Value)).Distinct();
    }

    private static string StripLegalForm(string normal)
    {
        var s = normal.Replace("「", string.Empty, StringComparison.Ordinal).Replace("」", string.Empty, StringComparison.Ordinal)
            .Replace("『", string.Empty, StringComparison.Ordinal).Replace("』", string.Empty, StringComparison.Ordinal).Trim();
        foreach (var form in LegalForms)
        {
            if (s.StartsWith(form, StringComparison.Ordinal) && s.Length > form.Length)
            {
                return s[form.Length..].Trim();
            }
        }

        return s;
    }

    private SourceSentence? First(Func<Line, bool> predicate) => _lines.FirstOrDefault(predicate) is { } l ? new SourceSentence(l.Source, l.Sentence) : null;

    // Dates compare by meaning: "April" and "4月" are the same month, "next year" and "来年" the same year.
    private static HashSet<string> DateTokens(string normal)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in DatePart().Matches(normal))
        {
            var g = m.Groups;
            if (g["month"].Success)
            {
                tokens.Add("m" + g["month"].Value);
            }
            else if (g["en"].Success)
            {
                tokens.Add("m" + (Array.FindIndex(Months, x => g["en"].Value.StartsWith(x, StringComparison.Ordinal)) + 1));
            }
            else if (g["year"].Success)
            {
                tokens.Add("y" + g["year"].Value);
            }
            else if (g["day"].Success)
            {
                tokens.Add("d" + g["day"].Value);
            }
            else
            {
                tokens.Add(m.Value switch
                {
                    "next year" or "来年" or "来年度" => "next-year",
                    "this year" or "今年" or "今年度" or "年内" or "end of the year" or "end of year" => "this-year",
                    "next month" or "来月" => "next-month",
                    "this month" or "今月" => "this-month",
                    "spring" or "春" => "spring",
                    "summer" or "夏" => "summer",
                    "autumn" or "秋" => "autumn",
                    "winter" or "冬" => "winter",
                    var other => other,
                });
            }
        }

        return tokens;
    }

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static HashSet<string> DurationTokens(string normal)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in DurationPart().Matches(normal))
        {
            var unit = m.Groups["unit"].Value switch
            {
                var u when u.StartsWith("day", StringComparison.Ordinal) || u == "日間" => "day",
                var u when u.StartsWith("week", StringComparison.Ordinal) || u == "週間" => "week",
                var u when u.StartsWith("year", StringComparison.Ordinal) || u == "年間" => "year",
                _ => "month",
            };
            tokens.Add(m.Groups["n"].Value + unit);
        }

        return tokens;
    }

    private sealed record Line(string Source, string Sentence, string Normal, HashSet<string> Dates, HashSet<string> Durations);

    [GeneratedRegex(@"(?<month>\d{1,2})月|(?<year>\d{4})(?:年|\b)|(?<day>\d{1,2})(?:日|st|nd|rd|th)?(?!\d)|\b(?<en>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b|next year|this year|next month|this month|end of (?:the )?year|来年度?|今年度?|年内|来月|今月|spring|summer|autumn|winter|春|夏|秋|冬", RegexOptions.None, 500)]
    private static partial Regex DatePart();

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)[\s-]*(?<unit>days?|weeks?|months?|years?|日間|週間|か月|ヶ月|カ月|ヵ月|ケ月|箇月|年間)", RegexOptions.None, 500)]
    private static partial Regex DurationPart();

    [GeneratedRegex(@"[A-Za-z]", RegexOptions.None, 500)]
    private static partial Regex Latin();

    [GeneratedRegex(@"\b[a-z][a-z'-]{4,}\b", RegexOptions.None, 500)]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}々\p{IsKatakana}ー]{2,}", RegexOptions.None, 500)]
    private static partial Regex JapaneseRun();

    // Content words written with kana inside, which a run of kanji alone misses (「30人ほどの子ども」 has no two-kanji run).
    [GeneratedRegex(@"子ども|こども|お年寄り|ひとり親|障がい者|障がい児|お母さん|お父さん|親子", RegexOptions.None, 500)]
    private static partial Regex KanaWord();
}
