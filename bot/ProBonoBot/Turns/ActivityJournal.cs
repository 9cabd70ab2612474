using Dapper;
using ProBonoBot.Storage;

namespace ProBonoBot.Turns;

/// <summary>
/// The durable record of inbound activities. Inserting an activity is also its de-duplication: a
/// redelivered <c>activity.id</c> in the same conversation finds its row and is not handled again. Bodies
/// of pending activities survive a restart and are replayed.
/// </summary>
public sealed class ActivityJournal(Db db, TimeProvider time, InstanceRegistry instance)
{
    /// <summary>Status values stored in <c>activity_journal.status</c>.</summary>
    public enum Status
    {
        Pending = 0,
        Done = 1,
        Failed = 2,
        Expired = 3,
        Parked = 4,
    }

    /// <summary>Records a new activity; false when it was already recorded (a redelivery).</summary>
    public async Task<bool> TryRecordAsync(string conversationId, string activityId, string type, string? body, CancellationToken ct)
    {
        await instance.EnsureJoinedAsync(ct);
        return await db.WriteAsync(async c => await c.ExecuteAsync(
            """
            INSERT INTO activity_journal (conversation_id, activity_id, activity_type, received_at, status, body, instance_id, attempts)
            VALUES (@conversationId, @activityId, @type, @now, 0, @body, @instance, 1)
            ON CONFLICT (conversation_id, activity_id) DO NOTHING
            """,
            new { conversationId, activityId, type, now = time.GetUtcNow(), body, instance = instance.Id }).ConfigureAwait(false) == 1, ct);
    }

    /// <summary>Forgets an activity that was recorded but could not be queued, so that its redelivery is accepted.</summary>
    public Task ForgetAsync(string conversationId, string activityId, CancellationToken ct) =>
        db.WriteAsync(c => c.ExecuteAsync(
            "DELETE FROM activity_journal WHERE conversation_id = @conversationId AND activity_id = @activityId AND status = 0",
            new { conversationId, activityId }), ct);

    /// <summary>The stored answer to an invoke that was already handled, if any.</summary>
    public Task<string?> GetInvokeResponseAsync(string conversationId, string activityId, CancellationToken ct) =>
        db.ReadAsync(c => c.QuerySingleOrDefaultAsync<string?>(
            "SELECT invoke_response FROM activity_journal WHERE conversation_id = @conversationId AND activity_id = @activityId",
            new { conversationId, activityId }), ct);

    /// <summary>Marks an invoke handled and keeps its answer for redeliveries.</summary>
    public Task CompleteInvokeAsync(string conversationId, string activityId, string response, CancellationToken ct) =>
        db.WriteAsync(c => c.ExecuteAsync(
            """
            UPDATE activity_journal SET status = 1, body = NULL, invoke_response = @response
            WHERE conversation_id = @conversationId AND activity_id = @activityId
            """,
            new { conversationId, activityId, response }), ct);

    /// <summary>Marks many handled turns at once (one transaction).</summary>
    public Task CompleteAsync(IReadOnlyCollection<(string ConversationId, string ActivityId, Status Status)> turns, CancellationToken ct) =>
        db.WriteAsync(async c =>
        {
            if (!db.IsSqlite)
            {
                // One statement, one round trip: a batch written row by row lags the answers it records by seconds on a
                // loaded server, and every turn answered but not yet marked done is replayed after a crash.
                await c.ExecuteAsync(
                    """
                    UPDATE activity_journal j SET status = v.s, body = NULL
                    FROM unnest(@conversations, @activities, @statuses) AS v(c, a, s)
                    WHERE j.conversation_id = v.c AND j.activity_id = v.a
                    """,
                    new
                    {
                        conversations = turns.Select(t => t.ConversationId).ToArray(),
                        activities = turns.Select(t => t.ActivityId).ToArray(),
                        statuses = turns.Select(t => (int)t.Status).ToArray(),
                    }).ConfigureAwait(false);
                return 0;
            }

            await using var tx = await c.BeginTransactionAsync(ct).ConfigureAwait(false);
            await c.ExecuteAsync(
                "UPDATE activity_journal SET status = @Status, body = NULL WHERE conversation_id = @ConversationId AND activity_id = @ActivityId",
                turns.Select(t => new { t.ConversationId, t.ActivityId, Status = (int)t.Status }), tx).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return 0;
        }, ct);

