using ProBonoBot.Cards;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Plans;
using ProBonoBot.Cards.Wording;
using ProBonoBot.Outbox;
using ProBonoBot.People;
using ProBonoBot.Projects;
using ProBonoBot.SignUps;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.Plans;

/// <summary>The proactive messages of plans: the reminder card, and the short "changed" message with the new calendar link.</summary>
public sealed class PlanMessages(PlanLinks links, SignUpStore signUps, LanguageResolver languages, PersonTimeZones zones, TimeProvider time)
{
    /// <summary>The reminder card for one member, in their language and zone (what the worker queues).</summary>
    public async Task<OutboxItem> ReminderAsync(DueReminder r, bool late)
    {
        ArgumentNullException.ThrowIfNull(r);
        var language = r.Language switch
        {
            "en" => Language.English,
            "ja" => Language.Japanese,
            _ => r.Locale is not null ? Languages.FromLocale(r.Locale) : r.ProjectLanguage == "en" ? Language.English : Language.Japanese,
        };
        var milestone = new Milestone
        {
            Id = r.MilestoneId, ProjectNumber = r.ProjectNumber, Kind = r.Kind, Title = r.Title, StartsAt = r.StartsAt,
            DurationMinutes = r.DurationMinutes, Place = r.Place,
        };
        var card = ReminderCard(language, Times.ZoneFor(language, r.Zone), r.ProjectNumber, r.ProjectTitle, milestone,
            await links.UrlAsync(milestone, r.UserAad, CancellationToken.None), r.Attending is { } a ? a == 1 : null, late);
        return SignUpNotices.ToPerson(SignUpNotices.CardActivity(card), r.UserAad, r.TeamsId, null, null, null);
    }

    public System.Text.Json.Nodes.JsonObject ReminderCard(Language language, string zone, long project, string projectTitle, Milestone milestone,
        string? calendarUrl, bool? answer, bool late) =>
        PlanCards.Reminder(language, new ReminderView(project, projectTitle,
            PlanViews.View(milestone, language, zone, time.GetUtcNow(), calendarUrl, answer), late));

    /// <summary>
    /// One short message per confirmed member for each dated milestone whose date or place changes, or that is cancelled
    /// or loses its date: old → new in the member's zone and language, with the new calendar link.
    /// </summary>
    public async Task<IReadOnlyList<OutboxItem>> ChangesAsync(Project project, StoredPlan plan, IReadOnlyList<MilestoneInput> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(plan);
        var changes = rows
            .Where(r => r.Id is not null)
            .Select(r => (Before: plan.Milestones.Single(m => m.Id == r.Id), Row: r))
            .Where(c => c.Before is { StartsAt: not null, Cancelled: false }
                && (c.Row.StartsAt != c.Before.StartsAt || c.Row.Place != c.Before.Place || c.Row.Cancelled))
            .ToList();
        if (changes.Count == 0)
        {
            return [];
        }

        var items = new List<OutboxItem>();
        var now = time.GetUtcNow();
        foreach (var member in (await signUps.LiveForProjectAsync(project.Number, ct)).Where(s => s.Status == SignUpStatus.Confirmed))
        {
            var language = await languages.ForPersonAsync(member.UserAad, project.CardLanguage, ct);
            var zone = Times.ZoneFor(language, await zones.ForPersonAsync(member.UserAad, ct));
            var t = UiText.For(language).Plans;
            var lines = new List<string>();
            foreach (var (before, row) in changes)
            {
                var after = before with { Title = row.Title, StartsAt = row.StartsAt, DurationMinutes = row.DurationMinutes, Place = row.Place, Cancelled = row.Cancelled };
                var (what, projectTitle) = (Markdown.Escape(row.Title), Markdown.Escape(project.Title));
                var old = Times.DateTime(before.StartsAt!.Value, language, zone, now);
                if (row.Cancelled)
                {
                    lines.Add(F(t.ChangedCancelled, what, projectTitle));
                }
                else if (row.StartsAt is not { } starts)
                {
                    lines.Add(F(t.ChangedUndated, what, projectTitle, old));
                    continue;
                }
                else if (starts != before.StartsAt)
                {
                    lines.Add(F(t.ChangedTime, what, projectTitle, old, Times.DateTime(starts, language, zone, now)));
                }

                if (!row.Cancelled && row.Place != before.Place)
                {
                    lines.Add(F(t.ChangedPlace, what, projectTitle, Markdown.Escape(before.Place ?? "—"), Markdown.Escape(row.Place ?? "—")));
                }

                if (await links.UrlAsync(after, member.UserAad, ct) is { } url)
                {
                    lines.Add(F(t.ChangedCalendar, url));
                }
            }

            items.Add(SignUpNotices.ToPerson(SignUpNotices.Text(string.Join("\n\n", lines)), member.UserAad, member.UserTeamsId, null, null, null));
        }

        return items;
    }
}
