using ProBonoBot.Cards.Projects;
using ProBonoBot.Install;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Connector;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.Projects;

/// <summary>
/// Posts a project's announcement into the chosen channels, once per project and channel: a channel that holds
/// the project (or is being posted to by another click or instance) is left alone, and its card stays live.
/// </summary>
public sealed class ChannelPublisher(ChannelPosts posts)
{
    /// <summary>
    /// Posts where this <paramref name="claimant"/> wins the channel's claim (<see cref="ChannelPosts.TurnClaimant"/>:
    /// a replay of the same activity may finish its own post).
    /// </summary>
    public async Task<PublishOutcome> PublishAsync(IConnectorClient connector, Project project, ProjectCardModel model,
        IReadOnlyList<StoredConversation> channels, string claimant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(channels);
        var (posted, already, failed) = (0, 0, 0);
        foreach (var channel in channels)
        {
            switch (await posts.ClaimAsync(project.Number, channel.ConversationId, claimant, ct))
            {
                case ChannelClaim.Held:
                    already++;
                    continue;
                case ChannelClaim.PostedByUs:
                    posted++;
                    continue;
            }

            try
            {
                var announcement = Activity.WithAdaptiveCard(AnnouncementCard.Build(project.ChannelText, model, ViewerState.Nobody));
                announcement.Conversation = new ConversationAccount { Id = channel.ConversationId };
                var sent = await connector.SendToConversationAsync(channel.ServiceUrl, channel.ConversationId, announcement, ct);
                if (sent.Id is { } activityId)
                {
                    await posts.RecordPostedAsync(project.Number, channel.ConversationId, claimant, activityId, channel.ServiceUrl, project.CardVersion, ct);
                }

                posted++;
            }
            catch (ConnectorException)
            {
                // Nothing was posted: free the channel so that publishing again can post it.
                await posts.ReleaseAsync(project.Number, channel.ConversationId, claimant, ct);
                failed++;
            }
        }

        return new PublishOutcome(posted, already, failed);
    }
}

/// <summary>How a Publish went: channels posted now, channels that already held the project, failures.</summary>
public sealed record PublishOutcome(int Posted, int AlreadyThere, int Failed)
{
    /// <summary>The leader's answer: "Published" only when something was posted now.</summary>
    public string Message(ProjectTexts t, long number)
    {
        ArgumentNullException.ThrowIfNull(t);
        var parts = new List<string>();
        if (Posted > 0 || AlreadyThere == 0)
        {
            parts.Add(F(t.Published, number, Posted));
        }

        if (AlreadyThere > 0)
        {
            parts.Add(F(t.AlreadyPosted, number, AlreadyThere));
        }

        if (Failed > 0)
        {
            parts.Add(F(t.PublishFailed, Failed));
        }

        return string.Join(" ", parts);
    }
}