    /// <summary>
    /// Takes over the unfinished activities of instances that are gone (after a restart, this process's predecessor;
    /// with <paramref name="everyone"/>, of any other instance — SQLite runs one instance). Each is counted as one more
    /// attempt; one started <paramref name="maxAttempts"/> times already is parked instead (a turn that kills the
    /// process must not be replayed forever). Activities older than the replay window expire.
    /// </summary>
    public Task<AdoptedActivities> AdoptAsync(bool everyone, TimeSpan replayWindow, int maxAttempts, CancellationToken ct) =>
        db.WriteAsync(async c =>
        {
            var now = time.GetUtcNow();
            await using var tx = await c.BeginTransactionAsync(ct).ConfigureAwait(false);
            await c.ExecuteAsync(
                "UPDATE activity_journal SET status = 3, body = NULL WHERE status = 0 AND received_at < @cutoff", new { cutoff = now - replayWindow }, tx)
                .ConfigureAwait(false);
            var gone = everyone ? "(instance_id IS NULL OR instance_id <> @me)" : InstanceRegistry.IsGone("instance_id");
            var lockClause = db.IsSqlite ? string.Empty : "FOR UPDATE SKIP LOCKED";
            var rows = (await c.QueryAsync<PendingActivity>(
                $"""
                SELECT conversation_id AS ConversationId, activity_id AS ActivityId, activity_type AS ActivityType,
                       body AS Body, attempts AS Attempts
                FROM activity_journal
                WHERE status = 0 AND body IS NOT NULL AND {gone} ORDER BY received_at LIMIT 10000 {lockClause}
                """, new { me = instance.Id, live = instance.LiveSince }, tx).ConfigureAwait(false)).Select(r => r with { Attempts = r.Attempts + 1 }).ToList();
            await c.ExecuteAsync(
                """
                UPDATE activity_journal SET instance_id = @me, attempts = @Attempts
                WHERE conversation_id = @ConversationId AND activity_id = @ActivityId
                """, rows.Select(r => new { me = instance.Id, r.Attempts, r.ConversationId, r.ActivityId }), tx).ConfigureAwait(false);
            var parked = rows.Where(r => r.Attempts > maxAttempts).ToList();
            if (parked.Count > 0)
            {
                await c.ExecuteAsync(
                    "UPDATE activity_journal SET status = 4, body = NULL WHERE conversation_id = @ConversationId AND activity_id = @ActivityId",
                    parked, tx).ConfigureAwait(false);
                await c.ExecuteAsync(
                    """
                    INSERT INTO dead_letters (conversation_id, activity_id, activity_type, route, reason, parked_at)
                    VALUES (@ConversationId, @ActivityId, @ActivityType, NULL, @reason, @now)
                    """, parked.Select(p => new { p.ConversationId, p.ActivityId, p.ActivityType, reason = $"started {p.Attempts - 1} times without finishing (the bot stopped during it each time)", now }), tx)
                    .ConfigureAwait(false);
            }

            await tx.CommitAsync(ct).ConfigureAwait(false);
            return new AdoptedActivities([.. rows.Where(r => r.Attempts <= maxAttempts)], parked);
        }, ct);

    /// <summary>Deletes rows older than the retention period.</summary>
    public Task<int> PruneAsync(TimeSpan retention, CancellationToken ct) =>
        db.WriteAsync(c => c.ExecuteAsync(
            "DELETE FROM activity_journal WHERE status <> 0 AND received_at < @cutoff", new { cutoff = time.GetUtcNow() - retention }), ct);
}

/// <summary>An activity recorded but not yet handled; <see cref="Attempts"/> counts the starts including this one.</summary>
public sealed record PendingActivity(string ConversationId, string ActivityId, string ActivityType, string Body, long Attempts);

/// <summary>What <see cref="ActivityJournal.AdoptAsync"/> took over: activities to handle again, and the ones it parked.</summary>
public sealed record AdoptedActivities(IReadOnlyList<PendingActivity> Replay, IReadOnlyList<PendingActivity> Parked);
