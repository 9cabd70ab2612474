using System.Threading.Channels;
using Dapper;
using ProBonoBot.Storage;

namespace ProBonoBot.Turns;

/// <summary>
/// Records each message a turn sent (or card it updated) by the call's position in the turn, so that a turn
/// replayed after a crash skips what it already did. Records from all lanes are written together (group commit):
/// a send counts as done once its record is durable, which bounds what a crash can repeat to the sends in flight.
/// </summary>
public sealed class TurnLedger(Db db, TimeProvider time) : IDisposable
{
    private readonly Channel<Entry> _pending = Channel.CreateUnbounded<Entry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>The resource id recorded for this step (empty string when there was none), or null when the step was not done.</summary>
    public Task<string?> FindAsync(string conversationId, string activityId, int step, CancellationToken ct) =>
        db.ReadAsync(c => c.QuerySingleOrDefaultAsync<string?>(
            """
            SELECT COALESCE(resource_id, '') FROM turn_sends
            WHERE conversation_id = @conversationId AND activity_id = @activityId AND step = @step
            """, new { conversationId, activityId, step }), ct);

    /// <summary>Records a finished step; completes when the record is durable.</summary>
    public async Task RecordAsync(string conversationId, string activityId, int step, string? resourceId)
    {
        var entry = new Entry(conversationId, activityId, step, resourceId, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _pending.Writer.TryWrite(entry);
        await FlushAsync();
        await entry.Done.Task;
    }

    // Whoever gets the writer writes everything queued so far, including other lanes' records; the others find
    // their record already written when they get their turn.
    private async Task FlushAsync()
    {
        await _writer.WaitAsync();
        try
        {
            var batch = new List<Entry>();
            while (_pending.Reader.TryRead(out var e))
            {
                batch.Add(e);
            }

            if (batch.Count == 0)
            {
                return;
            }

            try
            {
                var now = time.GetUtcNow();
                await db.WriteAsync(async c =>
                {
                    await using var tx = await c.BeginTransactionAsync();
                    await c.ExecuteAsync(
                        """
                        INSERT INTO turn_sends (conversation_id, activity_id, step, resource_id, sent_at)
                        VALUES (@ConversationId, @ActivityId, @Step, @ResourceId, @now)
                        ON CONFLICT (conversation_id, activity_id, step) DO NOTHING
                        """, batch.Select(b => new { b.ConversationId, b.ActivityId, b.Step, b.ResourceId, now }), tx);
                    await tx.CommitAsync();
                    return 0;
                }, CancellationToken.None);
                batch.ForEach(b => b.Done.TrySetResult());
            }
            catch (Exception ex)
            {
                batch.ForEach(b => b.Done.TrySetException(ex));
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Deletes records older than the retention period.</summary>
    public Task<int> PruneAsync(TimeSpan retention, CancellationToken ct) =>
        db.WriteAsync(c => c.ExecuteAsync("DELETE FROM turn_sends WHERE sent_at < @cutoff", new { cutoff = time.GetUtcNow() - retention }), ct);

    public void Dispose() => _writer.Dispose();

    private sealed record Entry(string ConversationId, string ActivityId, int Step, string? ResourceId, TaskCompletionSource Done);
}
