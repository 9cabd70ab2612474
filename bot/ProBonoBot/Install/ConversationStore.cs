using System.Collections.Concurrent;
using Dapper;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Storage;

namespace ProBonoBot.Install;

/// <summary>
/// Stores conversation references. Refreshing on every message skips the write when nothing changed
/// since this process last wrote the row (the row itself is always the truth).
/// </summary>
public sealed class ConversationStore(Db db, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ConversationReference> _lastWritten = new(StringComparer.Ordinal);

    private const string Columns =
        "conversation_id, conversation_type, service_url, channel_id, tenant_id, bot_id, user_id, user_aad_object_id, user_name, " +
        "team_id, team_name, team_aad_group_id, teams_channel_id, channel_name, locale, is_active, installed_at, updated_at";

    private const string Values =
        "@ConversationId, @ConversationType, @ServiceUrl, @ChannelId, @TenantId, @BotId, @UserId, @UserAadObjectId, @UserName, " +
        "@TeamId, @TeamName, @TeamAadGroupId, @TeamsChannelId, @ChannelName, @Locale, TRUE, @Now, @Now";

    private const string RefreshSet =
        "conversation_type = @ConversationType, service_url = @ServiceUrl, channel_id = @ChannelId, " +
        "tenant_id = COALESCE(@TenantId, conversation_refs.tenant_id), bot_id = COALESCE(@BotId, conversation_refs.bot_id), " +
        "user_id = COALESCE(@UserId, conversation_refs.user_id), user_aad_object_id = COALESCE(@UserAadObjectId, conversation_refs.user_aad_object_id), " +
        "user_name = COALESCE(@UserName, conversation_refs.user_name), team_id = COALESCE(@TeamId, conversation_refs.team_id), " +
        "team_name = COALESCE(@TeamName, conversation_refs.team_name), team_aad_group_id = COALESCE(@TeamAadGroupId, conversation_refs.team_aad_group_id), " +
        "teams_channel_id = COALESCE(@TeamsChannelId, conversation_refs.teams_channel_id), channel_name = COALESCE(@ChannelName, conversation_refs.channel_name), locale = COALESCE(@Locale, conversation_refs.locale), " +
        "updated_at = @Now";

    /// <summary>Records an install; true when the bot was not active there before (so a welcome is due).</summary>
    public async Task<bool> ActivateAsync(ConversationReference reference, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var args = Args(reference);
        var activated = await db.WriteAsync(async c =>
        {
            if (await c.ExecuteAsync($"INSERT INTO conversation_refs ({Columns}) VALUES ({Values}) ON CONFLICT (conversation_id) DO NOTHING", args)
                .ConfigureAwait(false) == 1)
            {
                return true;
            }

            var reactivated = await c.ExecuteAsync(
                $"UPDATE conversation_refs SET {RefreshSet}, is_active = TRUE, installed_at = @Now, uninstalled_at = NULL " +
                "WHERE conversation_id = @ConversationId AND is_active = FALSE", args).ConfigureAwait(false) == 1;
            if (!reactivated)
            {
                await c.ExecuteAsync($"UPDATE conversation_refs SET {RefreshSet} WHERE conversation_id = @ConversationId", args).ConfigureAwait(false);
            }

            return reactivated;
        }, ct).ConfigureAwait(false);
        _lastWritten[reference.ConversationId] = reference;
        return activated;
    }

    /// <summary>Marks the conversation inactive (the bot was uninstalled or removed).</summary>
    public async Task DeactivateAsync(string conversationId, CancellationToken ct)
    {
        _lastWritten.TryRemove(conversationId, out _);
        await db.WriteAsync(c => c.ExecuteAsync(
            "UPDATE conversation_refs SET is_active = FALSE, uninstalled_at = @now, updated_at = @now WHERE conversation_id = @conversationId",
            new { conversationId, now = time.GetUtcNow() }), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Records that the bot may not start a 1:1 chat with a person (Teams refused to create it: the app is blocked for them
    /// or not allowed in their tenant): an inactive personal reference with no chat behind it. Rosters do not offer a
    /// person with a personal reference, so later broadcasts do not try again; when they open the bot themselves their
    /// real chat is stored, active, and reaches them.
    /// </summary>
    public Task MarkUnreachableAsync(string aadObjectId, string? userId, string serviceUrl, string? tenantId, string? botId, CancellationToken ct) =>
        db.WriteAsync(c => c.ExecuteAsync(
            $"INSERT INTO conversation_refs ({Columns}) VALUES ({Values.Replace("TRUE, @Now, @Now", "FALSE, @Now, @Now", StringComparison.Ordinal)}) " +
            "ON CONFLICT (conversation_id) DO NOTHING",
            Args(new ConversationReference(UnreachablePrefix + aadObjectId, ConversationTypes.Personal, serviceUrl, "msteams", tenantId, botId,
                userId, aadObjectId, null, null, null, null, null, null))), ct);

    /// <summary>The id of the stand-in reference <see cref="MarkUnreachableAsync"/> stores (no Teams conversation has it).</summary>
    public const string UnreachablePrefix = "unreachable:";

    /// <summary>Keeps the reference current on every message (service URLs and names change).</summary>
    public async Task RefreshAsync(ConversationReference reference, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (_lastWritten.TryGetValue(reference.ConversationId, out var last) && last == reference)
        {
            return;
        }

        await db.WriteAsync(c => c.ExecuteAsync(
            $"INSERT INTO conversation_refs ({Columns}) VALUES ({Values}) ON CONFLICT (conversation_id) DO UPDATE SET {RefreshSet}, is_active = TRUE",
            Args(reference)), ct).ConfigureAwait(false);
        _lastWritten[reference.ConversationId] = reference;
    }

    public Task<StoredConversation?> GetAsync(string conversationId, CancellationToken ct) =>
        db.ReadAsync(c => c.QuerySingleOrDefaultAsync<StoredConversation>(
            $"SELECT {Select} FROM conversation_refs WHERE conversation_id = @conversationId", new { conversationId }), ct);

    /// <summary>The active 1:1 conversation with a person, if the bot is installed for them.</summary>
    public Task<StoredConversation?> FindPersonalAsync(string aadObjectId, CancellationToken ct) =>
        db.ReadAsync(c => c.QueryFirstOrDefaultAsync<StoredConversation>(
            $"SELECT {Select} FROM conversation_refs WHERE user_aad_object_id = @aadObjectId AND conversation_type = 'personal' AND is_active = TRUE " +
            "ORDER BY updated_at DESC", new { aadObjectId }), ct);

    /// <summary>Team channels the bot is installed in (where projects can be published).</summary>
    public Task<IReadOnlyList<StoredConversation>> ActiveChannelsAsync(CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<StoredConversation>>(async c => [.. await c.QueryAsync<StoredConversation>(
            $"SELECT {Select} FROM conversation_refs WHERE conversation_type = 'channel' AND is_active = TRUE ORDER BY team_name, conversation_id")
            .ConfigureAwait(false)], ct);

    /// <summary>
    /// Records a team's channels as Teams lists them: each one can be posted to (a bot installed in a team may post in
    /// any of its channels); a channel of the team missing from the list was deleted and is no longer offered.
    /// </summary>
    public async Task SetTeamChannelsAsync(ConversationReference team, IReadOnlyList<(string Id, string? Name)> channels, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(channels);
        foreach (var (id, name) in channels)
        {
            await RefreshAsync(team with { ConversationId = id, TeamsChannelId = id, ChannelName = name, Locale = null }, ct).ConfigureAwait(false);
        }

        var ids = channels.Select(c => c.Id).ToArray();
        var gone = await db.WriteAsync(c => c.QueryAsync<string>(
            $"UPDATE conversation_refs SET is_active = FALSE, uninstalled_at = @now, updated_at = @now " +
            $"WHERE team_id = @teamId AND conversation_type = 'channel' AND is_active = TRUE AND NOT {db.In("conversation_id", "ids")} RETURNING conversation_id",
            new { teamId = team.TeamId, ids, now = time.GetUtcNow() }), ct).ConfigureAwait(false);
        foreach (var id in gone)
        {
            _lastWritten.TryRemove(id, out _);
        }
    }

    /// <summary>Marks every conversation of a team inactive (the bot was removed, or the team deleted or archived).</summary>
    public async Task DeactivateTeamAsync(string teamId, CancellationToken ct)
    {
        await db.WriteAsync(c => c.ExecuteAsync(
            "UPDATE conversation_refs SET is_active = FALSE, uninstalled_at = @now, updated_at = @now WHERE team_id = @teamId AND is_active = TRUE",
            new { teamId, now = time.GetUtcNow() }), ct).ConfigureAwait(false);
        _lastWritten.Clear();
    }

    /// <summary>Renames a team in every reference of it (Teams' teamRenamed event).</summary>
    public async Task RenameTeamAsync(string teamId, string name, CancellationToken ct)
    {
        await db.WriteAsync(c => c.ExecuteAsync(
            "UPDATE conversation_refs SET team_name = @name, updated_at = @now WHERE team_id = @teamId",
            new { teamId, name, now = time.GetUtcNow() }), ct).ConfigureAwait(false);
        _lastWritten.Clear();
    }

    private const string Select =
        "conversation_id AS ConversationId, conversation_type AS ConversationType, service_url AS ServiceUrl, channel_id AS ChannelId, " +
        "tenant_id AS TenantId, bot_id AS BotId, user_id AS UserId, user_aad_object_id AS UserAadObjectId, user_name AS UserName, " +
        "team_id AS TeamId, team_name AS TeamName, teams_channel_id AS TeamsChannelId, channel_name AS ChannelName, locale AS Locale, is_active AS IsActive";

    private object Args(ConversationReference r) => new
    {
        r.ConversationId, r.ConversationType, r.ServiceUrl, r.ChannelId, r.TenantId, r.BotId, r.UserId, r.UserAadObjectId,
        r.UserName, r.TeamId, r.TeamName, r.TeamAadGroupId, r.TeamsChannelId, r.ChannelName, r.Locale, Now = time.GetUtcNow(),
    };
}

/// <summary>A stored conversation reference as read back.</summary>
public sealed class StoredConversation
{
    public required string ConversationId { get; init; }
    public required string ConversationType { get; init; }
    public required string ServiceUrl { get; init; }
    public required string ChannelId { get; init; }
    public string? TenantId { get; init; }
    public string? BotId { get; init; }
    public string? UserId { get; init; }
    public string? UserAadObjectId { get; init; }
    public string? UserName { get; init; }
    public string? TeamId { get; init; }
    public string? TeamName { get; init; }
    public string? TeamsChannelId { get; init; }
    public string? ChannelName { get; init; }
    public string? Locale { get; init; }
    public bool IsActive { get; init; }
}
