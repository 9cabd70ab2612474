using System.Text.RegularExpressions;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Hours;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Hosting;
using ProBonoBot.People;
using ProBonoBot.Privacy;
using ProBonoBot.Projects;
using ProBonoBot.Protocol.Routing;
using ProBonoBot.SignUps;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.Hours;

/// <summary>
/// A member's side of volunteer hours: the one-tap Log and Save of the hours card, <c>my hours</c> / <c>活動時間</c>
/// (entries by project with totals, Edit, and Log hours for this week). Only a confirmed member logs for a project; who
/// is acting comes from the activity, and everything in card data is checked again.
/// </summary>
public sealed partial class HoursRoutes(
    HoursStore store,
    HoursView view,
    HoursMilestones milestones,
    ProjectStore projects,
    SignUpStore signUps,
    LanguageResolver languages,
    PersonTimeZones zones,
    PersonalChat personal,
    TimeProvider time) : IRouteModule
{
    /// <summary>Entries shown in <c>my hours</c> (newest first).</summary>
    public const int MaxShown = 40;

    public void Register(Router router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.OnMessage("my-hours", MyHoursPattern(), MyHoursAsync);
        router.OnCardAction(HoursVerbs.Log, (turn, ct) => LogAsync(turn, overwrite: false, ct));
        router.OnCardAction(HoursVerbs.Save, (turn, ct) => LogAsync(turn, overwrite: true, ct));
        router.OnCardAction(HoursVerbs.Edit, EditAsync);
        router.OnCardAction(HoursVerbs.LogWeek, LogWeekAsync);
    }

    private async Task<CardActionResult> LogAsync(TurnContext turn, bool overwrite, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct);
        var t = UiText.For(language).Hours;
        var period = HoursPeriod.Parse(turn.DataString("period"));
        var project = turn.DataNumber("project") is { } n ? await projects.GetAsync(n, ct) : null;
        if (turn.Person() is not { } person || project is null || period is null || !await BelongsAsync(project, period, ct))
        {
            return CardActionResult.Say(t.InvalidCard);
        }

        if (!await store.IsConfirmedAsync(project.Number, person.Aad, ct))
        {
            return CardActionResult.Say(F(t.NotMember, project.Number));
        }

        var zone = await zones.ForTurnAsync(turn, ct);
        var today = HoursLabels.LocalDate(time.GetUtcNow(), language, zone);
        var (minutes, error) = overwrite ? HoursForm.Minutes(turn.DataString("hours"), period, t) : HoursForm.Check(turn.DataNumber("minutes"), period, t);
        var day = HoursForm.Date(overwrite ? turn.DataString("date") ?? turn.DataString("day") : turn.DataString("day"), today);
        var errors = new[] { error, day is null ? t.ErrorDate : null }.OfType<string>().ToList();
        if (errors.Count > 0)
        {
            return CardActionResult.Say(t.ErrorsIntro + "\n\n" + string.Join("\n", errors.Select(e => "- " + e)));
        }

        var note = overwrite ? turn.DataText("note", HoursCards.MaxNote) : null;
        var (result, entry) = await store.LogAsync(project.Number, person, period, minutes!.Value, day!, note, overwrite, ct);
        var label = await view.LabelAsync(language, period.ToString(), zone, ct);
        var name = HoursView.ProjectName(project);
        return CardActionResult.Say(result switch
        {
            LogResult.Logged => F(t.Logged, HoursView.Hours(entry!.Minutes), name, Markdown.Escape(label)),
            LogResult.Saved => F(t.Saved, HoursView.Hours(entry!.Minutes), name, Markdown.Escape(label)),
            LogResult.SavedBackToWaiting => F(t.SavedBackToWaiting, HoursView.Hours(entry!.Minutes), name, Markdown.Escape(label)),
            LogResult.AlreadyLogged => F(t.AlreadyLogged, HoursView.Hours(entry!.Minutes), name, Markdown.Escape(label)),
            LogResult.NotMember => F(t.NotMember, project.Number),
            _ => t.InvalidCard,
        });
    }

    /// <summary>A milestone period must be a dated milestone of this very project; a week is any real week.</summary>
    private async Task<bool> BelongsAsync(Project project, HoursPeriod period, CancellationToken ct) =>
        period.MilestoneId is not { } id
        || (await milestones.ByIdsAsync([id], ct)).GetValueOrDefault(id) is { StartsAt: not null } m && m.ProjectNumber == project.Number;

    private async Task<CardActionResult> EditAsync(TurnContext turn, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct);
        var entry = turn.DataNumber("entry") is { } id ? await store.GetAsync(id, ct) : null;
        var project = entry is null ? null : await projects.GetAsync(entry.ProjectNumber, ct);
        if (turn.Person() is not { } person || entry is null || project is null || !string.Equals(entry.UserAad, person.Aad, StringComparison.Ordinal))
        {
            return CardActionResult.Say(UiText.For(language).Hours.InvalidCard);
        }

        var label = await view.LabelAsync(language, entry.Period, await zones.ForTurnAsync(turn, ct), ct);
        var ask = new HoursAsk(project.Number, project.Title, entry.Period, label, entry.Minutes, entry.WorkedOn, entry.Note);
        await personal.SendCardAsync(turn, HoursCards.Edit(language, ask), language, ct);
        return CardActionResult.Done;
    }

    /// <summary>"Log hours for this week" from <c>my hours</c>: the hours card for the current week, or the entry's edit card.</summary>
    private async Task<CardActionResult> LogWeekAsync(TurnContext turn, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct);
        var t = UiText.For(language).Hours;
        var project = turn.DataNumber("project") is { } n ? await projects.GetAsync(n, ct) : null;
        if (turn.Person() is not { } person || project is null)
        {
            return CardActionResult.Say(t.InvalidCard);
        }

        var signUp = (await signUps.LiveForUserAsync(person.Aad, ct)).Select(s => s.SignUp)
            .FirstOrDefault(s => s.ProjectNumber == project.Number && s.Status == SignUpStatus.Confirmed);
        if (signUp is null)
        {
            return CardActionResult.Say(F(t.NotMember, project.Number));
        }

        var zone = await zones.ForTurnAsync(turn, ct);
        await personal.SendCardAsync(turn, HoursCards.Prompt(language, await ThisWeekAsync(language, zone, project, signUp, ct)), language, ct);
        return CardActionResult.Done;
    }

    private async Task<HoursAsk> ThisWeekAsync(Language language, string? zone, Project project, SignUp signUp, CancellationToken ct)
    {
        var today = HoursLabels.LocalDate(time.GetUtcNow(), language, zone);
        var week = HoursPeriod.WeekOf(today);
        var label = await view.LabelAsync(language, week.ToString(), zone, ct);
        return HoursLabels.Ask(project.Number, project.Title, week, label, (signUp.HoursPerWeek ?? project.HoursPerWeek) * 60, today);
    }

    private async Task MyHoursAsync(TurnContext turn, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct);
        if (turn.Person() is not { } person)
        {
            await turn.SayAsync(UiText.For(language).UnknownAction, ct);
            return;
        }

        var zone = await zones.ForTurnAsync(turn, ct);
        // Totals count every entry; the card lists the newest ones.
        var entries = await store.ForUserAsync(person.Aad, 5000, ct);
        var shown = entries.Take(MaxShown).ToList();
        var labels = await view.LabelsAsync(language, shown.Select(e => e.Period), zone, ct);
        var confirmed = (await signUps.LiveForUserAsync(person.Aad, ct)).Select(s => s.SignUp).Where(s => s.Status == SignUpStatus.Confirmed).ToList();
        var blocks = new List<MyHoursProject>();
        foreach (var number in entries.Select(e => e.ProjectNumber).Concat(confirmed.Select(s => s.ProjectNumber)).Distinct())
        {
            if (await projects.GetAsync(number, ct) is not { } project)
            {
                continue;
            }

            var mine = entries.Where(e => e.ProjectNumber == number).ToList();
            var lines = shown.Where(e => e.ProjectNumber == number).Select(e => Line(e, labels)).ToList();
            var signUp = confirmed.FirstOrDefault(s => s.ProjectNumber == number);
            var canLog = signUp is not null && project.Status is ProjectStatus.TeamFormed or ProjectStatus.InProgress;
            if (mine.Count == 0 && !canLog)
            {
                continue;
            }

            blocks.Add(new MyHoursProject(number, project.Title, lines,
                Sum(mine, HoursStatus.Approved), Sum(mine, HoursStatus.Waiting), canLog ? await ThisWeekAsync(language, zone, project, signUp!, ct) : null));
        }

        var waiting = (await store.WaitingForLeaderAsync(person.Aad, ct)).Sum(w => w.Waiting);
        var model = new MyHoursModel(blocks, Sum(entries, HoursStatus.Approved), Sum(entries, HoursStatus.Waiting), waiting);
        await personal.SendCardAsync(turn, HoursCards.Mine(language, model), language, ct);
    }

    private static MyHoursLine Line(HoursEntry e, IReadOnlyDictionary<string, string> labels) => new(
        e.Id, labels[e.Period], e.WorkedOn, e.Minutes,
        e.Status switch
        {
            HoursStatus.Approved when e.LoggedMinutes is not null => HoursState.Corrected,
            HoursStatus.Approved => HoursState.Approved,
            HoursStatus.Rejected => HoursState.Rejected,
            _ => HoursState.Waiting,
        },
        e.LoggedMinutes, e.Note, e.Period);

    private static long Sum(IEnumerable<HoursEntry> entries, HoursStatus status) => entries.Where(e => e.Status == status).Sum(e => e.Minutes);

    [GeneratedRegex(@"^(my hours|活動時間)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex MyHoursPattern();
}
