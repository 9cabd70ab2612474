using System.Text;
using ProBonoBot.Drafting;

namespace ProBonoBot.Profiles;

/// <summary>One skill of the lexicon: a stable id, its name in each language, and every word that names it.</summary>
public sealed record Skill(string Id, string Japanese, string English, IReadOnlyList<string> Names)
{
    public string Name(Cards.Language language) => language == Cards.Language.Japanese ? Japanese : English;
}

/// <summary>
/// The skills a profile can pick, derived from the offline drafter's bilingual lexicon (the skills of every role template
/// in <see cref="NeedCategories"/> and of the roles <see cref="OfflineRevision"/> knows), not a copy of it: a role template's
/// Japanese and English skill lists are read in parallel, and names shared between templates (データ設計 is "data modelling"
/// in one and "data design" in another) make one skill. A role named in a project (翻訳者, "Web designer") stands for its
/// template's skills.
/// </summary>
public static class SkillLexicon
{
    // Spellings people type that the templates do not use, by the name of the skill they belong to.
    private static readonly (string Of, string[] Also)[] MoreNames =
    [
        ("Excel", ["エクセル", "excel"]),
        ("spreadsheets", ["spreadsheet", "google sheets", "表計算", "スプシ"]),
        ("no-code / low-code tools", ["ノーコードツール", "no-code tools", "no-code", "low-code", "ノーコード", "ローコード"]),
        ("data protection", ["個人情報の保護", "data privacy", "privacy", "プライバシー"]),
        ("social media", ["sns"]),
        ("video editing", ["動画の編集", "映像編集", "editing video"]),
        ("English–Japanese translation", ["translation", "翻訳", "english-japanese translation", "英訳", "和訳"]),
        ("writing", ["ライティング", "copywriting"]),
        ("UI design", ["ui/ux", "uiデザイン", "ux design"]),
        ("HTML/CSS", ["html", "css", "html5"]),
    ];

    private static readonly Lazy<Built> Lexicon = new(Build);

    /// <summary>Every skill, in the order the drafter's lexicon names them.</summary>
    public static IReadOnlyList<Skill> All => Lexicon.Value.Skills;

    public static Skill? Find(string id) => Lexicon.Value.ById.GetValueOrDefault(id);

    /// <summary>The skills a text names (a role's name and skills, a free-text answer), by id.</summary>
    public static IReadOnlySet<string> In(string? text)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return found;
        }

        var lower = Fold(text);
        foreach (var skill in All)
        {
            if (skill.Names.Any(n => NeedReader.Mentions(lower, n)))
            {
                found.Add(skill.Id);
            }
        }

        // A role named as the drafter names it brings its template's skills.
        foreach (var (names, skills) in Lexicon.Value.Roles)
        {
            if (names.Any(n => NeedReader.Mentions(lower, n)))
            {
                found.UnionWith(skills);
            }
        }

        return found;
    }

    /// <summary>Lower case, NFKC (full-width letters), so that names compare as typed.</summary>
    internal static string Fold(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    private sealed record Built(IReadOnlyList<Skill> Skills, IReadOnlyDictionary<string, Skill> ById, IReadOnlyList<(string[] Names, string[] Skills)> Roles);

    private static Built Build()
    {
        var templates = NeedCategories.All.SelectMany(c => c.Roles)
            .Append(NeedCategories.ProjectManager).Append(NeedCategories.Analyst)
            .Concat(OfflineRevision.KnownRoles.Select(r => r.Template)).ToList();

        // Union of names: every (Japanese, English) pair, and the extra spellings, join the group of any name they share.
        var groups = new List<List<(string Name, bool Japanese)>>();
        var perTemplate = new List<(RoleTemplate Template, List<(string Ja, string En)> Pairs)>();
        foreach (var t in templates)
        {
            var pairs = Pairs(t.SkillsJa, t.SkillsEn);
            perTemplate.Add((t, pairs));
            foreach (var (ja, en) in pairs)
            {
                Join(groups, [(ja, true), (en, false)]);
            }
        }

        foreach (var (of, also) in MoreNames)
        {
            Join(groups, [(of, false), .. also.Select(a => (a, false))]);
        }

        var templateEnglish = perTemplate.SelectMany(p => p.Pairs.Select(x => x.En)).ToHashSet(StringComparer.Ordinal);
        var skills = new List<Skill>();
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var g in groups)
        {
            // The Japanese name the templates use first; the shortest English name they use ("data design", not "data modelling").
            var japanese = g.FirstOrDefault(n => n.Japanese).Name;
            var english = g.Where(n => !n.Japanese && templateEnglish.Contains(n.Name))
                .Select(n => n.Name).OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).FirstOrDefault();
            if (japanese is null || english is null)
            {
                continue;
            }

            var id = Slug(english);
            if (skills.Any(s => s.Id == id))
            {
                continue;
            }

            var names = g.Select(n => Fold(n.Name)).Distinct(StringComparer.Ordinal).ToList();
            skills.Add(new Skill(id, japanese, english, names));
            foreach (var n in names)
            {
                byName[n] = id;
            }
        }

        var roles = perTemplate
            .Select(p => (Names: new[] { Fold(p.Template.NameJa), Fold(p.Template.NameEn) }, Skills: p.Pairs.Select(x => byName.GetValueOrDefault(Fold(x.Ja))).OfType<string>().ToArray()))
            .Concat(OfflineRevision.KnownRoles.Select(r => (Names: r.Aliases.Select(Fold).ToArray(),
                Skills: Pairs(r.Template.SkillsJa, r.Template.SkillsEn).Select(x => byName.GetValueOrDefault(Fold(x.Ja))).OfType<string>().ToArray())))
            .ToList();
        return new Built(skills, skills.ToDictionary(s => s.Id, StringComparer.Ordinal), roles);
    }

    /// <summary>A template's skills in both languages, item by item ("UIデザイン、Figma" with "UI design, Figma").</summary>
    internal static List<(string Ja, string En)> Pairs(string japanese, string english)
    {
        var en = english.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ja = japanese.Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ja.Length != en.Length)
        {
            // 「チラシ・バナー制作」 is "flyers, banners".
            ja = japanese.Split(['、', '・'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        return ja.Length == en.Length ? [.. ja.Zip(en)] : [(japanese, english)];
    }

    private static void Join(List<List<(string Name, bool Japanese)>> groups, List<(string Name, bool Japanese)> names)
    {
        var matching = groups.Where(g => g.Any(x => names.Any(n => Fold(n.Name) == Fold(x.Name)))).ToList();
        var merged = matching.SelectMany(g => g).ToList();
        foreach (var n in names)
        {
            // "Figma" is the Japanese and the English name at once: both sides are kept.
            if (!merged.Any(x => Fold(x.Name) == Fold(n.Name) && x.Japanese == n.Japanese))
            {
                merged.Add(n);
            }
        }

        var at = matching.Count > 0 ? groups.IndexOf(matching[0]) : groups.Count;
        groups.RemoveAll(matching.Contains);
        groups.Insert(Math.Min(at, groups.Count), merged);
    }

    /// <summary>"English–Japanese translation" → english-japanese-translation; "HTML/CSS" → html-css.</summary>
    internal static string Slug(string english)
    {
        var sb = new StringBuilder(english.Length);
        foreach (var c in english.Normalize(NormalizationForm.FormKC).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        return sb.ToString().Trim('-');
    }
}
