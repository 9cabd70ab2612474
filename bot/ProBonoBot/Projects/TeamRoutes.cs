using System.Text.RegularExpressions;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Cards.Wording;
using ProBonoBot.Confirmations;
using ProBonoBot.Hosting;
using ProBonoBot.Outbox;
using ProBonoBot.People;
using ProBonoBot.Privacy;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Routing;
using ProBonoBot.SignUps;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.Projects;

/// <summary>
/// After recruiting: the applicants card, confirming the team (members, leader and the waitlist are told; the
/// team is introduced in the project's channels with @mentions), status changes, and the list of leaders. All of it is
/// leaders' output, so it goes to the leader's 1:1 chat; cancelling, and confirming a team with empty seats, ask first.
/// </summary>
public sealed partial class TeamRoutes(
    ProjectStore projects,
    SignUpStore signUps,
    LeaderDirectory leaders,
    OutboxStore outbox,
    LeaderGate gate,
    PersonalChat personal,
    ConfirmationSigner confirmations,
    LanguageResolver languages,
    ApplicantsView applicantsView,
    Impact.ProjectClosing closing,
    TeamFormation teams) : IRouteModule
{
    private const string FormTeamAction = "formTeam";
    private const string CancelAction = "cancel";

    public void Register(Router router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.OnMessage("applicants", ApplicantsPattern(), (turn, ct) => ApplicantsAsync(turn, turn.MatchedNumber(), ct));
        router.OnCardAction(ProjectVerbs.Applicants, async (turn, ct) => { await ApplicantsAsync(turn, turn.DataNumber("project"), ct).ConfigureAwait(false); return CardActionResult.Done; });
        router.OnCardAction(ProjectVerbs.FormTeam, FormTeamAsync);
        router.OnCardAction(ProjectVerbs.SetStatus, SetStatusAsync);
        router.OnMessage("leaders", LeadersPattern(), LeadersAsync);
        router.OnMessage("add-leader", AddLeaderPattern(), (turn, ct) => ChangeLeaderAsync(turn, add: true, ct));
        router.OnMessage("remove-leader", RemoveLeaderPattern(), (turn, ct) => ChangeLeaderAsync(turn, add: false, ct));
    }

    private Task<(Language Language, bool IsLeader)> CheckAsync(TurnContext turn, CancellationToken ct) => gate.CheckAsync(turn, ct);

    private async Task ApplicantsAsync(TurnContext turn, long? number, CancellationToken ct)
    {
        var (language, isLeader) = await CheckAsync(turn, ct).ConfigureAwait(false);
        if (!isLeader)
        {
            return;
        }

        var card = number is { } n ? await applicantsView.CardAsync(language, n, null, ct) : null;
        if (card is null)
        {
            await personal.SayAsync(turn, UiText.For(language).Projects.UnknownProject, language, ct).ConfigureAwait(false);
            return;
        }

        await personal.SendCardAsync(turn, card, language, ct).ConfigureAwait(false);
    }

    private async Task<CardActionResult> FormTeamAsync(TurnContext turn, CancellationToken ct)
    {
        var (language, isLeader) = await CheckAsync(turn, ct).ConfigureAwait(false);
        var t = UiText.For(language).Projects;
        var project = turn.DataNumber("project") is { } n ? await projects.GetAsync(n, ct).ConfigureAwait(false) : null;
        if (!isLeader)
        {
            return CardActionResult.Done;
        }

        if (project is null)
        {
            return await AnswerAsync(turn, t.UnknownProject, language, ct).ConfigureAwait(false);
        }

        var (check, state) = await confirmations.CheckAsync(turn, FormTeamAction, project.Number, ct).ConfigureAwait(false);
        if (Refusal(t, check, state, project, F(t.FormTeamKept, project.Number)) is { } refusal)
        {
            return await AnswerAsync(turn, refusal, language, ct).ConfigureAwait(false);
        }

        if (check == ConfirmationCheck.Missing && project.Status == ProjectStatus.Recruiting)
        {
            var empty = await teams.EmptySeatsAsync(project, ct).ConfigureAwait(false);
            if (empty.Count > 0)
            {
                var confirm = await confirmations.SignAsync(FormTeamAction, project.Number, turn.Person()!.Aad, State(project), ct).ConfigureAwait(false);
                await personal.SendCardAsync(turn, ConfirmCard.FormTeam(language, project.Number, project.Title, empty, confirm), language, ct).ConfigureAwait(false);
                return CardActionResult.Done;
            }
        }

        if (!await teams.FormAsync(project, project.LeaderName ?? turn.Activity.From?.Name ?? "-", null, ct).ConfigureAwait(false))
        {
            // A second click on "Confirm the team" lands here: say where the project stands now, in words.
            var now = await projects.GetAsync(project.Number, ct).ConfigureAwait(false) ?? project;
            return await AnswerAsync(turn, F(t.CannotChangeStatus, t.StatusSentence(now.Status, now.Number)), language, ct).ConfigureAwait(false);
        }

        return await AnswerAsync(turn, F(t.TeamFormed, project.Number), language, ct).ConfigureAwait(false);
    }

    /// <summary>The state a confirmation is signed for: the project's status when the leader was asked.</summary>
    private static string State(Project project) => ((int)project.Status).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Why a confirmation changes nothing (Keep, not genuine, expired, or the project moved on); null to go ahead.</summary>
    private static string? Refusal(ProjectTexts t, ConfirmationCheck check, string? state, Project project, string kept) => check switch
    {
        ConfirmationCheck.Kept => kept,
        ConfirmationCheck.Invalid => t.ConfirmInvalid,
        ConfirmationCheck.Expired => t.ConfirmExpired,
        ConfirmationCheck.Valid when state != State(project) => F(t.ConfirmStale, F(t.StatusMovedOn, t.StatusSentence(project.Status, project.Number))),
        _ => null,
    };

    /// <summary>
    /// The answer to a leader's click: pressed on a confirmation, the question turns into the answer (no button left to
    /// press twice); otherwise the answer goes to the leader's 1:1 chat.
    /// </summary>
    private async Task<CardActionResult> AnswerAsync(TurnContext turn, string message, Language language, CancellationToken ct)
    {
        if (turn.IsPersonalChat() && (turn.DataString("state") is not null || turn.DataString("answer") == ConfirmCard.Keep))
        {
            return CardActionResult.ReplaceCard(ConfirmCard.Answered(message));
        }

        await personal.SayAsync(turn, message, language, ct).ConfigureAwait(false);
        return CardActionResult.Done;
    }

    private async Task<CardActionResult> SetStatusAsync(TurnContext turn, CancellationToken ct)
    {
        if (turn.DataString("status") == nameof(ProjectStatus.Completed))
        {
            // Completing a project is closing it: the close form (outcome, feedback, skills), which checks who may close.
            await closing.ShowFormAsync(turn, turn.DataNumber("project"), ct);
            return CardActionResult.Done;
        }

        var (language, isLeader) = await CheckAsync(turn, ct).ConfigureAwait(false);
        var t = UiText.For(language).Projects;
        var project = turn.DataNumber("project") is { } n ? await projects.GetAsync(n, ct).ConfigureAwait(false) : null;
        if (!isLeader)
        {
            return CardActionResult.Done;
        }

        var parsed = Enum.TryParse<ProjectStatus>(turn.DataString("status"), out var to);
        if (project is not null && parsed && to == ProjectStatus.Cancelled)
        {
            // Members are told at once and it cannot be undone: asked first, acted on only with a genuine, current confirmation.
            var (check, state) = await confirmations.CheckAsync(turn, CancelAction, project.Number, ct).ConfigureAwait(false);
            if (Refusal(t, check, state, project, F(t.CancelKept, project.Number)) is { } refusal)
            {
                return await AnswerAsync(turn, refusal, language, ct).ConfigureAwait(false);
            }

            if (check == ConfirmationCheck.Missing && Allowed(project.Status).Contains(to))
            {
                var confirm = await confirmations.SignAsync(CancelAction, project.Number, turn.Person()!.Aad, State(project), ct).ConfigureAwait(false);
                confirm["status"] = nameof(ProjectStatus.Cancelled);
                var people = (await signUps.LiveForProjectAsync(project.Number, ct).ConfigureAwait(false)).Count;
                await personal.SendCardAsync(turn, ConfirmCard.CancelProject(language, project.Number, project.Title, people, confirm), language, ct).ConfigureAwait(false);
                return CardActionResult.Done;
            }
        }

        if (project is null || !parsed || !Allowed(project.Status).Contains(to))
        {
            return await AnswerAsync(turn, project is null ? t.UnknownProject : F(t.CannotChangeStatus, t.StatusSentence(project.Status, project.Number)), language, ct).ConfigureAwait(false);
        }

        if (!await projects.SetStatusAsync(project.Number, [project.Status], to, ct).ConfigureAwait(false))
        {
            var now = await projects.GetAsync(project.Number, ct).ConfigureAwait(false) ?? project;
            return await AnswerAsync(turn, F(t.CannotChangeStatus, t.StatusSentence(now.Status, now.Number)), language, ct).ConfigureAwait(false);
        }

        if (to == ProjectStatus.Cancelled)
        {
            var messages = new List<OutboxItem>();
            foreach (var s in await signUps.LiveForProjectAsync(project.Number, ct).ConfigureAwait(false))
            {
                var text = UiText.For(await LanguageOfAsync(s.UserAad, project, ct).ConfigureAwait(false)).Projects;
                messages.Add(SignUpNotices.ToPerson(SignUpNotices.Text(F(text.ProjectCancelledNotice, Markdown.Escape(project.Title))), s.UserAad, s.UserTeamsId, null, null, null));
            }

            await outbox.EnqueueAsync(messages, ct).ConfigureAwait(false);
        }

        return await AnswerAsync(turn, t.StatusDone(to, project.Number), language, ct).ConfigureAwait(false);
    }

    private static ProjectStatus[] Allowed(ProjectStatus from) => from switch
    {
        ProjectStatus.Draft => [ProjectStatus.Cancelled],
        ProjectStatus.Recruiting => [ProjectStatus.Cancelled],
        ProjectStatus.TeamFormed => [ProjectStatus.InProgress, ProjectStatus.Cancelled],
        ProjectStatus.InProgress => [ProjectStatus.Completed, ProjectStatus.Cancelled],
        _ => [],
    };

    private async Task LeadersAsync(TurnContext turn, CancellationToken ct)
    {
        var (language, isLeader) = await CheckAsync(turn, ct).ConfigureAwait(false);
        if (!isLeader)
        {
            return;
        }

        var list = await leaders.ListAsync(ct).ConfigureAwait(false);
        await personal.SayAsync(turn, $"**{UiText.For(language).Projects.LeadersTitle}**\n\n" + string.Join("\n", list.Select(l => "- " + Markdown.Escape(l.Name))), language, ct).ConfigureAwait(false);
    }

    private async Task ChangeLeaderAsync(TurnContext turn, bool add, CancellationToken ct)
    {
        var (language, isLeader) = await CheckAsync(turn, ct).ConfigureAwait(false);
        if (!isLeader)
        {
            return;
        }

        var t = UiText.For(language).Projects;
        var name = turn.Match!.Groups["name"].Value.Trim();
        var people = await leaders.FindPeopleAsync(name, ct).ConfigureAwait(false);
        if (people.Count != 1)
        {
            await personal.SayAsync(turn, people.Count == 0 ? F(t.PersonNotFound, Markdown.Escape(name)) : F(t.PersonAmbiguous, Markdown.Escape(name), Plurals.List(language, people.Select(p => Markdown.Escape(p.Name)))), language, ct).ConfigureAwait(false);
            return;
        }

        var person = people[0];
        if (add)
        {
            await leaders.AddAsync(person.Aad, person.Name, turn.Activity.From!.AadObjectId!, ct).ConfigureAwait(false);
            await personal.SayAsync(turn, F(t.LeaderAdded, Markdown.Escape(person.Name)), language, ct).ConfigureAwait(false);
        }
        else if (leaders.IsConfigured(person.Aad))
        {
            await personal.SayAsync(turn, F(t.LeaderFromConfig, Markdown.Escape(person.Name)), language, ct).ConfigureAwait(false);
        }
        else
        {
            await leaders.RemoveAsync(person.Aad, ct).ConfigureAwait(false);
            await personal.SayAsync(turn, F(t.LeaderRemoved, Markdown.Escape(person.Name)), language, ct).ConfigureAwait(false);
        }
    }

    private Task<Language> LanguageOfAsync(string aad, Project project, CancellationToken ct) =>
        languages.ForPersonAsync(aad, project.CardLanguage, ct);

    [GeneratedRegex(@"^(applicants|応募者|応募状況)\s*#?(?<n>\d+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex ApplicantsPattern();

    [GeneratedRegex(@"^(leaders|リーダー|リーダー一覧)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex LeadersPattern();

    [GeneratedRegex(@"^(add leader|リーダー追加)\s+(?<name>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex AddLeaderPattern();

    [GeneratedRegex(@"^(remove leader|リーダー削除)\s+(?<name>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex RemoveLeaderPattern();
}
