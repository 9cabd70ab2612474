using System.Globalization;
using System.Text.RegularExpressions;
using ProBonoBot.Cards.Drafting;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Cards.Json;

namespace ProBonoBot.Drafting;

/// <summary>An approved brief as the project form's values (then validated by the same parser as the form).</summary>
public static partial class BriefToProject
{
    public static ProjectFormValues Values(ProjectBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var roles = string.Join('\n', brief.Roles.Select(r => $"{Clean(r.Name, 80)} | {Clean(r.Skills, 200)} | {Math.Clamp(r.Seats, 1, 20)}"));
        var hours = brief.Roles.Count > 0 ? Math.Clamp(brief.Roles.Max(r => r.HoursPerWeek), 1, 40) : 5;
        var summary = Cap(brief.Background, ProjectFormCard.MaxLong);
        var mode = brief.WorkMode.Contains("hybrid", StringComparison.OrdinalIgnoreCase) || brief.WorkMode.Contains("ハイブリッド", StringComparison.Ordinal) ? "hybrid"
            : brief.WorkMode.Contains("site", StringComparison.OrdinalIgnoreCase) || brief.WorkMode.Contains("現地", StringComparison.Ordinal) ? "onsite"
            : "remote";
        return new ProjectFormValues(
            null,
            Cap(brief.Title, ProjectFormCard.MaxTitle),
            Cap(brief.Partner.Organisation, ProjectFormCard.MaxShort),
            summary,
            Cap(brief.Objective, ProjectFormCard.MaxLong),
            Cap(string.Join('\n', brief.Deliverables.Select(d => "- " + d)), ProjectFormCard.MaxLong),
            roles,
            hours.ToString(CultureInfo.InvariantCulture),
            IsoDate(brief.Start),
            IsoDate(brief.Deadline),
            mode,
            null,
            brief.Language);
    }

    /// <summary>Only a real yyyy-MM-dd date becomes a project date; "来年3月" stays in the brief's text.</summary>
    private static string? IsoDate(string text) => IsoPattern().Match(text) is { Success: true } m ? m.Value : null;

    private static string Clean(string text, int max) => Cap(text.Replace('|', '/').Replace('｜', '/').Replace('\n', ' '), max);

    private static string Cap(string text, int max) => TextCut.Cut(text, max);

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b", RegexOptions.None, 200)]
    private static partial Regex IsoPattern();
}
