using System.Data.Common;
using System.Text.Json;
using Dapper;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Broadcasts;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Drafting;
using ProBonoBot.Profiles;
using ProBonoBot.Projects;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.SignUps;
using ProBonoBot.Storage;

namespace ProBonoBot.Broadcasts;

/// <summary>
/// What the audience card can offer and what a broadcast needs to start: the teams the bot is in, the Entra groups (only
/// with <c>ProactiveInstall:Enabled</c>, from <c>entra_groups</c>), people whose profile fits (only when an
/// <see cref="IProfileFit"/> is registered), the topics (profile interests: disaster recovery and the need
/// categories of <see cref="NeedCategories"/>), and the announcement activities with their notification preview.
/// </summary>
public sealed class BroadcastTargets(Db db, IConfiguration configuration, IServiceProvider services, ProjectStore projects)
{
    /// <summary>
    /// The topics people can choose and a broadcast can carry: the same list as profile interests (disaster recovery and
    /// the need categories), so a member can follow what the club does most.
    /// </summary>
    public static IReadOnlyList<(string Key, string Name)> Topics(Language language) =>
        [.. Profiles.Interests.All.Select(i => (i.Key, i.Name(language)))];

    /// <summary>The topic a project's title and summary read as (the offline drafter's reading), for the card's first choice.</summary>
    public static string? GuessTopic(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return NeedReader.Read(project.Title + "\n" + project.Summary).Categories is { Count: > 0 } found ? found[0].Key : null;
    }

    private bool GroupsEnabled => configuration.GetValue<bool>("ProactiveInstall:Enabled");

    private IProfileFit? Fit => services.GetService<IProfileFit>();

    public async Task<AudienceOptions> OptionsAsync(Language language, string zoneName, CancellationToken ct)
    {
        var teams = await db.ReadAsync(c => c.QueryAsync<(string Id, string? Name)>(
            """
            SELECT team_id, MAX(team_name) FROM conversation_refs
            WHERE conversation_type = 'channel' AND is_active = TRUE AND team_id IS NOT NULL
            GROUP BY team_id ORDER BY MAX(team_name), team_id
            """), ct);
        return new AudienceOptions([.. teams.Select(t => (t.Id, t.Name ?? t.Id))], await GroupsAsync(ct), Fit is not null, Topics(language), zoneName);
    }

    // entra_groups comes with proactive installation (migration 0014); it is read only when that is switched on.
    private async Task<IReadOnlyList<(string Id, string Name)>?> GroupsAsync(CancellationToken ct)
    {
        if (!GroupsEnabled)
        {
            return null;
        }

        try
        {
            var groups = await db.ReadAsync(c => c.QueryAsync<(string Id, string? Name)>("SELECT group_id, name FROM entra_groups ORDER BY name, group_id"), ct);
            return [.. groups.Select(g => (g.Id, g.Name ?? g.Id))];
        }
        catch (DbException)
        {
            // Switched on before the groups were ever listed (no table yet): nothing to offer.
            return [];
        }
    }

    /// <summary>The people whose profile fits, when the targeting asks for them (null otherwise; empty when nobody can tell).</summary>
    public async Task<IReadOnlyCollection<string>?> FitAsync(Targeting targeting, long project, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(targeting);
        if (targeting.Target != Targeting.ByFit)
        {
            return null;
        }

        return Fit is { } fit ? await fit.PeopleFittingAsync(project, ct) : [];
    }

    /// <summary>The announcement for people (Japanese, English) and for the project's channels, each with its notification preview.</summary>
    public async Task<BroadcastActivities> ActivitiesAsync(Project project, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        var model = project.ToCard(await projects.CountsAsync(project.Number, ct));
        string Build(UiText text) => Serialize(AnnouncementCard.Build(text, model, ViewerState.Nobody), Summary(text, project.Title));
        return new BroadcastActivities(Build(UiText.For(Language.Japanese)), Build(UiText.For(Language.English)), Build(project.ChannelText));
    }

    /// <summary>The notification preview ("New project: Reclaimed-wood tracking"): plain text, cut short as Teams would.</summary>
    public static string Summary(UiText text, string title)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ProBonoBot.Cards.Wording.Plurals.Format(text.Broadcasts.Summary, ProBonoBot.Cards.Json.TextCut.Cut(title, 80));
    }

    /// <summary>A card message with a notification preview.</summary>
    public static string Serialize(System.Text.Json.Nodes.JsonObject card, string summary)
    {
        var activity = Activity.WithAdaptiveCard(card);
        activity.Summary = summary;
        return JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity);
    }
}
