using ProBonoBot.Cards.Projects;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Plans;
using ProBonoBot.Cards.Wording;
using ProBonoBot.Hosting;
using ProBonoBot.People;
using ProBonoBot.Privacy;
using ProBonoBot.Projects;
using ProBonoBot.Protocol.Routing;
using ProBonoBot.SignUps;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.Plans;

/// <summary>
/// <c>plan N</c> / <c>計画 N</c>: the project's leader gets the editable plan (Save), its confirmed members the plan in
/// their zone with their answer and calendar links; anyone else a refusal (a project they may not see is unknown). The
/// answer buttons (<c>I'll be there</c> / <c>Can't make it</c>) of the plan and reminder cards update the card in place.
/// </summary>
public sealed partial class PlanRoutes(
    MilestoneStore milestones,
    PlanSeeder seeder,
    PlanMessages messages,
    PlanLinks links,
    ProjectStore projects,
    ProjectVisibility visibility,
    SignUpStore signUps,
    PersonalChat personal,
    LanguageResolver languages,
    PersonTimeZones zones,
    IOptions<PlanOptions> options,
    TimeProvider time) : IRouteModule
{
    public void Register(Router router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.OnMessage("plan", PlanPattern(), ShowAsync);
        router.OnCardAction(PlanVerbs.Save, SaveAsync);
        router.OnCardAction(PlanVerbs.Answer, AnswerAsync);
    }

    private async Task ShowAsync(TurnContext turn, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct);
        var text = UiText.For(language);
        if (turn.MatchedNumber() is not { } number)
        {
            await turn.SayAsync(text.Plans.AskNumber, ct);
            return;
        }

        var person = turn.Person();
        if (person is null || await visibility.GetAsync(number, person.Aad, ct) is not { } project)
        {
            await turn.SayAsync(text.Projects.UnknownProject, ct);
            return;
        }

        var isLeader = IsLeader(project, person.Aad);
        if (!isLeader && !await IsMemberAsync(project.Number, person.Aad, ct))
        {
            await turn.SayAsync(F(text.Plans.NotMember, project.Number), ct);
            return;
        }

        var plan = await PlanAsync(project, ct);
        var card = isLeader
            ? PlanCards.Leader(language, await LeaderViewAsync(turn, project, plan, language, ct))
            : PlanCards.Member(language, await MemberViewAsync(project, plan, person.Aad, language, ct));
        await personal.SendCardAsync(turn, card, language, ct);
    }

    private async Task<CardActionResult> SaveAsync(TurnContext turn, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct);
        var text = UiText.For(language);
        var t = text.Plans;
        var person = turn.Person();
        var project = turn.DataNumber("project") is { } n && person is not null ? await visibility.GetAsync(n, person.Aad, ct) : null;
        if (project is null || person is null)
        {
            return CardActionResult.Say(text.Projects.UnknownProject);
        }

        if (!IsLeader(project, person.Aad))
        {
            return CardActionResult.Say(F(t.OnlyLeader, project.Number));
        }

        if (project.Status is ProjectStatus.Completed or ProjectStatus.Cancelled)
        {
            return CardActionResult.Say(F(t.Ended, project.Number));
        }

        var plan = await PlanAsync(project, ct);
        if (turn.DataNumber("version") != plan.Version)
        {
            return CardActionResult.ReplaceCard(PlanCards.Leader(language, await LeaderViewAsync(turn, project, plan, language, ct), t.Stale));
        }

        var zone = Times.ZoneFor(language, await zones.ForTurnAsync(turn, ct));
        var (rows, errors) = PlanForm.Read(turn.CardAction!.Data, plan, language, zone, options.Value.MaxMilestones);
        if (errors.Count > 0)
        {
            return CardActionResult.Say(t.ErrorsIntro + "\n\n" + string.Join("\n", errors.Select(e => "- " + e)));
        }

        var notices = await messages.ChangesAsync(project, plan, rows, ct);
        var saved = await milestones.SaveAsync(project.Number, plan.Version, rows, notices, options.Value.ReminderLead, ct);
        var notice = saved == PlanSaveResult.Stale ? t.Stale : notices.Count > 0 ? F(t.SavedNotified, notices.Count) : t.Saved;
        var now = await PlanAsync(project, ct);
        return CardActionResult.ReplaceCard(PlanCards.Leader(language, await LeaderViewAsync(turn, project, now, language, ct), notice));
    }

    private async Task<CardActionResult> AnswerAsync(TurnContext turn, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct);
        var text = UiText.For(language);
        var t = text.Plans;
        var person = turn.Person();
        var milestone = turn.DataNumber("milestone") is { } id ? await milestones.MilestoneAsync(id, ct) : null;
        var project = milestone is null ? null : await projects.GetAsync(milestone.ProjectNumber, ct);
        if (person is null || milestone is null || project is null)
        {
            return CardActionResult.Say(text.UnknownAction);
        }

        if (turn.DataString("answer") is not ("yes" or "no") || turn.DataNumber("project") is { } p && p != project.Number)
        {
            return CardActionResult.Say(t.AnswerInvalid);
        }

        if (!await IsMemberAsync(project.Number, person.Aad, ct))
        {
            return CardActionResult.Say(t.AnswerNotMember);
        }

        if (!milestone.IsLive)
        {
            return CardActionResult.Say(t.AnswerGone);
        }

        if (project.Status is ProjectStatus.Completed or ProjectStatus.Cancelled)
        {
            return CardActionResult.Say(F(t.Ended, project.Number));
        }

        var attending = turn.DataString("answer") == "yes";
        await milestones.AnswerAsync(milestone.Id, person.Aad, person.Name, attending, ct);
        if (turn.DataString("from") == "plan")
        {
            return CardActionResult.ReplaceCard(PlanCards.Member(language, await MemberViewAsync(project, await PlanAsync(project, ct), person.Aad, language, ct)));
        }

        var zone = Times.ZoneFor(language, await zones.ForTurnAsync(turn, ct));
        return CardActionResult.ReplaceCard(messages.ReminderCard(language, zone, project.Number, project.Title, milestone,
            await links.UrlAsync(milestone, person.Aad, ct), attending, late: false));
    }

    /// <summary>The stored plan, seeded on first opening (once, however many open it at the same time).</summary>
    private async Task<StoredPlan> PlanAsync(Project project, CancellationToken ct)
    {
        if (await milestones.PlanAsync(project.Number, ct) is { } plan)
        {
            return plan;
        }

        await milestones.SeedAsync(project.Number, await seeder.SeedAsync(project, ct), ct);
        return await milestones.PlanAsync(project.Number, ct) ?? throw new InvalidOperationException("A seeded plan is missing.");
    }

    private async Task<PlanView> LeaderViewAsync(TurnContext turn, Project project, StoredPlan plan, Language language, CancellationToken ct)
    {
        var zone = Times.ZoneFor(language, await zones.ForTurnAsync(turn, ct));
        var members = (await signUps.LiveForProjectAsync(project.Number, ct)).Where(s => s.Status == SignUpStatus.Confirmed).ToList();
        var answers = (await milestones.AttendanceAsync(project.Number, ct)).ToLookup(a => a.MilestoneId);
        var now = time.GetUtcNow();
        var views = plan.Milestones.Select(m =>
        {
            var byPerson = answers[m.Id].ToDictionary(a => a.UserAad, StringComparer.Ordinal);
            string Name(SignUp s) => s.UserName ?? byPerson.GetValueOrDefault(s.UserAad)?.UserName ?? "?";
            var attendance = m.IsLive
                ? new AttendanceView(
                    [.. members.Where(s => byPerson.GetValueOrDefault(s.UserAad)?.Attending == true).Select(Name)],
                    [.. members.Where(s => byPerson.GetValueOrDefault(s.UserAad)?.Attending == false).Select(Name)],
                    [.. members.Where(s => !byPerson.ContainsKey(s.UserAad)).Select(Name)])
                : null;
            return PlanViews.View(m, language, zone, now, answers: attendance);
        });
        return new PlanView(project.Number, project.Title, plan.Version, zone, [.. views]);
    }

    private async Task<PlanView> MemberViewAsync(Project project, StoredPlan plan, string aad, Language language, CancellationToken ct)
    {
        var zone = Times.ZoneFor(language, await zones.ForPersonAsync(aad, ct));
        var mine = (await milestones.AttendanceAsync(project.Number, ct)).Where(a => a.UserAad == aad).ToDictionary(a => a.MilestoneId, a => a.Attending);
        var now = time.GetUtcNow();
        var views = new List<MilestoneView>();
        foreach (var m in plan.Milestones)
        {
            views.Add(PlanViews.View(m, language, zone, now, await links.UrlAsync(m, aad, ct), mine.TryGetValue(m.Id, out var a) ? a : null));
        }

        return new PlanView(project.Number, project.Title, plan.Version, zone, views);
    }

    private static bool IsLeader(Project project, string aad) => string.Equals(project.LeaderAad, aad, StringComparison.OrdinalIgnoreCase);

    private async Task<bool> IsMemberAsync(long project, string aad, CancellationToken ct) =>
        await signUps.LiveAsync(project, aad, ct) is { Status: SignUpStatus.Confirmed };

    [GeneratedRegex(@"^plan\s*#?(?<n>[0-9０-９]+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex PlanPattern();
}
