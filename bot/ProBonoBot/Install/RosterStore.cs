using System.Data.Common;
using Dapper;
using ProBonoBot.Storage;

namespace ProBonoBot.Install;

/// <summary>A team the bot is in, as needed to list its members and to write to them 1:1.</summary>
public sealed record RosterTeam(string TeamId, string ServiceUrl, string? TenantId, string? BotId);

/// <summary>One person in a team's roster: Entra object id, Teams id (29:…), name and tenant.</summary>
public sealed record RosterMember(string AadObjectId, string TeamsUserId, string? Name, string? TenantId);

/// <summary>
/// Team rosters (<c>team_members</c>): who is in each team the bot is in. A full listing replaces a team's roster
/// (members not listed any more are removed); membersAdded and membersRemoved change it in between. A person in two
/// teams has a row in each: whoever reads the rosters groups by Entra object id.
/// </summary>
public sealed class RosterStore(Db db, TimeProvider time)
{
    private const string Upsert =
        """
        INSERT INTO team_members (team_id, aad_object_id, teams_user_id, name, tenant_id, service_url, bot_id, seen_at)
        VALUES (@TeamId, @AadObjectId, @TeamsUserId, @Name, @TenantId, @ServiceUrl, @BotId, @Now)
        ON CONFLICT (team_id, aad_object_id) DO UPDATE SET
            teams_user_id = excluded.teams_user_id, name = COALESCE(excluded.name, team_members.name),
            tenant_id = COALESCE(excluded.tenant_id, team_members.tenant_id), service_url = excluded.service_url,
            bot_id = COALESCE(excluded.bot_id, team_members.bot_id), seen_at = excluded.seen_at
        """;

    /// <summary>Replaces the team's roster with a complete listing, in one transaction; returns how many were removed.</summary>
    public Task<int> ReplaceAsync(RosterTeam team, IReadOnlyCollection<RosterMember> members, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(members);
        return db.WriteAsync(async c =>
        {
            await using var tx = await c.BeginTransactionAsync(ct);
            var now = time.GetUtcNow();
            await UpsertAsync(c, tx, team, members, now);
            var listed = members.Select(m => m.AadObjectId).ToHashSet(StringComparer.Ordinal);
            var stored = await c.QueryAsync<string>("SELECT aad_object_id FROM team_members WHERE team_id = @TeamId", new { team.TeamId }, tx);
            var gone = stored.Where(aad => !listed.Contains(aad)).Select(aad => new { team.TeamId, aad }).ToList();

            // Row by row: a roster of thousands would exceed SQLite's parameter limit as one IN list.
            await c.ExecuteAsync("DELETE FROM team_members WHERE team_id = @TeamId AND aad_object_id = @aad", gone, tx);
            await c.ExecuteAsync(
                """
                INSERT INTO team_rosters (team_id, synced_at, members) VALUES (@TeamId, @now, @count)
                ON CONFLICT (team_id) DO UPDATE SET synced_at = excluded.synced_at, members = excluded.members
                """, new { team.TeamId, now, count = listed.Count }, tx);
            await tx.CommitAsync(ct);
            return gone.Count;
        }, ct);
    }

    /// <summary>Adds or refreshes members (Teams' membersAdded).</summary>
    public Task AddAsync(RosterTeam team, IReadOnlyCollection<RosterMember> members, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(members);
        return members.Count == 0 ? Task.CompletedTask : db.WriteAsync(async c =>
        {
            await using var tx = await c.BeginTransactionAsync(ct);
            await UpsertAsync(c, tx, team, members, time.GetUtcNow());
            await tx.CommitAsync(ct);
            return 0;
        }, ct);
    }

    /// <summary>Removes members from one team's roster (Teams' membersRemoved), by Entra object id or Teams id.</summary>
    public Task<int> RemoveAsync(string teamId, IReadOnlyCollection<(string? AadObjectId, string? TeamsUserId)> members, CancellationToken ct) =>
        members.Count == 0 ? Task.FromResult(0) : db.WriteAsync(c => c.ExecuteAsync(
            "DELETE FROM team_members WHERE team_id = @teamId AND (aad_object_id = @aad OR teams_user_id = @id)",
            members.Select(m => new { teamId, aad = m.AadObjectId ?? string.Empty, id = m.TeamsUserId ?? string.Empty })), ct);

    /// <summary>Forgets a team's roster (the bot was removed from the team, or the team deleted).</summary>
    public Task DeleteTeamAsync(string teamId, CancellationToken ct) =>
        db.WriteAsync(async c =>
        {
            await c.ExecuteAsync("DELETE FROM team_members WHERE team_id = @teamId", new { teamId });
            return await c.ExecuteAsync("DELETE FROM team_rosters WHERE team_id = @teamId", new { teamId });
        }, ct);

    /// <summary>Teams the bot is active in whose roster was not listed in full since <paramref name="before"/>.</summary>
    public Task<IReadOnlyList<RosterTeam>> StaleTeamsAsync(DateTimeOffset before, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<RosterTeam>>(async c =>
        {
            // Any active channel of the team carries its service URL, tenant and bot id; the General channel's id is the team's.
            var rows = await c.QueryAsync<(string TeamId, string ServiceUrl, string? TenantId, string? BotId, long General)>(
                """
                SELECT t.team_id, t.service_url, t.tenant_id, t.bot_id, CASE WHEN t.conversation_id = t.team_id THEN 1 ELSE 0 END
                FROM conversation_refs t
                WHERE t.conversation_type = 'channel' AND t.is_active = TRUE AND t.team_id IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM team_rosters r WHERE r.team_id = t.team_id AND r.synced_at >= @before)
                """, new { before });
            return [.. rows.GroupBy(r => r.TeamId, StringComparer.Ordinal)
                .Select(g => g.OrderByDescending(r => r.General).First())
                .Select(r => new RosterTeam(r.TeamId, r.ServiceUrl, r.TenantId, r.BotId))];
        }, ct);

    /// <summary>The members of one team's roster (Entra object ids), for tests and diagnostics.</summary>
    public Task<IReadOnlyList<string>> MembersAsync(string teamId, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<string>>(async c => [.. await c.QueryAsync<string>(
            "SELECT aad_object_id FROM team_members WHERE team_id = @teamId ORDER BY aad_object_id", new { teamId })], ct);

    private static Task<int> UpsertAsync(DbConnection c, DbTransaction tx, RosterTeam team, IEnumerable<RosterMember> members, DateTimeOffset now) =>
        c.ExecuteAsync(Upsert, members.Select(m => new
        {
            team.TeamId, m.AadObjectId, m.TeamsUserId, m.Name, TenantId = m.TenantId ?? team.TenantId, team.ServiceUrl, team.BotId, Now = now,
        }), tx);
}
