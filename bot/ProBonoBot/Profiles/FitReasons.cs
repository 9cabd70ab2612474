using ProBonoBot.Cards;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.Profiles;

/// <summary>A <see cref="Fit"/> in words, in one language: for the person themself, or for a leader looking at them.</summary>
public static class FitReasons
{
    /// <summary>Plain text (free-text skills are quoted as written): cards escape it.</summary>
    public static IReadOnlyList<string> Describe(Fit fit, Language language, bool forLeader)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var t = UiText.For(language).Profiles;
        var comma = language == Language.Japanese ? "、" : ", ";
        var reasons = new List<string>();
        var skills = fit.Skills.Select(id => SkillLexicon.Find(id)?.Name(language)).OfType<string>().Concat(fit.OtherSkills).ToList();
        if (skills.Count > 0)
        {
            reasons.Add(F(forLeader ? t.ReasonSkillsOf : t.ReasonSkills, string.Join(comma, skills)));
        }

        var interests = fit.Interests.Select(k => Interests.Find(k)?.Name(language)).OfType<string>().ToList();
        if (interests.Count > 0)
        {
            reasons.Add(F(t.ReasonInterests, string.Join(comma, interests)));
        }

        if (fit.RemoteOk)
        {
            reasons.Add(t.ReasonRemote);
        }

        if (fit.OnsiteOk)
        {
            reasons.Add(t.ReasonOnsite);
        }

        if (fit.HoursEnough)
        {
            reasons.Add(F(forLeader ? t.ReasonHoursOf : t.ReasonHours, fit.NeedHours, fit.HaveHours));
        }

        return reasons;
    }
}
