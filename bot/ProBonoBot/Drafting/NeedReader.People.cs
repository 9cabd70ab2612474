using System.Text.RegularExpressions;

namespace ProBonoBot.Drafting;

/// <summary>The people a need names: its contact (with a title when one is given), headcounts and whose personal data it holds.</summary>
internal static partial class NeedReader
{
    private static readonly System.Buffers.SearchValues<char> SentenceEnds = System.Buffers.SearchValues.Create(".。!?！？\n");

    private static string? Contact(string text)
    {
        if (ContactJa().Match(text) is { Success: true } ja)
        {
            return ja.Groups["c"].Value + ja.Groups["h"].Value;
        }

        if (TitledJa().Match(text) is { Success: true } tj)
        {
            return $"{tj.Groups["c"].Value}{tj.Groups["h"].Value}（{tj.Groups["t"].Value}）";
        }

        if (SelfJa().Match(text) is { Success: true } sj)
        {
            return sj.Groups["c"].Value;
        }

        foreach (var pattern in (Regex[])[NameThenTitleEn(), TitleThenNameEn()])
        {
            if (pattern.Match(text) is { Success: true } en)
            {
                return $"{en.Groups["c"].Value.Trim()} ({en.Groups["t"].Value.Trim().ToLowerInvariant()})";
            }
        }

        return ContactEn().Match(text) is { Success: true } c ? c.Groups["c"].Value.Trim()
            : SelfEn().Match(text) is { Success: true } s ? s.Groups["c"].Value.Trim()
            : null;
    }

    /// <summary>
    /// Stated counts: whom the project serves ("~120 elderly households", 「約120世帯」) as written, and the people
    /// needed ("6 staff on the day", 「スタッフ6名」) as a number.
    /// </summary>
    private static (string? Served, int? Needed) Counts(string text)
    {
        string? served = null;
        int? needed = null;
        foreach (Match m in CountEn().Matches(text).Concat(CountJa().Matches(text)).OrderBy(m => m.Index))
        {
            // Only the same sentence counts: "…120 households. We need 6 staff" keeps the households as served.
            var before = text[Math.Max(0, m.Index - 16)..m.Index];
            before = before[(before.AsSpan().LastIndexOfAny(SentenceEnds) + 1)..];
            var after = text.Substring(m.Index + m.Length, Math.Min(24, text.Length - m.Index - m.Length));
            after = after.AsSpan().IndexOfAny(SentenceEnds) is var end and >= 0 ? after[..end] : after;
            if (HelperCue().IsMatch(m.Value) || HelperCue().IsMatch(after) || HelperCue().IsMatch(before))
            {
                var n = Number(m.Groups["n"].Value);
                needed ??= n is >= 1 and <= 12 ? n : null;
            }
            else
            {
                served ??= m.Value.Trim();
            }
        }

        return (served, needed);
    }

    /// <summary>Whose personal data the project would hold, when a sentence puts people and records together.</summary>
    private static List<string> PersonalDataOf(IEnumerable<string> sentences, bool japanese)
    {
        var who = new List<string>();
        foreach (var sentence in sentences.Where(s => DataCue().IsMatch(s) || PersonalWords().IsMatch(s)))
        {
            if (PersonalWords().IsMatch(sentence) && !DataSubject().IsMatch(sentence))
            {
                who.Add(japanese ? "関係者" : "the people in the records");
            }

            foreach (Match m in DataSubject().Matches(sentence))
            {
                who.Add(m.Value.ToLowerInvariant() switch
                {
                    "子ども" or "子供" or "児童" or "園児" or "children" or "child" or "kids" => japanese ? "子ども" : "children",
                    "生徒" or "students" or "pupils" => japanese ? "生徒" : "students",
                    "保護者" or "parents" or "parent" => japanese ? "保護者" : "parents",
                    "患者" or "patients" or "patient" => japanese ? "患者" : "patients",
                    "利用者" => japanese ? "利用者" : "service users",
                    "高齢者" or "elderly" or "older people" => japanese ? "高齢者" : "older people",
                    "参加者" or "participants" => japanese ? "参加者" : "participants",
                    _ => japanese ? "住民" : "residents",
                });
            }
        }

        return [.. who.Distinct()];
    }
}

/// <summary>A requirement a need states that is easy to lose in a brief (subsidy reports, a printed leaflet…), in both languages.</summary>
internal sealed record NeedRequirement(string Key, Regex Pattern, string Ja, string En)
{
    public bool IsIn(string sentence) => Pattern.IsMatch(sentence);
}

/// <summary>The requirements the offline reader recognises.</summary>
internal static partial class NeedRequirements
{
    public static readonly NeedRequirement[] All =
    [
        new("subsidy-reports", SubsidyReports(), "補助金・助成金の報告に使える集計（報告書の形式に合わせる）", "Figures for the subsidy reports, in the form the funder asks for"),
        new("parent-contacts", ParentContacts(), "保護者の連絡先の管理（見られる人を限定する）", "Parent contact details, visible only to those who need them"),
        new("printed", Printed(), "印刷して配れるチラシ・紙の版", "A printed leaflet or paper version"),
        new("bilingual", Bilingual(), "ニーズに書かれた言語での多言語版", "Versions in the languages the need names"),
    ];

    [GeneratedRegex(@"(?:補助金|助成金|交付金).{0,20}(?:報告|実績|精算)|(?:subsidy|grant|funder)(?:'s)?\s+report", RegexOptions.IgnoreCase, 500)]
    private static partial Regex SubsidyReports();

    [GeneratedRegex(@"保護者.{0,6}連絡|\bparent(?:s|s')?\s+(?:contact|phone|e-?mail)", RegexOptions.IgnoreCase, 500)]
    private static partial Regex ParentContacts();

    [GeneratedRegex(@"印刷|紙のチラシ|\bprint(?:ed|able)?\b", RegexOptions.IgnoreCase, 500)]
    private static partial Regex Printed();

    [GeneratedRegex(@"多言語|英語版|英語と日本語|日本語と英語|2言語|2か国語|二か国語|\bbilingual\b|\bmultilingual\b|\bin (?:english|japanese) and (?:english|japanese)\b", RegexOptions.IgnoreCase, 500)]
    private static partial Regex Bilingual();
}
