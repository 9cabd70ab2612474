using Dapper;
using ProBonoBot.Storage;

namespace ProBonoBot.Turns;

/// <summary>Turns that failed or never finished, parked with the reason for operators (ids and kinds, no user text).</summary>
public sealed class DeadLetters(Db db, TimeProvider time)
{
    public Task ParkAsync(string conversationId, string activityId, string activityType, string? route, string reason, CancellationToken ct) =>
        db.WriteAsync(c => c.ExecuteAsync(
            """
            INSERT INTO dead_letters (conversation_id, activity_id, activity_type, route, reason, parked_at)
            VALUES (@conversationId, @activityId, @activityType, @route, @reason, @now)
            """, new { conversationId, activityId, activityType, route, reason = Cap(reason), now = time.GetUtcNow() }), ct);

    /// <summary>How many turns were parked in the last <paramref name="window"/>.</summary>
    public Task<long> CountSinceAsync(TimeSpan window, CancellationToken ct) =>
        db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dead_letters WHERE parked_at >= @since", new { since = time.GetUtcNow() - window }), ct);

    /// <summary>The most recent parked turns, newest first.</summary>
    public async Task<IReadOnlyList<DeadLetter>> RecentAsync(int limit, CancellationToken ct) =>
        [.. await db.ReadAsync(c => c.QueryAsync<DeadLetter>(
            $"""
            SELECT id AS Id, conversation_id AS ConversationId, activity_id AS ActivityId, activity_type AS ActivityType,
                   route AS Route, reason AS Reason, parked_at AS ParkedAt
            FROM dead_letters ORDER BY id DESC LIMIT {limit}
            """), ct)];

    public Task<int> PruneAsync(TimeSpan retention, CancellationToken ct) =>
        db.WriteAsync(c => c.ExecuteAsync("DELETE FROM dead_letters WHERE parked_at < @cutoff", new { cutoff = time.GetUtcNow() - retention }), ct);

    private static string Cap(string reason) => reason.Length > 500 ? reason[..500] : reason;
}

/// <summary>A parked turn.</summary>
public sealed record DeadLetter(long Id, string ConversationId, string ActivityId, string ActivityType, string? Route, string Reason, DateTimeOffset ParkedAt);
