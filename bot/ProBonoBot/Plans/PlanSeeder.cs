using System.Globalization;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Plans;
using ProBonoBot.Cards.Wording;
using ProBonoBot.Drafting;
using ProBonoBot.People;
using ProBonoBot.Projects;

namespace ProBonoBot.Plans;

/// <summary>
/// The first plan of a project that came from a brief: a kick-off meeting (on the start date, at the project's place) and
/// one milestone per phase, spread evenly up to the end date (phase i of n on start + (end − start)·i/n), at 10:00 in the
/// leader's time zone. Without both dates the phases are not dated; without a brief the plan starts empty.
/// </summary>
public sealed class PlanSeeder(DraftingStore drafts, LanguageResolver languages, PersonTimeZones zones, Microsoft.Extensions.Options.IOptions<PlanOptions> options)
{
    private static readonly TimeOnly SeedTime = new(10, 0);

    public async Task<IReadOnlyList<MilestoneInput>> SeedAsync(Project project, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        var row = await drafts.BriefForProjectAsync(project.Number, ct);
        if (row is null || BriefRules.Parse(row.BriefJson).Brief is not { } brief)
        {
            return [];
        }

        var language = await languages.ForPersonAsync(project.LeaderAad, project.CardLanguage, ct);
        var zone = PlanViews.Zone(Times.ZoneFor(language, await zones.ForPersonAsync(project.LeaderAad, ct)));
        var start = Date(project.StartDate);
        var end = Date(project.EndDate) is { } e && start is { } s && e >= s ? e : (DateOnly?)null;
        var seed = new List<MilestoneInput>
        {
            new(null, Milestone.KindMeeting, UiText.ForProject(project.Language).Plans.KickOff, At(start, zone), 60, Place(project.Place), false),
        };
        var phases = brief.Phases.Where(p => !string.IsNullOrWhiteSpace(p.Name)).Take(options.Value.MaxMilestones - 1).ToList();
        for (var i = 0; i < phases.Count; i++)
        {
            DateOnly? day = start is { } from && end is { } to ? from.AddDays((int)Math.Round((to.DayNumber - from.DayNumber) * (i + 1) / (double)phases.Count)) : null;
            seed.Add(new MilestoneInput(null, Milestone.KindMilestone, TextCut.Cut(phases[i].Name.Trim(), PlanCards.MaxTitle), At(day, zone), 60, null, false));
        }

        return seed;
    }

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    // 10:00 exists everywhere on every day (clock changes happen at night), but a gap is moved on an hour rather than lost.
    private static DateTimeOffset? At(DateOnly? day, TimeZoneInfo zone) =>
        day is { } d ? PlanViews.Instant(d, SeedTime, zone) ?? PlanViews.Instant(d, SeedTime.AddHours(1), zone) : null;

    private static string? Place(string? place) =>
        string.IsNullOrWhiteSpace(place) ? null : TextCut.Cut(place.Trim(), PlanCards.MaxPlace);
}
