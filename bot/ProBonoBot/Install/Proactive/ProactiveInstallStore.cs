using Dapper;
using ProBonoBot.Storage;

namespace ProBonoBot.Install.Proactive;

/// <summary>Group members and names as Graph listed them, and each person's installation outcome.</summary>
public sealed class ProactiveInstallStore(Db db, TimeProvider time)
{
    /// <summary>Outcomes of one installation attempt.</summary>
    public static class Statuses
    {
        public const string Installed = "installed";
        public const string Retry = "retry";
        public const string Blocked = "blocked";
        public const string Failed = "failed";
    }

    /// <summary>A group member the bot cannot write to yet.</summary>
    public sealed class Candidate
    {
        public required string Id { get; init; }

        public string? Name { get; init; }

        public int Attempts { get; init; }
    }

    /// <summary>
    /// Replaces a group's members with a complete listing (people no longer listed are removed) and records its name.
    /// </summary>
    public Task SetGroupAsync(string groupId, string? name, IReadOnlyList<(string Id, string? Name)> members, CancellationToken ct) =>
        db.WriteAsync(async c =>
        {
            await using var tx = await c.BeginTransactionAsync(ct);
            var now = time.GetUtcNow();
            await c.ExecuteAsync(
                "INSERT INTO group_members (group_id, aad_object_id, name, seen_at) VALUES (@groupId, @Id, @Name, @now) " +
                "ON CONFLICT (group_id, aad_object_id) DO UPDATE SET name = excluded.name, seen_at = excluded.seen_at",
                members.DistinctBy(m => m.Id).Select(m => new { groupId, m.Id, m.Name, now }), tx);
            await c.ExecuteAsync("DELETE FROM group_members WHERE group_id = @groupId AND seen_at < @now", new { groupId, now }, tx);
            await c.ExecuteAsync(
                "INSERT INTO entra_groups (group_id, name, synced_at) VALUES (@groupId, @name, @now) " +
                "ON CONFLICT (group_id) DO UPDATE SET name = COALESCE(excluded.name, entra_groups.name), synced_at = excluded.synced_at",
                new { groupId, name, now }, tx);
            await tx.CommitAsync(ct);
            return 0;
        }, ct);

    /// <summary>Forgets groups that are no longer configured (their members are no longer an audience).</summary>
    public Task ForgetOtherGroupsAsync(IReadOnlyList<string> configured, CancellationToken ct) =>
        db.WriteAsync(async c =>
        {
            var ids = configured.ToArray();
            await c.ExecuteAsync($"DELETE FROM group_members WHERE NOT {db.In("group_id", "ids")}", new { ids });
            return await c.ExecuteAsync($"DELETE FROM entra_groups WHERE NOT {db.In("group_id", "ids")}", new { ids });
        }, ct);

    /// <summary>The stored names of groups (id → name; a group not listed yet is missing).</summary>
    public Task<IReadOnlyDictionary<string, string?>> GroupNamesAsync(CancellationToken ct) =>
        db.ReadAsync<IReadOnlyDictionary<string, string?>>(async c =>
            (await c.QueryAsync<(string Id, string? Name)>("SELECT group_id, name FROM entra_groups")).ToDictionary(g => g.Id, g => g.Name, StringComparer.Ordinal), ct);

    /// <summary>
    /// Group members due an installation attempt: no personal chat reference at all (someone who removed the bot is
    /// not installed for again), in no roster of a team the bot is in, and not installed, blocked or failed before
    /// (a passing failure waits for its time).
    /// </summary>
    public Task<IReadOnlyList<Candidate>> DueAsync(int limit, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<Candidate>>(async c => [.. await c.QueryAsync<Candidate>(
            """
            SELECT g.aad_object_id AS Id, MAX(g.name) AS Name, COALESCE(MAX(p.attempts), 0) AS Attempts
            FROM group_members g LEFT JOIN proactive_installs p ON p.aad_object_id = g.aad_object_id
            WHERE (p.aad_object_id IS NULL OR (p.status = 'retry' AND p.next_attempt_at <= @now))
            AND NOT EXISTS (SELECT 1 FROM conversation_refs r WHERE r.user_aad_object_id = g.aad_object_id AND r.conversation_type = 'personal')
            AND NOT EXISTS (SELECT 1 FROM team_members m WHERE m.aad_object_id = g.aad_object_id
                AND EXISTS (SELECT 1 FROM conversation_refs t WHERE t.team_id = m.team_id AND t.conversation_type = 'channel' AND t.is_active = TRUE))
            GROUP BY g.aad_object_id
            ORDER BY g.aad_object_id
            LIMIT @limit
            """, new { now = time.GetUtcNow(), limit })], ct);

    /// <summary>When the earliest passing failure is due again (null: none waits).</summary>
    public Task<DateTimeOffset?> NextRetryAsync(CancellationToken ct) =>
        db.ReadAsync(c => c.ExecuteScalarAsync<DateTimeOffset?>(
            "SELECT MIN(next_attempt_at) FROM proactive_installs WHERE status = 'retry'"), ct);

    /// <summary>Records a person's outcome.</summary>
    public Task RecordAsync(string id, string status, string? detail, int attempts, string? chatId, DateTimeOffset? nextAttemptAt, CancellationToken ct) =>
        db.WriteAsync(c => c.ExecuteAsync(
            """
            INSERT INTO proactive_installs (aad_object_id, status, detail, attempts, chat_id, next_attempt_at, updated_at)
            VALUES (@id, @status, @detail, @attempts, @chatId, @nextAttemptAt, @now)
            ON CONFLICT (aad_object_id) DO UPDATE SET status = excluded.status, detail = excluded.detail, attempts = excluded.attempts,
                chat_id = excluded.chat_id, next_attempt_at = excluded.next_attempt_at, updated_at = excluded.updated_at
            """, new { id, status, detail, attempts, chatId, nextAttemptAt, now = time.GetUtcNow() }), ct);

    /// <summary>The service URL of the tenant's most recent active conversation, if any.</summary>
    public Task<string?> LearnedServiceUrlAsync(string? tenantId, CancellationToken ct) =>
        db.ReadAsync(c => c.QueryFirstOrDefaultAsync<string?>(
            "SELECT service_url FROM conversation_refs WHERE is_active = TRUE AND (@tenantId IS NULL OR tenant_id = @tenantId) ORDER BY updated_at DESC",
            new { tenantId }), ct);
}
