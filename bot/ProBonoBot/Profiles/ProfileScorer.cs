using ProBonoBot.Cards.Projects;
using ProBonoBot.Drafting;

namespace ProBonoBot.Profiles;

/// <summary>A role with seats still open.</summary>
public sealed record OpenRole(string Name, string? Skills)
{
    private IReadOnlySet<string>? _asks;

    /// <summary>The lexicon skills the role asks for (read once: a project is scored against every profile).</summary>
    public IReadOnlySet<string> Asks => _asks ??= SkillLexicon.In(Name + " " + Skills);
}

/// <summary>
/// What the scorer needs to know of a project: hours a week, way of working, language (ja, en or both), the roles with
/// seats open, and its kinds of need (categories and disaster recovery, see <see cref="Interests.OfProject"/>).
/// </summary>
public sealed record ProjectNeeds(int HoursPerWeek, WorkMode Mode, string Language, IReadOnlyList<OpenRole> OpenRoles, IReadOnlySet<string> Kinds);

/// <summary>
/// Why a profile fits a project, and how well (higher first): the best-matching open role, the lexicon skill ids it asks
/// for that the person has, the person's free-text skills it asks for (as written), shared interests, remote / on-site
/// agreement, and the hours a month the project needs and the person has.
/// </summary>
public sealed record Fit(
    double Score,
    string? Role,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> OtherSkills,
    IReadOnlyList<string> Interests,
    bool RemoteOk,
    bool OnsiteOk,
    int NeedHours,
    int? HaveHours)
{
    public bool HoursEnough => HaveHours is { } have && have >= NeedHours;
}

/// <summary>
/// Scores one profile against one project, without I/O. A profile fits when the project has an open role and either a
/// skill of the profile is one that role asks for (lexicon skills by id, so 「動画編集」 matches "video editing"; a role
/// named as the drafter names it, 翻訳者 or "Web designer", asks for its template's skills; free-text skills by their
/// words), or the person is interested in the project's kind of need. Hard limits: a language the person does not
/// work in, and remote only for an on-site project. Time, and remote/on-site where both agree, rank and explain.
/// </summary>
public static class ProfileScorer
{
    /// <summary>A project asks for hours a week; a profile gives hours a month.</summary>
    public static int HoursPerMonth(int hoursPerWeek) => hoursPerWeek * 4;

    public static Fit? Score(Profile profile, ProjectNeeds needs)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(needs);
        if (needs.OpenRoles.Count == 0 || !SpeaksLanguage(profile, needs.Language)
            || (profile.Mode == WorkPreference.Remote && needs.Mode == WorkMode.Onsite))
        {
            return null;
        }

        var best = needs.OpenRoles.Select(r => Match(profile, r)).OrderByDescending(m => m.Skills.Count + m.Others.Count).First();
        var interests = profile.Interests.Where(needs.Kinds.Contains).ToList();
        var skillCount = best.Skills.Count + best.Others.Count;
        if (skillCount == 0 && interests.Count == 0)
        {
            return null;
        }

        var remoteOk = needs.Mode == WorkMode.Remote && profile.Mode is WorkPreference.Remote or WorkPreference.Either;
        var onsiteOk = needs.Mode is WorkMode.Onsite or WorkMode.Hybrid && profile.Mode is WorkPreference.Onsite or WorkPreference.Either;
        var need = HoursPerMonth(needs.HoursPerWeek);
        var hours = profile.HoursPerMonth switch
        {
            null => 0,
            { } have when have >= need => 1,
            _ => -1,
        };
        var score = (3 * skillCount) + (2 * interests.Count) + hours + (remoteOk || onsiteOk ? 0.5 : 0);
        return new Fit(score, skillCount > 0 ? best.Role : null, best.Skills, best.Others, interests, remoteOk, onsiteOk, need, profile.HoursPerMonth);
    }

    private static bool SpeaksLanguage(Profile profile, string language) =>
        profile.Languages.Count == 0 || language switch
        {
            "en" => profile.Languages.Contains("en"),
            "both" => true,
            _ => profile.Languages.Contains("ja"),
        };

    private static (string Role, List<string> Skills, List<string> Others) Match(Profile profile, OpenRole role)
    {
        var text = role.Name + " " + role.Skills;
        var asked = role.Asks;
        var skills = profile.Skills.Where(asked.Contains).ToList();
        var others = new List<string>();
        var lower = SkillLexicon.Fold(text);
        foreach (var other in profile.OtherSkills)
        {
            // Free text counts by the lexicon skills it names (エクセル is Excel), else by its own words in the role.
            var named = SkillLexicon.In(other).Where(asked.Contains).ToList();
            if ((named.Count > 0 && !named.All(skills.Contains)) || (named.Count == 0 && NeedReader.Mentions(lower, SkillLexicon.Fold(other))))
            {
                others.Add(other);
            }
        }

        return (role.Name, skills, others);
    }
}
