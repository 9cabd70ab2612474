using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Connector;

namespace ProBonoBot.Install;

/// <summary>
/// Keeps the rosters of the teams the bot is in: a full listing (<c>GET v3/conversations/{teamId}/pagedmembers</c>,
/// following <c>continuationToken</c> to the last page) replaces a team's roster, and only a complete one does — a page
/// that fails changes nothing. Teams' membersAdded / membersRemoved events change it in between.
/// </summary>
public sealed class Rosters(RosterStore store, IConnectorClient connector, IOptions<RosterOptions> options, ILogger<Rosters> logger)
{
    // A team has at most 25,000 members: 500 pages of 50 is far beyond any real listing, and stops a connector that
    // keeps answering with a continuation token.
    private const int MaxPages = 500;
    private readonly ConcurrentDictionary<string, byte> _listing = new(StringComparer.Ordinal);

    /// <summary>Lists the team's members in full and replaces its roster; false when Teams did not give a complete list.</summary>
    public async Task<bool> SyncAsync(RosterTeam team, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(team);
        if (!_listing.TryAdd(team.TeamId, 0))
        {
            return false; // Already being listed (install events come in pairs).
        }

        try
        {
            var members = await ListAsync(team, ct);
            if (members is null)
            {
                return false;
            }

            var removed = await store.ReplaceAsync(team, members, ct);
            Log.RosterListed(logger, members.Count, removed);
            return true;
        }
        finally
        {
            _listing.TryRemove(team.TeamId, out _);
        }
    }

    private async Task<IReadOnlyCollection<RosterMember>?> ListAsync(RosterTeam team, CancellationToken ct)
    {
        var members = new Dictionary<string, RosterMember>(StringComparer.Ordinal);
        string? token = null;
        for (var page = 0; page < MaxPages; page++)
        {
            PagedMembersResult result;
            try
            {
                result = await connector.GetPagedMembersAsync(team.ServiceUrl, team.TeamId, options.Value.PageSize, token, ct);
            }
            catch (Exception ex) when (ex is ConnectorException or HttpRequestException)
            {
                Log.RosterUnavailable(logger, (ex as ConnectorException)?.StatusCode ?? 0, (ex as ConnectorException)?.ErrorCode ?? ex.GetType().Name, page);
                return null;
            }

            foreach (var m in result.Members ?? [])
            {
                if (ToMember(m.Id, m.AadObjectId, m.Name, m.TenantId) is { } member)
                {
                    members[member.AadObjectId] = member;
                }
            }

            if (string.IsNullOrEmpty(result.ContinuationToken))
            {
                // Every team has at least its owner: an empty listing is not a roster to act on.
                return members.Count > 0 ? members.Values : null;
            }

            if (result.ContinuationToken == token)
            {
                break;
            }

            token = result.ContinuationToken;
        }

        Log.RosterUnavailable(logger, 0, "EndlessPaging", MaxPages);
        return null;
    }

    /// <summary>Applies Teams' membersAdded / membersRemoved in a team (the bot itself is not a member of its own roster).</summary>
    public async Task MembersChangedAsync(Activity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ChannelData?.Team?.Id is not { Length: > 0 } teamId || string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            return;
        }

        var team = new RosterTeam(teamId, activity.ServiceUrl, activity.GetTenantId(), activity.Recipient?.Id);
        var added = new List<RosterMember>();
        foreach (var m in (activity.MembersAdded ?? []).Where(m => !IsBot(m.Id, activity)))
        {
            if (ToMember(m.Id, m.AadObjectId, m.Name, null) is { } member)
            {
                added.Add(member);
            }
            else if (m.Id is { Length: > 0 } id && await LookUpAsync(team, id, ct) is { } looked)
            {
                // Some events name a member by Teams id only: ask Teams for their Entra object id.
                added.Add(looked);
            }
        }

        await store.AddAsync(team, added, ct);
        var removed = (activity.MembersRemoved ?? []).Where(m => !IsBot(m.Id, activity)).Select(m => (m.AadObjectId, m.Id)).ToList();
        await store.RemoveAsync(teamId, removed, ct);
    }

    private async Task<RosterMember?> LookUpAsync(RosterTeam team, string id, CancellationToken ct)
    {
        try
        {
            var m = await connector.GetMemberAsync(team.ServiceUrl, team.TeamId, id, ct);
            return ToMember(m.Id, m.AadObjectId, m.Name, m.TenantId);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException)
        {
            Log.RosterUnavailable(logger, (ex as ConnectorException)?.StatusCode ?? 0, "MemberLookup", 0);
            return null;
        }
    }

    // Bots (28:…) are not people to write to; a member without an Entra object id cannot be told apart across teams.
    // Ids longer than any Teams or Entra id are not a member; a display name is kept to what Teams allows (256).
    private static RosterMember? ToMember(string? id, string? aad, string? name, string? tenant) =>
        id is { Length: > 0 and <= 256 } && aad is { Length: > 0 and <= 128 } && !id.StartsWith("28:", StringComparison.Ordinal)
            ? new RosterMember(aad, id, name is null ? null : Cards.Json.TextCut.Cut(name, 256), tenant is { Length: > 128 } ? null : tenant)
            : null;

    private static bool IsBot(string? id, Activity activity) =>
        id is null || id == activity.Recipient?.Id || id.StartsWith("28:", StringComparison.Ordinal);
}
