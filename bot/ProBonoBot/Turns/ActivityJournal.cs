using Dapper;
using ProBonoBot.Storage;

namespace ProBonoBot.Turns;

/// <summary>
/// The durable record of inbound activities. Inserting an activity is also its de-duplication: a
/// redelivered <c>activity.id</c> in the same conversation finds its row and is not handled again. Bodies
/// of pending activities survive a restart and are replayed.
/// </summary>
public sealed class ActivityJournal(Db db, TimeProvider time)
{
    /// <summary>Status values stored in <c>activity_journal.status</c>.</summary>
    public enum Status
    {
        Pending = 0,
        Done = 1,
        Failed = 2,
        Expired = 3,
    }

    /// <summary>Records a new activity; false when it was already recorded (a redelivery).</summary>
    public Task<bool> TryRecordAsync(string conversationId, string activityId, string type, string? body, CancellationToken ct) =>
        db.WriteAsync(async c => await c.ExecuteAsync(
            """
            INSERT INTO activity_journal (conversation_id, activity_id, activity_type, received_at, status, body)
            VALUES (@conversationId, @activityId, @type, @now, 0, @body)
            ON CONFLICT (conversation_id, activity_id) DO NOTHING
            """,
            new { conversationId, activityId, type, now = time.GetUtcNow(), body }).ConfigureAwait(false) == 1, ct);

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
            await using var tx = await c.BeginTransactionAsync(ct).ConfigureAwait(false);
            await c.ExecuteAsync(
                "UPDATE activity_journal SET status = @Status, body = NULL WHERE conversation_id = @ConversationId AND activity_id = @ActivityId",
                turns.Select(t => new { t.ConversationId, t.ActivityId, Status = (int)t.Status }), tx).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return 0;
        }, ct);

    /// <summary>Pending activities received within the replay window, oldest first; older ones are marked expired.</summary>
    public Task<IReadOnlyList<PendingActivity>> TakePendingAsync(TimeSpan replayWindow, CancellationToken ct) =>
        db.WriteAsync<IReadOnlyList<PendingActivity>>(async c =>
        {
            var cutoff = time.GetUtcNow() - replayWindow;
            await c.ExecuteAsync(
                "UPDATE activity_journal SET status = 3, body = NULL WHERE status = 0 AND received_at < @cutoff", new { cutoff })
                .ConfigureAwait(false);
            var rows = await c.QueryAsync<PendingActivity>(
                """
                SELECT conversation_id AS ConversationId, activity_id AS ActivityId, body AS Body
                FROM activity_journal WHERE status = 0 AND body IS NOT NULL ORDER BY received_at
                """).ConfigureAwait(false);
            return [.. rows];
        }, ct);

    /// <summary>Deletes rows older than the retention period.</summary>
    public Task<int> PruneAsync(TimeSpan retention, CancellationToken ct) =>
        db.WriteAsync(c => c.ExecuteAsync(
            "DELETE FROM activity_journal WHERE status <> 0 AND received_at < @cutoff", new { cutoff = time.GetUtcNow() - retention }), ct);
}

/// <summary>An activity recorded but not yet handled.</summary>
public sealed record PendingActivity(string ConversationId, string ActivityId, string Body);
