using System.Globalization;
using System.Text.RegularExpressions;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Hours;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Wording;
using ProBonoBot.Hosting;
using ProBonoBot.Outbox;
using ProBonoBot.People;
using ProBonoBot.Privacy;
using ProBonoBot.Projects;
using ProBonoBot.Protocol.Routing;
using ProBonoBot.SignUps;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.Hours;

/// <summary>
/// The leader's side: <c>approve hours</c> / <c>時間承認</c> (one card per project they lead with entries waiting;
/// <c>approve hours N</c> for one project, which club leaders may open for any project), and Approve selected /
/// Reject selected. Approvals are silent (the member sees them in <c>my hours</c>); a correction or a rejection is
/// told to the member through the outbox, in the transaction that makes it.
/// </summary>
public sealed partial class HoursApprovalRoutes(
    HoursStore store,
    HoursView view,
    ProjectStore projects,
    LanguageResolver languages,
    PersonTimeZones zones,
    PersonalChat personal) : IRouteModule
{
    /// <summary>Entries on one approval card (the oldest first; the rest after these are approved).</summary>
    public const int MaxPerCard = 25;

    /// <summary>Projects shown at once by <c>approve hours</c>.</summary>
    public const int MaxProjects = 10;

    public void Register(Router router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.OnMessage("approve-hours", ApprovePattern(), (turn, ct) => ShowAsync(turn, turn.MatchedNumber(), ct));
        router.OnCardAction(HoursVerbs.Review, async (turn, ct) => { await ShowAsync(turn, null, ct); return CardActionResult.Done; });
        router.OnCardAction(HoursVerbs.Approve, (turn, ct) => ReviewAsync(turn, HoursStatus.Approved, ct));
        router.OnCardAction(HoursVerbs.Reject, (turn, ct) => ReviewAsync(turn, HoursStatus.Rejected, ct));
    }

    private async Task ShowAsync(TurnContext turn, long? number, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct);
        var t = UiText.For(language).Hours;
        if (turn.Person() is not { } person)
        {
            await turn.SayAsync(UiText.For(language).UnknownAction, ct);
            return;
        }

        var numbers = new List<long>();
        if (number is { } n)
        {
            var project = await projects.GetAsync(n, ct);
            if (project is null)
            {
                await personal.SayAsync(turn, UiText.For(language).Projects.UnknownProject, language, ct);
                return;
            }

            if (!await view.CanApproveAsync(project, person.Aad, ct))
            {
                await personal.SayAsync(turn, F(t.NotLeaderOfProject, n), language, ct);
                return;
            }

            numbers.Add(n);
        }
        else
        {
            numbers.AddRange((await store.WaitingForLeaderAsync(person.Aad, ct)).Select(w => w.Project).Take(MaxProjects));
        }

        var zone = await zones.ForTurnAsync(turn, ct);
        var sent = 0;
        foreach (var p in numbers)
        {
            if (await CardAsync(language, zone, p, ct) is { } card)
            {
                await personal.SendCardAsync(turn, card, language, ct);
                sent++;
            }
        }

        if (sent == 0)
        {
            await personal.SayAsync(turn, t.ApproveNone, language, ct);
        }
    }

    private async Task<System.Text.Json.Nodes.JsonObject?> CardAsync(Language language, string? zone, long number, CancellationToken ct)
    {
        var project = await projects.GetAsync(number, ct);
        var (entries, total) = await store.WaitingAsync(number, MaxPerCard, ct);
        if (project is null || entries.Count == 0)
        {
            return null;
        }

        var labels = await view.LabelsAsync(language, entries.Select(e => e.Period), zone, ct);
        var lines = entries.Select(e => new ApprovalLine(e.Id, e.UserName ?? "-", labels[e.Period], e.WorkedOn, e.Minutes, e.Note, e.Version,
            HoursPeriod.Parse(e.Period)?.MaxMinutes ?? HoursPeriod.MaxDayMinutes)).ToList();
        return HoursCards.Approval(language, new ApprovalModel(number, project.Title, lines, total - entries.Count));
    }

    private async Task<CardActionResult> ReviewAsync(TurnContext turn, HoursStatus to, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct);
        var t = UiText.For(language).Hours;
        var project = turn.DataNumber("project") is { } n ? await projects.GetAsync(n, ct) : null;
        var shown = Shown(turn.DataString("entries"));
        if (turn.Person() is not { } person || project is null || shown is null)
        {
            return CardActionResult.Say(t.InvalidApproval);
        }

        if (!await view.CanApproveAsync(project, person.Aad, ct))
        {
            return CardActionResult.Say(F(t.NotLeaderOfProject, project.Number));
        }

        var selected = shown.Where(s => turn.DataString($"a{s.Id}") == "true").ToList();
        if (selected.Count == 0)
        {
            return CardActionResult.Say(t.NothingSelected);
        }

        var entries = new Dictionary<long, HoursEntry>();
        foreach (var s in selected)
        {
            if (await store.GetAsync(s.Id, ct) is not { } e || e.ProjectNumber != project.Number)
            {
                // Another project's entry (or none at all) in the data: refused as a whole, nothing changes.
                return CardActionResult.Say(t.InvalidApproval);
            }

            entries[s.Id] = e;
        }

        var decisions = new List<HoursDecision>();
        var errors = new List<string>();
        foreach (var s in selected)
        {
            long? minutes = null;
            if (to == HoursStatus.Approved && turn.DataString($"h{s.Id}") is { Length: > 0 } typed
                && HoursPeriod.Parse(entries[s.Id].Period) is { } period)
            {
                var (m, error) = HoursForm.Minutes(typed, period, t);
                if (error is not null)
                {
                    errors.Add($"{Markdown.Escape(entries[s.Id].UserName ?? "-")}: {error}");
                }

                minutes = m;
            }

            decisions.Add(new HoursDecision(s.Id, s.Version, minutes));
        }

        if (errors.Count > 0)
        {
            return CardActionResult.Say(t.ErrorsIntro + "\n\n" + string.Join("\n", errors.Select(e => "- " + e)));
        }

        var notices = new Dictionary<long, OutboxItem>();
        foreach (var d in decisions.Where(d => to == HoursStatus.Rejected || (d.Minutes is { } m && m != entries[d.Id].Minutes)))
        {
            notices[d.Id] = await NoticeAsync(project, entries[d.Id], d.Minutes, ct);
        }

        var outcome = await store.ReviewAsync(project.Number, person.Aad, decisions, to, notices, ct);
        if (!outcome.Valid)
        {
            return CardActionResult.Say(t.InvalidApproval);
        }

        var message = to == HoursStatus.Approved
            ? F(t.Approved, outcome.Changed, project.Number, HoursView.Hours(outcome.Minutes))
            : F(t.Rejected, outcome.Changed, project.Number);
        if (outcome.Stale.Count > 0)
        {
            var names = Plurals.List(language, outcome.Stale.Select(e => Markdown.Escape(e.UserName ?? "-")));
            message += "\n\n" + F(t.StaleSkipped, outcome.Stale.Count, names, project.Number);
        }

        if (outcome.Reviewed.Count > 0)
        {
            message += "\n\n" + F(t.AlreadyReviewed, outcome.Reviewed.Count, Plurals.List(language, outcome.Reviewed.Select(e => Markdown.Escape(e.UserName ?? "-"))));
        }

        return CardActionResult.Say(message);
    }

    /// <summary>The member's notice of a correction (old → new) or a rejection, in their language and zone.</summary>
    private async Task<OutboxItem> NoticeAsync(Project project, HoursEntry entry, long? corrected, CancellationToken ct)
    {
        var language = await languages.ForPersonAsync(entry.UserAad, project.CardLanguage, ct);
        var t = UiText.For(language).Hours;
        var label = Markdown.Escape(await view.LabelAsync(language, entry.Period, await zones.ForPersonAsync(entry.UserAad, ct), ct));
        var name = HoursView.ProjectName(project);
        var text = corrected is { } m
            ? F(t.CorrectedNotice, name, label, HoursView.Hours(entry.Minutes), HoursView.Hours(m))
            : F(t.RejectedNotice, name, label, HoursView.Hours(entry.Minutes));
        return SignUpNotices.ToPerson(SignUpNotices.Text(text), entry.UserAad, null, null, null, null);
    }

    /// <summary>The entries the card showed ("12:ab34cd,13:…"), or null when the data is not that.</summary>
    private static List<(long Id, string Version)>? Shown(string? data)
    {
        if (data is not { Length: > 0 and <= 4000 })
        {
            return null;
        }

        var result = new List<(long, string)>();
        foreach (var part in data.Split(','))
        {
            var pair = part.Split(':');
            if (pair.Length != 2 || !long.TryParse(pair[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || pair[1].Length is 0 or > 32)
            {
                return null;
            }

            result.Add((id, pair[1]));
        }

        return result.Count <= MaxPerCard && result.Select(r => r.Item1).Distinct().Count() == result.Count ? result : null;
    }

    [GeneratedRegex(@"^(approve hours|時間承認)(\s*#?(?<n>\d+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex ApprovePattern();
}
