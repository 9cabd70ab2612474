using ProBonoBot.Drafting;

namespace ProBonoBot.Profiles;

/// <summary>A kind of project a member can be interested in: one of the drafter's need categories, or disaster recovery.</summary>
public sealed record Interest(string Key, string Japanese, string English)
{
    public string Name(Cards.Language language) => language == Cards.Language.Japanese ? Japanese : English;
}

/// <summary>
/// The interests a profile can pick: the need categories of the offline drafter (<see cref="NeedCategories"/>, which
/// also names a brief's category) plus disaster recovery, which the drafter reads as context rather than a category.
/// Defined here, once; a project's kinds are read the same way the drafter reads a need.
/// </summary>
public static class Interests
{
    public const string DisasterKey = "disaster";

    private static readonly Interest Disaster = new(DisasterKey, "災害復興", "Disaster recovery");

    public static IReadOnlyList<Interest> All { get; } =
        [Disaster, .. NeedCategories.All.Select(c => new Interest(c.Key, c.NameJa, c.NameEn))];

    public static bool IsKnown(string key) => All.Any(i => i.Key == key);

    public static Interest? Find(string key) => All.FirstOrDefault(i => i.Key == key);

    /// <summary>
    /// The kinds of a project: the categories its brief named (「ウェブサイト／地図・マップ（災害復興支援）」), else those
    /// whose keywords its own text mentions, as the drafter would read it.
    /// </summary>
    public static IReadOnlySet<string> OfProject(string projectText, string? briefCategory)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(briefCategory))
        {
            var named = SkillLexicon.Fold(briefCategory);
            found.UnionWith(NeedCategories.All
                .Where(c => named.Contains(SkillLexicon.Fold(c.NameJa), StringComparison.Ordinal) || named.Contains(SkillLexicon.Fold(c.NameEn), StringComparison.Ordinal))
                .Select(c => c.Key));
        }

        var lower = SkillLexicon.Fold(projectText);
        if (found.Count == 0)
        {
            found.UnionWith(NeedCategories.All.Where(c => c.Keywords.Any(k => NeedReader.Mentions(lower, k))).Select(c => c.Key));
        }

        var context = briefCategory is null ? lower : lower + " " + SkillLexicon.Fold(briefCategory);
        if (NeedCategories.Disaster.Any(k => context.Contains(k, StringComparison.Ordinal)))
        {
            found.Add(DisasterKey);
        }

        return found;
    }
}
