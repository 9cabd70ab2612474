using System.Text.RegularExpressions;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Hosting;
using ProBonoBot.People;
using ProBonoBot.Privacy;
using ProBonoBot.Protocol.Routing;
using ProBonoBot.Turns;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.Projects;

/// <summary>
/// Leaders' flows in chat: new project (form) → preview → edit → publish to team channels; the project list
/// for everyone. Non-leaders get a polite refusal and nothing changes. Leaders' forms, previews and answers go to
/// their 1:1 chat when asked for in a channel or group chat (a short pointer stays there).
/// </summary>
public sealed partial class ProjectRoutes(
    ProjectStore projects,
    LeaderDirectory leaders,
    ProjectPublishing publishing,
    LeaderGate gate,
    PersonalChat personal,
    LanguageResolver languages) : IRouteModule
{
    public void Register(Router router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.OnMessage("new-project", NewProjectPattern(), (turn, ct) => AsLeaderAsync(turn, async l => { await personal.SendCardAsync(turn, ProjectFormCard.Build(l), l, ct).ConfigureAwait(false); return true; }, ct));
        router.OnMessage("projects", ProjectsPattern(), ListAsync);
        router.OnMessage("edit", EditPattern(), (turn, ct) => EditAsync(turn, turn.MatchedNumber(), ct));
        router.OnMessage("publish", PublishPattern(), (turn, ct) => ChooseChannelsAsync(turn, turn.MatchedNumber(), ct));
        router.OnCardAction(ProjectVerbs.Save, async (turn, ct) => { await SaveAsync(turn, ct).ConfigureAwait(false); return CardActionResult.Done; });
        router.OnCardAction(ProjectVerbs.Edit, async (turn, ct) => { await EditAsync(turn, turn.DataNumber("project"), ct).ConfigureAwait(false); return CardActionResult.Done; });
        router.OnCardAction(ProjectVerbs.ChooseChannels, async (turn, ct) => { await ChooseChannelsAsync(turn, turn.DataNumber("project"), ct).ConfigureAwait(false); return CardActionResult.Done; });
        router.OnCardAction(ProjectVerbs.Publish, async (turn, ct) => { await PublishAsync(turn, ct).ConfigureAwait(false); return CardActionResult.Done; });
    }

    /// <summary>Runs <paramref name="work"/> for leaders; everyone else gets a polite refusal.</summary>
    private async Task AsLeaderAsync(TurnContext turn, Func<Language, Task<bool>> work, CancellationToken ct)
    {
        var (language, isLeader) = await gate.CheckAsync(turn, ct).ConfigureAwait(false);
        if (isLeader)
        {
            await work(language).ConfigureAwait(false);
        }
    }

    private async Task ListAsync(TurnContext turn, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct).ConfigureAwait(false);
        var recruiting = await CardsAsync(await projects.ListAsync(ProjectStatus.Recruiting, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
        var drafts = await leaders.IsLeaderAsync(turn.Activity.From?.AadObjectId, ct).ConfigureAwait(false) && turn.IsPersonalChat()
            ? await CardsAsync(await projects.ListAsync(ProjectStatus.Draft, ct).ConfigureAwait(false), ct).ConfigureAwait(false)
            : [];
        await turn.SendCardAsync(ProjectListCard.Build(language, recruiting, drafts), ct).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<ProjectCardModel>> CardsAsync(IReadOnlyList<Project> list, CancellationToken ct)
    {
        var result = new List<ProjectCardModel>();
        foreach (var p in list)
        {
            result.Add(p.ToCard(await projects.CountsAsync(p.Number, ct).ConfigureAwait(false)));
        }

        return result;
    }

    private Task SaveAsync(TurnContext turn, CancellationToken ct) => AsLeaderAsync(turn, async language =>
    {
        var t = UiText.For(language).Projects;
        var number = turn.DataNumber("project");
        var values = ProjectFormParser.Read(turn.CardAction!.Data, number);
        var (draft, errors) = ProjectFormParser.Parse(values, language);
        if (draft is null)
        {
            await personal.SendCardAsync(turn, ProjectFormCard.Build(language, values, errors), language, ct).ConfigureAwait(false);
            return false;
        }

        if (number is { } existing)
        {
            var project = await projects.GetAsync(existing, ct).ConfigureAwait(false);
            if (project is null || !await projects.UpdateDraftAsync(existing, draft, ct).ConfigureAwait(false))
            {
                await personal.SayAsync(turn, project is null ? t.UnknownProject : F(t.ErrorNotEditable, existing, t.StatusSentence(project.Status, project.Number)), language, ct).ConfigureAwait(false);
                return false;
            }
        }
        else
        {
            number = await projects.CreateAsync(draft, turn.Activity.From!.AadObjectId!, turn.Activity.From.Name, ct, turn.KeyFor("project.create")).ConfigureAwait(false);
        }

        var model = await projects.CardModelAsync(number.Value, ct).ConfigureAwait(false);
        await personal.SendCardAsync(turn, AnnouncementCard.Preview(language, model!, F(t.Saved, number)), language, ct).ConfigureAwait(false);
        return true;
    }, ct);

    private Task EditAsync(TurnContext turn, long? number, CancellationToken ct) => AsLeaderAsync(turn, async language =>
    {
        var t = UiText.For(language).Projects;
        var project = number is { } n ? await projects.GetAsync(n, ct).ConfigureAwait(false) : null;
        if (project is null)
        {
            await personal.SayAsync(turn, t.UnknownProject, language, ct).ConfigureAwait(false);
        }
        else if (project.Status != ProjectStatus.Draft)
        {
            await personal.SayAsync(turn, F(t.ErrorNotEditable, project.Number, t.StatusSentence(project.Status, project.Number)), language, ct).ConfigureAwait(false);
        }
        else
        {
            await personal.SendCardAsync(turn, ProjectFormCard.Build(language, ProjectFormParser.From(project)), language, ct).ConfigureAwait(false);
        }

        return true;
    }, ct);

    private Task ChooseChannelsAsync(TurnContext turn, long? number, CancellationToken ct) => AsLeaderAsync(turn, async language =>
    {
        var t = UiText.For(language).Projects;
        var project = number is { } n ? await projects.GetAsync(n, ct).ConfigureAwait(false) : null;
        if (!ProjectPublishing.CanPublish(project))
        {
            await personal.SayAsync(turn, project is null ? t.UnknownProject : F(t.NotRecruiting, project.Number, Markdown.Escape(project.Title), t.StatusReason(project.Status)), language, ct).ConfigureAwait(false);
            return false;
        }

        // Every channel of every team the bot is in, as Teams lists them now (channels made since install included).
        var choices = await publishing.ChannelChoicesAsync(turn.Connector, language, ct).ConfigureAwait(false);
        if (choices.Count == 0)
        {
            await personal.SayAsync(turn, t.NoChannels, language, ct).ConfigureAwait(false);
            return false;
        }

        await personal.SendCardAsync(turn, PublishCard.Build(language, project!.Number, project.Title, choices), language, ct).ConfigureAwait(false);
        return true;
    }, ct);

    private Task PublishAsync(TurnContext turn, CancellationToken ct) => AsLeaderAsync(turn, async language =>
    {
        var t = UiText.For(language).Projects;
        var chosen = (turn.DataString("channels") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var claimant = ChannelPosts.TurnClaimant(turn.Activity.Conversation?.Id, turn.Activity.Id);
        var outcome = await publishing.PublishAsync(turn.Connector, turn.DataNumber("project"), chosen, claimant, ct).ConfigureAwait(false);
        var project = outcome.Project;
        var answer = outcome.Result switch
        {
            ProjectPublishing.Result.Published => outcome.Posts!.Message(t, project!.Number),
            ProjectPublishing.Result.NotPublishable => F(t.NotRecruiting, project!.Number, Markdown.Escape(project.Title), t.StatusReason(project.Status)),
            ProjectPublishing.Result.NothingChosen => t.NothingChosen,
            _ => t.UnknownProject,
        };
        await personal.SayAsync(turn, answer, language, ct).ConfigureAwait(false);
        return outcome.Result == ProjectPublishing.Result.Published;
    }, ct);

    [GeneratedRegex(@"^(new project|create project|新規プロジェクト|プロジェクト作成|新しいプロジェクト)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex NewProjectPattern();

    [GeneratedRegex(@"^(projects|project list|募集中|募集一覧|プロジェクト一覧|プロジェクト)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex ProjectsPattern();

    [GeneratedRegex(@"^(edit|編集)\s*#?(?<n>\d+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex EditPattern();

    [GeneratedRegex(@"^(publish|公開)\s*#?(?<n>\d+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex PublishPattern();
}
