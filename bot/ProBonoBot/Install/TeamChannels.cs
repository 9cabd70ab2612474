using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Connector;

namespace ProBonoBot.Install;

/// <summary>
/// Learns every channel of the teams the bot is in, so a project can be published to any of them, not only to the
/// General channel the bot was installed in: Teams' list of a team's channels (<c>GET /v3/teams/{id}/conversations</c>)
/// is read at install and whenever a leader publishes. When the list is not available (the connector refuses or is
/// down) the channels known so far (install, channel events, messages in channels) are offered instead.
/// </summary>
public sealed class TeamChannels(ConversationStore conversations, ILogger<TeamChannels> logger)
{
    /// <summary>Reads the team's channels and records them; false when Teams did not answer with the list.</summary>
    public async Task<bool> SyncAsync(IConnectorClient connector, ConversationReference team, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(team);
        if (team.TeamId is not { Length: > 0 } teamId)
        {
            return false;
        }

        ConversationList list;
        try
        {
            list = await connector.GetTeamChannelsAsync(team.ServiceUrl, teamId, ct);
        }
        catch (ConnectorException ex)
        {
            Log.TeamChannelsUnavailable(logger, ex.StatusCode, ex.ErrorCode ?? "-");
            return false;
        }
        catch (HttpRequestException ex)
        {
            Log.TeamChannelsUnavailable(logger, 0, ex.GetType().Name);
            return false;
        }

        var channels = (list.Conversations ?? []).Where(c => c.Id is { Length: > 0 }).Select(c => (c.Id!, c.Name)).ToList();
        if (channels.Count == 0)
        {
            // Every team has its General channel: an empty answer is not a list to act on.
            return false;
        }

        await conversations.SetTeamChannelsAsync(team with { ConversationType = ConversationTypes.Channel, UserId = null, UserAadObjectId = null, UserName = null }, channels, ct);
        return true;
    }

    /// <summary>Syncs every team that has an active channel (one request per team).</summary>
    public async Task SyncAllAsync(IConnectorClient connector, CancellationToken ct)
    {
        var known = await conversations.ActiveChannelsAsync(ct);
        foreach (var team in known.Where(c => c.TeamId is { Length: > 0 }).GroupBy(c => c.TeamId!))
        {
            // The General channel's reference carries the team's service URL, tenant and bot id.
            var any = team.FirstOrDefault(c => c.ConversationId == team.Key) ?? team.First();
            await SyncAsync(connector, new ConversationReference(any.ConversationId, ConversationTypes.Channel, any.ServiceUrl, any.ChannelId,
                any.TenantId, any.BotId, null, null, null, team.Key, any.TeamName, null, null, null), ct);
        }
    }
}
