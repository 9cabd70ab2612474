using Dapper;
using Microsoft.Extensions.Options;
using ProBonoBot.Storage;

namespace ProBonoBot.Turns;

/// <summary>
/// This process's identity among the bot's instances, and its heartbeat. Work that an instance took (activities
/// it accepted, outbox rows it leased) is taken over by the others as soon as its heartbeat is stale, instead of
/// waiting for a lease to run out; Teams' per-app rate is shared among the live instances only.
/// </summary>
public sealed class InstanceRegistry(Db db, TimeProvider time, IOptions<TurnOptions> options)
{
    private int _live = 1;
    private volatile bool _joined;

    /// <summary>A random id per process: a restarted process is a new instance, and its predecessor is a dead one.</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Instances whose heartbeat is more recent than this are alive.</summary>
    public DateTimeOffset LiveSince => time.GetUtcNow() - (3 * options.Value.HeartbeatInterval);

    /// <summary>How many instances were alive at the last heartbeat (at least this one).</summary>
    public int LiveCount => Volatile.Read(ref _live);

    /// <summary>Records this instance's heartbeat and counts the live instances.</summary>
    public async Task<int> HeartbeatAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var live = LiveSince;
        var count = await db.WriteAsync(async c =>
        {
            await c.ExecuteAsync("INSERT INTO instances (id, seen_at) VALUES (@id, @now) ON CONFLICT (id) DO UPDATE SET seen_at = @now", new { id = Id, now });
            await c.ExecuteAsync("DELETE FROM instances WHERE seen_at < @old", new { old = now - TimeSpan.FromMinutes(5) });
            return await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM instances WHERE seen_at >= @live", new { live });
        }, ct);
        Volatile.Write(ref _live, (int)Math.Max(1, count));
        _joined = true;
        return LiveCount;
    }

    /// <summary>Heartbeats once if this instance has not yet: before it takes work, the others must see it alive.</summary>
    public async ValueTask EnsureJoinedAsync(CancellationToken ct)
    {
        if (!_joined)
        {
            await HeartbeatAsync(ct);
        }
    }

    /// <summary>Leaves the set at a clean stop, so the others do not wait for this heartbeat to go stale.</summary>
    public Task LeaveAsync(CancellationToken ct) =>
        db.WriteAsync(c => c.ExecuteAsync("DELETE FROM instances WHERE id = @id", new { id = Id }), ct);

    /// <summary>SQL condition: the instance in <paramref name="column"/> is not alive (or unknown). Needs <c>@live</c>.</summary>
    public static string IsGone(string column) =>
        $"({column} IS NULL OR {column} NOT IN (SELECT id FROM instances WHERE seen_at >= @live))";
}
