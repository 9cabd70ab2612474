using Dapper;
using ProBonoBot.Protocol.Routing;
using ProBonoBot.Storage;

namespace ProBonoBot.Turns;

/// <summary>
/// What each turn sent (or which card it updated), by the call's position in the turn, so that a turn replayed after
/// a crash skips what it already did. The steps are kept on the turn while it runs and written together with its
/// completion (<see cref="ActivityJournal.CompleteAsync(IReadOnlyCollection{CompletedTurn}, CancellationToken)"/>):
/// no write of its own on the hot path. A crash repeats at most the answers of the turns in flight at that moment.
/// </summary>
public sealed class TurnLedger(Db db, TimeProvider time)
{
    private const string ItemKey = "turn:sent";

    /// <summary>The resource id recorded for this step (empty string when there was none), or null when the step was not done.</summary>
    public Task<string?> FindAsync(string conversationId, string activityId, int step, CancellationToken ct) =>
        db.ReadAsync(c => c.QuerySingleOrDefaultAsync<string?>(
            """
            SELECT COALESCE(resource_id, '') FROM turn_sends
            WHERE conversation_id = @conversationId AND activity_id = @activityId AND step = @step
            """, new { conversationId, activityId, step }), ct);

    /// <summary>Notes a finished step on the turn; written when the turn completes.</summary>
    public static void Note(TurnContext turn, int step, string? resourceId)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!turn.Items.TryGetValue(ItemKey, out var list) || list is not List<SentStep> sent)
        {
            sent = [];
            turn.Items[ItemKey] = sent;
        }

        lock (sent)
        {
            sent.Add(new SentStep(step, resourceId));
        }
    }

    /// <summary>The steps noted on the turn so far.</summary>
    public static IReadOnlyList<SentStep> Sent(TurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!turn.Items.TryGetValue(ItemKey, out var list) || list is not List<SentStep> sent)
        {
            return [];
        }

        lock (sent)
        {
            return [.. sent];
        }
    }

    /// <summary>Deletes records older than the retention period.</summary>
    public Task<int> PruneAsync(TimeSpan retention, CancellationToken ct) =>
        db.WriteAsync(c => c.ExecuteAsync("DELETE FROM turn_sends WHERE sent_at < @cutoff", new { cutoff = time.GetUtcNow() - retention }), ct);
}
