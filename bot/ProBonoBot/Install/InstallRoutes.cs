using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Welcome;
using ProBonoBot.Hosting;
using ProBonoBot.People;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Routing;

namespace ProBonoBot.Install;

/// <summary>
/// Install and uninstall in 1:1 chats, group chats and teams: the conversation reference is stored (or
/// marked inactive) and a welcome card is sent once per install, even though Teams announces an install
/// with both installationUpdate and conversationUpdate. Every message refreshes the reference and the sender's time
/// zone. In a team, every channel is recorded (see <see cref="TeamChannels"/>) and kept current through Teams' channel
/// and team events. A team's roster is listed after install (see <see cref="RosterWorker"/>), follows membersAdded and
/// membersRemoved, and is forgotten when the bot is removed from the team.
/// </summary>
public sealed class InstallRoutes(ConversationStore conversations, TeamChannels teamChannels, LanguageResolver languages, PersonTimeZones timeZones,
    Rosters rosters, RosterStore rosterStore, RosterWorker rosterWorker, Profiles.ProfileStore profiles) : IRouteModule
{
    public void Register(Router router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.OnInstalled(InstalledAsync);
        router.OnUninstalled(async (turn, ct) =>
        {
            if (turn.Activity.Conversation?.Id is { } id)
            {
                await conversations.DeactivateAsync(ConversationReference.BaseConversationId(id), ct).ConfigureAwait(false);
            }

            if (turn.Activity.ChannelData?.Team?.Id is { Length: > 0 } teamId)
            {
                // Removed from a team: none of its channels can be posted to any more, and its members are not the bot's to write to.
                await conversations.DeactivateTeamAsync(teamId, ct);
                await rosterStore.DeleteTeamAsync(teamId, ct);
            }
        });
        router.OnConversationUpdate(ChannelEventAsync);
        router.OnEveryMessage(async (turn, ct) =>
        {
            if (ConversationReference.From(turn.Activity) is { } reference)
            {
                await conversations.RefreshAsync(reference, ct).ConfigureAwait(false);
            }

            await timeZones.RecordAsync(turn, ct).ConfigureAwait(false);
        });
    }

    private async Task InstalledAsync(TurnContext turn, CancellationToken ct)
    {
        if (ConversationReference.From(turn.Activity) is not { } reference)
        {
            return;
        }

        if (!await conversations.ActivateAsync(reference, ct).ConfigureAwait(false))
        {
            await RosterAsync(turn, reference, ct);
            return;
        }

        var language = await languages.ResolveAsync(turn, ct).ConfigureAwait(false);
        var inChannel = reference.ConversationType == ConversationTypes.Channel;
        var name = inChannel ? reference.TeamName : reference.ConversationType == ConversationTypes.Personal ? turn.Activity.From?.Name : null;
        // The short profile question rides on the first 1:1 welcome only: asked once (remembered), never again.
        var askProfile = reference.ConversationType == ConversationTypes.Personal && turn.Person() is { } person
            && await profiles.MarkAskedAsync(person.Aad, person.Name, ct);
        var welcome = Activity.WithAdaptiveCard(WelcomeCard.Build(language, name, inChannel, askProfile ? Profiles.ProfileChoices.For(language) : null));

        // Post into the channel itself, not into the thread of the install event.
        welcome.Conversation = new ConversationAccount
        {
            Id = reference.ConversationId,
            ConversationType = reference.ConversationType,
            TenantId = reference.TenantId,
        };
        await turn.SendAsync(welcome, ct).ConfigureAwait(false);
        if (inChannel)
        {
            await teamChannels.SyncAsync(turn.Connector, reference, ct);
        }

        await RosterAsync(turn, reference, ct);
    }

    /// <summary>A team's roster is listed after every install event there (in the background: a team may have thousands of members).</summary>
    private async Task RosterAsync(TurnContext turn, ConversationReference reference, CancellationToken ct)
    {
        if (reference.TeamId is not { Length: > 0 } teamId)
        {
            return;
        }

        rosterWorker.Request(new RosterTeam(teamId, reference.ServiceUrl, reference.TenantId, reference.BotId));
        if (turn.Activity.MembersAdded?.Count > 1)
        {
            // People added with the bot (a new team created with it) count as members at once.
            await rosters.MembersChangedAsync(turn.Activity, ct);
        }
    }

    /// <summary>Teams' channel and team events: the channels a project can be published to follow them.</summary>
    private async Task ChannelEventAsync(TurnContext turn, CancellationToken ct)
    {
        var data = turn.Activity.ChannelData;
        if (ConversationReference.From(turn.Activity) is not { TeamId.Length: > 0 } team || data is null)
        {
            return;
        }

        if (turn.Activity.MembersAdded is { Count: > 0 } || turn.Activity.MembersRemoved is { Count: > 0 })
        {
            await rosters.MembersChangedAsync(turn.Activity, ct);
        }

        switch (data.EventType)
        {
            case "channelCreated" or "channelRenamed" or "channelRestored" when data.Channel?.Id is { Length: > 0 } channelId:
                await conversations.RefreshAsync(team with
                {
                    ConversationId = channelId,
                    ConversationType = ConversationTypes.Channel,
                    TeamsChannelId = channelId,
                    ChannelName = data.Channel.Name,
                    UserId = null,
                    UserAadObjectId = null,
                    UserName = null,
                }, ct);
                break;
            case "channelDeleted" when data.Channel?.Id is { Length: > 0 } channelId:
                await conversations.DeactivateAsync(channelId, ct);
                break;
            case "teamRenamed" when data.Team?.Name is { Length: > 0 } name:
                await conversations.RenameTeamAsync(team.TeamId, name, ct);
                break;
            case "teamDeleted" or "teamArchived":
                await conversations.DeactivateTeamAsync(team.TeamId, ct);
                if (data.EventType == "teamDeleted")
                {
                    await rosterStore.DeleteTeamAsync(team.TeamId, ct);
                }

                break;
        }
    }
}
