using System.Data.Common;
using Dapper;
using ProBonoBot.Storage;

namespace ProBonoBot.Outbox;

/// <summary>What became of a proactive message.</summary>
public enum DeliveryStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
    Blocked = 3,
    NotFound = 4,
    NotInstalled = 5,
    Cancelled = 6,
}

/// <summary>A proactive message: to a person (1:1, created if needed) or into a conversation.</summary>
public sealed record OutboxItem(
    string Activity,
    string? UserAad = null,
    string? UserTeamsId = null,
    string? TenantId = null,
    string? BotId = null,
    string? ConversationId = null,
    string? ServiceUrl = null);

/// <summary>A claimed outbox row.</summary>
public sealed record OutboxRow(
    long Id, string? UserAad, string? UserTeamsId, string? TenantId, string? BotId, string? ConversationId, string? ServiceUrl, string Activity, long Attempts,
    long? BroadcastId = null);

/// <summary>
/// Proactive messages waiting for delivery. Enqueue inside the caller's transaction where the message belongs
/// to a state change, so that neither is lost without the other. Workers claim rows with a lease
/// (<c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL), so several instances share the work.
/// </summary>
public sealed class OutboxStore(Db db, TimeProvider time, OutboxSignal signal, Turns.InstanceRegistry instance)
{
    private const string Insert =
        """
        INSERT INTO outbox (user_aad, user_teams_id, tenant_id, bot_id, conversation_id, service_url, activity, status, attempts, not_before, created_at)
        VALUES (@UserAad, @UserTeamsId, @TenantId, @BotId, @ConversationId, @ServiceUrl, @Activity, 0, 0, @now, @now)
        """;

    /// <summary>Enqueues within an open transaction; call <see cref="WakeSignal.Notify"/> after commit.</summary>
    public Task EnqueueAsync(DbConnection connection, DbTransaction transaction, IEnumerable<OutboxItem> items) =>
        connection.ExecuteAsync(Insert, items.Select(i => Args(i)), transaction);

    public async Task EnqueueAsync(IReadOnlyCollection<OutboxItem> items, CancellationToken ct)
    {
        await db.WriteAsync(async c =>
        {
            await using var tx = await c.BeginTransactionAsync(ct).ConfigureAwait(false);
            await EnqueueAsync(c, tx, items).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return 0;
        }, ct).ConfigureAwait(false);
        signal.Notify();
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> due rows for <paramref name="lease"/>: unclaimed ones, ones whose lease ran out,
    /// and ones held by an instance whose heartbeat is stale (it was killed), without waiting for their lease. Answers
    /// and notices go before broadcast rows: a person waiting for a reply does not wait behind a broadcast to 900.
    /// </summary>
    public async Task<IReadOnlyList<OutboxRow>> ClaimAsync(int max, TimeSpan lease, CancellationToken ct)
    {
        await instance.EnsureJoinedAsync(ct);
        return await db.WriteAsync<IReadOnlyList<OutboxRow>>(async c =>
        {
            var now = time.GetUtcNow();
            var lockClause = db.IsSqlite ? string.Empty : "FOR UPDATE SKIP LOCKED";
            var rows = await c.QueryAsync<OutboxRow>(
                $"""
                UPDATE outbox SET lease_until = @leaseUntil, claimed_by = @me
                WHERE id IN (SELECT id FROM outbox
                             WHERE status = 0 AND not_before <= @now
                               AND (lease_until IS NULL OR lease_until < @now OR (claimed_by <> @me AND {Turns.InstanceRegistry.IsGone("claimed_by")}))
                             ORDER BY CASE WHEN broadcast_id IS NULL THEN 0 ELSE 1 END, id LIMIT @max {lockClause})
                RETURNING id AS Id, user_aad AS UserAad, user_teams_id AS UserTeamsId, tenant_id AS TenantId, bot_id AS BotId,
                          conversation_id AS ConversationId, service_url AS ServiceUrl, activity AS Activity, attempts AS Attempts,
                          broadcast_id AS BroadcastId
                """, new { now, leaseUntil = now + lease, max, me = instance.Id, live = instance.LiveSince }).ConfigureAwait(false);
            return [.. rows.OrderBy(r => r.Id)];
        }, ct);
    }

    public Task CompleteAsync(long id, DeliveryStatus status, string? result, CancellationToken ct) =>
        db.WriteAsync(c => CompleteAsync(c, null, id, status, result), ct);

    /// <summary>Records the outcome within the caller's transaction (e.g. together with what the send created).</summary>
    public Task<int> CompleteAsync(DbConnection connection, DbTransaction? transaction, long id, DeliveryStatus status, string? result) =>
        connection.ExecuteAsync(
            "UPDATE outbox SET status = @status, result = @result, sent_at = @now, lease_until = NULL, claimed_by = NULL WHERE id = @id",
            new { id, status = (int)status, result, now = time.GetUtcNow() }, transaction);

    /// <summary>Records that delivering this row created the person's 1:1 chat (counted as "chats created" per broadcast).</summary>
    public Task MarkCreatedChatAsync(long id, CancellationToken ct) =>
        db.WriteAsync(c => c.ExecuteAsync("UPDATE outbox SET created_chat = TRUE WHERE id = @id", new { id }), ct);

    public Task RetryLaterAsync(long id, TimeSpan delay, string? result, CancellationToken ct) =>
        db.WriteAsync(c => c.ExecuteAsync(
            "UPDATE outbox SET attempts = attempts + 1, not_before = @notBefore, result = @result, lease_until = NULL, claimed_by = NULL WHERE id = @id",
            new { id, notBefore = time.GetUtcNow() + delay, result }), ct);

    public Task<long> CountAsync(DeliveryStatus status, CancellationToken ct) =>
        db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE status = @status", new { status = (int)status }), ct);

    private object Args(OutboxItem i) => new
    {
        i.UserAad, i.UserTeamsId, i.TenantId, i.BotId, i.ConversationId, i.ServiceUrl, i.Activity, now = time.GetUtcNow(),
    };
}

/// <summary>Wakes the outbox worker when something was enqueued.</summary>
public sealed class OutboxSignal : WakeSignal;

/// <summary>Wakes a background worker when work was queued; several notifications before it wakes count once.</summary>
public class WakeSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    public void Dispose()
    {
        _signal.Dispose();
        GC.SuppressFinalize(this);
    }
}
