using System.Data.Common;
using Dapper;
using ProBonoBot.Protocol.Routing;

namespace ProBonoBot.Turns;

/// <summary>
/// Idempotency keys for state changes asked for by an activity: claimed in the same transaction as the change,
/// so a turn that is replayed after a crash (or an activity handled twice) finds the earlier result instead of
/// acting again.
/// </summary>
public static class RequestKeys
{
    /// <summary>The key of one named effect of this turn; null outside a recorded turn.</summary>
    public static string? KeyFor(this TurnContext turn, string effect) =>
        turn?.ActivityKey is { Length: > 0 } id && turn.Activity.Conversation?.Id is { Length: > 0 } conversation
            ? $"{effect}|{conversation}|{id}"
            : null;

    /// <summary>
    /// Claims <paramref name="key"/> inside <paramref name="tx"/>. Returns null when the key is new (go on and act,
    /// then <see cref="SetResultAsync"/>); otherwise the result stored by the earlier, committed attempt.
    /// </summary>
    public static async Task<string?> ClaimAsync(DbConnection c, DbTransaction tx, string? key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (key is null)
        {
            return null;
        }

        var inserted = await c.ExecuteAsync(
            "INSERT INTO request_keys (key, result, created_at) VALUES (@key, NULL, @now) ON CONFLICT (key) DO NOTHING", new { key, now }, tx);
        return inserted == 1
            ? null
            : await c.QuerySingleOrDefaultAsync<string?>("SELECT result FROM request_keys WHERE key = @key", new { key }, tx) ?? string.Empty;
    }

    /// <summary>Stores what the effect produced (e.g. the new project's number), for a replay to find.</summary>
    public static Task SetResultAsync(DbConnection c, DbTransaction tx, string? key, string result) =>
        key is null
            ? Task.CompletedTask
            : c.ExecuteAsync("UPDATE request_keys SET result = @result WHERE key = @key", new { key, result }, tx);

    /// <summary>Deletes keys older than <paramref name="cutoff"/>: a replay never comes that late (see Storage:ReplayWindow).</summary>
    public static Task<int> PruneAsync(Storage.Db db, DateTimeOffset cutoff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.WriteAsync(c => c.ExecuteAsync("DELETE FROM request_keys WHERE created_at < @cutoff", new { cutoff }), ct);
    }
}
