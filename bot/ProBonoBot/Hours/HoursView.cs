using ProBonoBot.Cards;
using ProBonoBot.Cards.Hours;
using ProBonoBot.Cards.Json;
using ProBonoBot.People;
using ProBonoBot.Projects;

namespace ProBonoBot.Hours;

/// <summary>What the hours routes share: period labels in a reader's language and zone, and who may approve a project's hours.</summary>
public sealed class HoursView(HoursMilestones milestones, LeaderDirectory leaders)
{
    /// <summary>Labels of the given periods ("m:12", "w:2026-W49") for one reader; unknown periods read as a removed milestone.</summary>
    public async Task<IReadOnlyDictionary<string, string>> LabelsAsync(Language language, IEnumerable<string> periods, string? zone, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var parsed = periods.Distinct(StringComparer.Ordinal).Select(p => (Text: p, Period: HoursPeriod.Parse(p))).ToList();
        var found = await milestones.ByIdsAsync([.. parsed.Where(p => p.Period?.MilestoneId is not null).Select(p => p.Period!.MilestoneId!.Value)], ct);
        return parsed.ToDictionary(p => p.Text, p => p.Period is null
            ? UiText.For(language).Hours.PeriodGone
            : HoursLabels.Period(language, p.Period, p.Period.MilestoneId is { } id ? found.GetValueOrDefault(id) : null, zone), StringComparer.Ordinal);
    }

    public async Task<string> LabelAsync(Language language, string period, string? zone, CancellationToken ct) =>
        (await LabelsAsync(language, [period], zone, ct))[period];

    /// <summary>The project's own leader, or a club leader (they stand in for a project's leader).</summary>
    public async Task<bool> CanApproveAsync(Project project, string aad, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        return string.Equals(project.LeaderAad, aad, StringComparison.OrdinalIgnoreCase) || await leaders.IsLeaderAsync(aad, ct);
    }

    /// <summary>"#3 Reclaimed wood app", escaped and cut, for answers.</summary>
    public static string ProjectName(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return $"#{project.Number} {Markdown.Escape(TextCut.Ellipsis(project.Title, 80))}";
    }

    public static string Hours(long minutes) => HoursCards.Hours(minutes);
}
