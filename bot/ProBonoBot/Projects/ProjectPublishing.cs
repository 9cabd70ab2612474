using ProBonoBot.Cards;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Install;
using ProBonoBot.Protocol.Connector;

namespace ProBonoBot.Projects;

/// <summary>
/// Publishing a project — one set of rules for the chat (<see cref="ProjectRoutes"/>) and the dashboard tab: only a Draft
/// or Recruiting project; the channels offered are every channel of every team the bot is in, as Teams lists them now;
/// only chosen ids that are such a channel count (ids are client data); the project becomes Recruiting and its
/// announcement is posted once per channel by <see cref="ChannelPublisher"/> (posted_cards keep the copies live).
/// </summary>
public sealed class ProjectPublishing(ProjectStore projects, ConversationStore conversations, ChannelPublisher publisher, TeamChannels teamChannels)
{
    public enum Result { Published, Unknown, NotPublishable, NothingChosen }

    /// <summary>How a publish went; <paramref name="Project"/> as it is now (null when unknown), <paramref name="Posts"/> when published.</summary>
    public sealed record Outcome(Result Result, Project? Project = null, PublishOutcome? Posts = null);

    /// <summary>Whether a project may be published (again, to more channels).</summary>
    public static bool CanPublish(Project? project) => project?.Status is ProjectStatus.Draft or ProjectStatus.Recruiting;

    /// <summary>The channels a leader may choose, refreshed from Teams first (channels made since install included).</summary>
    public async Task<IReadOnlyList<ChannelChoice>> ChannelChoicesAsync(IConnectorClient connector, Language language, CancellationToken ct)
    {
        var t = UiText.For(language).Projects;
        await teamChannels.SyncAllAsync(connector, ct).ConfigureAwait(false);
        var channels = await conversations.ActiveChannelsAsync(ct).ConfigureAwait(false);
        return [.. channels
            .OrderBy(c => c.TeamName, StringComparer.Ordinal).ThenBy(c => !IsGeneral(c)).ThenBy(c => c.ChannelName, StringComparer.Ordinal)
            .Select(c => new ChannelChoice(c.ConversationId, ChannelLabel(t, c), IsGeneral(c)))];
    }

    /// <summary>
    /// Publishes project <paramref name="number"/> to the chosen channels that the bot is really in (others are ignored;
    /// none left: NothingChosen and nothing changes). <paramref name="claimant"/> names this attempt (see <see cref="ChannelPosts"/>).
    /// </summary>
    public async Task<Outcome> PublishAsync(IConnectorClient connector, long? number, IEnumerable<string> chosenIds, string claimant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(chosenIds);
        var project = number is { } n ? await projects.GetAsync(n, ct).ConfigureAwait(false) : null;
        if (project is null)
        {
            return new Outcome(Result.Unknown);
        }

        if (!CanPublish(project))
        {
            return new Outcome(Result.NotPublishable, project);
        }

        // Channel ids come from the client: only channels the bot is really installed in count.
        var chosen = chosenIds.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).ToHashSet(StringComparer.Ordinal);
        var channels = (await conversations.ActiveChannelsAsync(ct).ConfigureAwait(false)).Where(c => chosen.Contains(c.ConversationId)).ToList();
        if (channels.Count == 0)
        {
            return new Outcome(Result.NothingChosen, project);
        }

        await projects.SetStatusAsync(project.Number, [ProjectStatus.Draft, ProjectStatus.Recruiting], ProjectStatus.Recruiting, ct).ConfigureAwait(false);
        project = (await projects.GetAsync(project.Number, ct).ConfigureAwait(false))!;
        if (!CanPublish(project))
        {
            // Moved on (e.g. its team was confirmed) between the check and the update: nothing is posted.
            return new Outcome(Result.NotPublishable, project);
        }

        var model = project.ToCard(await projects.CountsAsync(project.Number, ct).ConfigureAwait(false));
        var posts = await publisher.PublishAsync(connector, project, model, channels, claimant, ct).ConfigureAwait(false);
        return new Outcome(Result.Published, project, posts);
    }

    /// <summary>A team's General channel has the team's id (and no name in Teams' list).</summary>
    private static bool IsGeneral(StoredConversation c) => c.TeamId is null || c.ConversationId == c.TeamId;

    /// <summary>"Team — Channel" as Teams shows them; the channel id only when Teams never told its name.</summary>
    private static string ChannelLabel(ProjectTexts t, StoredConversation c)
    {
        var channel = IsGeneral(c) ? t.ChannelGeneral : string.IsNullOrWhiteSpace(c.ChannelName) ? c.ConversationId : c.ChannelName;
        return string.IsNullOrWhiteSpace(c.TeamName) ? channel : $"{c.TeamName} — {channel}";
    }
}
