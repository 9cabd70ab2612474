using System.Text.Json;
using System.Text.RegularExpressions;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Hosting;
using ProBonoBot.Outbox;
using ProBonoBot.People;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Routing;
using ProBonoBot.SignUps;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.Projects;

/// <summary>
/// After recruiting: the applicants card, confirming the team (members, leader and the waitlist are told; the
/// team is introduced in the project's channels with @mentions), status changes, and the list of leaders.
/// </summary>
public sealed partial class TeamRoutes(
    ProjectStore projects,
    SignUpStore signUps,
    LeaderDirectory leaders,
    OutboxStore outbox,
    LeaderGate gate,
    LanguageResolver languages) : IRouteModule
{
    public void Register(Router router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.OnMessage("applicants", ApplicantsPattern(), (turn, ct) => ApplicantsAsync(turn, turn.MatchedNumber(), ct));
        router.OnCardAction(ProjectVerbs.Applicants, async (turn, ct) => { await ApplicantsAsync(turn, turn.DataNumber("project"), ct).ConfigureAwait(false); return CardActionResult.Done; });
        router.OnCardAction(ProjectVerbs.FormTeam, async (turn, ct) => { await FormTeamAsync(turn, ct).ConfigureAwait(false); return CardActionResult.Done; });
        router.OnCardAction(ProjectVerbs.SetStatus, async (turn, ct) => { await SetStatusAsync(turn, ct).ConfigureAwait(false); return CardActionResult.Done; });
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

        var model = number is { } n ? await projects.CardModelAsync(n, ct).ConfigureAwait(false) : null;
        if (model is null)
        {
            await turn.SayAsync(UiText.For(language).Projects.UnknownProject, ct).ConfigureAwait(false);
            return;
        }

        var live = await signUps.LiveForProjectAsync(model.Number, ct).ConfigureAwait(false);
        var applicants = new List<ApplicantModel>();
        foreach (var s in live)
        {
            var role = model.Roles.FirstOrDefault(r => r.Number == s.RoleNumber)?.Name ?? "?";
            var position = s.Status == SignUpStatus.Waitlisted ? await signUps.PositionAsync(s, ct).ConfigureAwait(false) : 0;
            applicants.Add(new ApplicantModel(s.UserName ?? s.UserAad, role, s.Standing, position, (int?)s.HoursPerWeek, s.Note));
        }

        await turn.SendCardAsync(ApplicantsCard.Build(language, model, applicants), ct).ConfigureAwait(false);
    }

    private async Task FormTeamAsync(TurnContext turn, CancellationToken ct)
    {
        var (language, isLeader) = await CheckAsync(turn, ct).ConfigureAwait(false);
        var t = UiText.For(language).Projects;
        var project = turn.DataNumber("project") is { } n ? await projects.GetAsync(n, ct).ConfigureAwait(false) : null;
        if (!isLeader)
        {
            return;
        }

        if (project is null || !await projects.SetStatusAsync(project.Number, [ProjectStatus.Recruiting], ProjectStatus.TeamFormed, ct).ConfigureAwait(false))
        {
            await turn.SayAsync(project is null ? t.UnknownProject : F(t.CannotChangeStatus, project.Number, t.StatusName(project.Status), t.StatusName(ProjectStatus.TeamFormed)), ct).ConfigureAwait(false);
            return;
        }

        var live = await signUps.LiveForProjectAsync(project.Number, ct).ConfigureAwait(false);
        var members = live.Where(s => s.Status == SignUpStatus.Confirmed).ToList();
        var leaderName = project.LeaderName ?? turn.Activity.From?.Name ?? "-";
        var messages = new List<OutboxItem>();
        foreach (var s in live)
        {
            var text = UiText.For(await LanguageOfAsync(s.UserAad, project, ct).ConfigureAwait(false)).Projects;
            var body = s.Status == SignUpStatus.Confirmed
                ? F(text.TeamNotice, Markdown.Escape(project.Title), Names(members), Markdown.Escape(leaderName))
                : F(text.WaitlistClosed, Markdown.Escape(project.Title));
            messages.Add(SignUpNotices.ToPerson(SignUpNotices.Text(body), s.UserAad, s.UserTeamsId, null, null, null));
        }

        foreach (var channel in (await projects.PostedCardsAsync(project.Number, ct).ConfigureAwait(false)).DistinctBy(p => p.ConversationId))
        {
            messages.Add(new OutboxItem(TeamIntroduction(project, members, leaderName), ConversationId: channel.ConversationId, ServiceUrl: channel.ServiceUrl));
        }

        await outbox.EnqueueAsync(messages, ct).ConfigureAwait(false);
        await turn.SayAsync(F(t.TeamFormed, project.Number), ct).ConfigureAwait(false);
    }

    /// <summary>The channel post introducing the team, with real @mentions of the members.</summary>
    private static string TeamIntroduction(Project project, IReadOnlyList<SignUp> members, string leaderName)
    {
        var language = project.CardLanguage;
        var mentions = members.Where(m => m.UserTeamsId is not null).Select(m => (Text: Markdown.Mention(m.UserName ?? m.UserAad), Member: m)).ToList();
        var names = mentions.Count > 0 ? string.Join(", ", mentions.Select(m => m.Text)) : Names(members);
        return JsonSerializer.Serialize(new Activity
        {
            Type = ActivityTypes.Message,
            Text = F(UiText.For(language).Projects.TeamThread, Markdown.Escape(project.Title), names, Markdown.Escape(leaderName)),
            Entities = [.. mentions.Select(m => new Entity
            {
                Type = "mention",
                Extra = new Dictionary<string, JsonElement>
                {
                    ["text"] = JsonSerializer.SerializeToElement(m.Text, ProtocolJsonContext.Default.String),
                    ["mentioned"] = JsonSerializer.SerializeToElement(
                        new System.Text.Json.Nodes.JsonObject { ["id"] = m.Member.UserTeamsId, ["name"] = m.Member.UserName }, ProtocolJsonContext.Default.JsonObject),
                },
            })],
        }, ProtocolJsonContext.Default.Activity);
    }

    private async Task SetStatusAsync(TurnContext turn, CancellationToken ct)
    {
        var (language, isLeader) = await CheckAsync(turn, ct).ConfigureAwait(false);
        var t = UiText.For(language).Projects;
        var project = turn.DataNumber("project") is { } n ? await projects.GetAsync(n, ct).ConfigureAwait(false) : null;
        if (!isLeader)
        {
            return;
        }

        if (project is null || !Enum.TryParse<ProjectStatus>(turn.DataString("status"), out var to) || !Allowed(project.Status).Contains(to))
        {
            await turn.SayAsync(project is null ? t.UnknownProject : F(t.CannotChangeStatus, project.Number, t.StatusName(project.Status), Markdown.Escape(turn.DataString("status") ?? "?")), ct).ConfigureAwait(false);
            return;
        }

        if (!await projects.SetStatusAsync(project.Number, [project.Status], to, ct).ConfigureAwait(false))
        {
            await turn.SayAsync(F(t.CannotChangeStatus, project.Number, t.StatusName(project.Status), t.StatusName(to)), ct).ConfigureAwait(false);
            return;
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

        await turn.SayAsync(F(t.StatusChanged, project.Number, t.StatusName(to)), ct).ConfigureAwait(false);
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
        await turn.SayAsync($"**{UiText.For(language).Projects.LeadersTitle}**\n\n" + string.Join("\n", list.Select(l => "- " + Markdown.Escape(l.Name))), ct).ConfigureAwait(false);
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
            await turn.SayAsync(people.Count == 0 ? F(t.PersonNotFound, Markdown.Escape(name)) : F(t.PersonAmbiguous, Markdown.Escape(name), string.Join(", ", people.Select(p => Markdown.Escape(p.Name)))), ct).ConfigureAwait(false);
            return;
        }

        var person = people[0];
        if (add)
        {
            await leaders.AddAsync(person.Aad, person.Name, turn.Activity.From!.AadObjectId!, ct).ConfigureAwait(false);
            await turn.SayAsync(F(t.LeaderAdded, Markdown.Escape(person.Name)), ct).ConfigureAwait(false);
        }
        else if (leaders.IsConfigured(person.Aad))
        {
            await turn.SayAsync(F(t.LeaderFromConfig, Markdown.Escape(person.Name)), ct).ConfigureAwait(false);
        }
        else
        {
            await leaders.RemoveAsync(person.Aad, ct).ConfigureAwait(false);
            await turn.SayAsync(F(t.LeaderRemoved, Markdown.Escape(person.Name)), ct).ConfigureAwait(false);
        }
    }

    private Task<Language> LanguageOfAsync(string aad, Project project, CancellationToken ct) =>
        languages.ForPersonAsync(aad, project.CardLanguage, ct);

    private static string Names(IEnumerable<SignUp> members) => string.Join(", ", members.Select(m => Markdown.Escape(m.UserName ?? m.UserAad)));

    [GeneratedRegex(@"^(applicants|応募者|応募状況)\s*#?(?<n>\d+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex ApplicantsPattern();

    [GeneratedRegex(@"^(leaders|リーダー|リーダー一覧)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex LeadersPattern();

    [GeneratedRegex(@"^(add leader|リーダー追加)\s+(?<name>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex AddLeaderPattern();

    [GeneratedRegex(@"^(remove leader|リーダー削除)\s+(?<name>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex RemoveLeaderPattern();
}
