using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Dapper;
using Microsoft.Extensions.Options;
using ProBonoBot.Broadcasts;
using ProBonoBot.Storage;

namespace ProBonoBot.Outbox;

/// <summary>
/// Keeps proactive sending under Teams' limits: the app's per-tenant ceiling (shared by the running instances,
/// which announce themselves with heartbeats) as a smooth token bucket, and 7 per second into one conversation.
/// </summary>
public sealed class DeliveryRate : IDisposable
{
    private readonly Db _db;
    private readonly TimeProvider _time;
    private readonly BroadcastOptions _options;
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly ConcurrentDictionary<string, Queue<long>> _perConversation = new(StringComparer.Ordinal);
    private TokenBucketRateLimiter _bucket;
    private int _instances = 1;

    public DeliveryRate(Db db, TimeProvider time, IOptions<BroadcastOptions> options)
    {
        _db = db;
        _time = time;
        _options = options.Value;
        _bucket = Create(_options.RatePerSecond);
    }

    /// <summary>The rate this instance sends at now.</summary>
    public double RatePerSecond => Effective(_options.RatePerSecond, _instances);

    public async ValueTask AcquireAsync(string conversationId, CancellationToken ct)
    {
        while (true)
        {
            // The bucket is replaced when the number of instances changes; a lease from the old one may fail.
            using var lease = await _bucket.AcquireAsync(1, ct).ConfigureAwait(false);
            if (lease.IsAcquired)
            {
                break;
            }
        }

        while (true)
        {
            var wait = ReservePerConversation(conversationId);
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, _time, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Records this instance's heartbeat and re-divides the app's rate among the live instances.</summary>
    public async Task HeartbeatAsync(CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var count = await _db.WriteAsync(async c =>
        {
            await c.ExecuteAsync("INSERT INTO instances (id, seen_at) VALUES (@id, @now) ON CONFLICT (id) DO UPDATE SET seen_at = @now",
                new { id = _instance, now }).ConfigureAwait(false);
            await c.ExecuteAsync("DELETE FROM instances WHERE seen_at < @old", new { old = now - TimeSpan.FromMinutes(5) }).ConfigureAwait(false);
            return await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM instances WHERE seen_at >= @live", new { live = now - TimeSpan.FromSeconds(15) }).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);
        var instances = (int)Math.Max(1, count);
        if (instances != _instances)
        {
            _instances = instances;
            var old = _bucket;
            _bucket = Create(Effective(_options.RatePerSecond, instances));
            old.Dispose();
        }
    }

    // A little under the ceiling, one token at a time: no one-second window ever sees more than the ceiling.
    private static double Effective(int ceiling, int instances) => ceiling * 0.96 / instances;

    private static TokenBucketRateLimiter Create(double rate) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = 1,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1 / rate),
        QueueLimit = 100_000,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });

    private TimeSpan ReservePerConversation(string conversationId)
    {
        var now = _time.GetUtcNow().UtcTicks;
        var window = TimeSpan.TicksPerSecond;
        var sent = _perConversation.GetOrAdd(conversationId, _ => new Queue<long>());
        lock (sent)
        {
            while (sent.Count > 0 && sent.Peek() <= now - window)
            {
                sent.Dequeue();
            }

            if (sent.Count < _options.PerConversationPerSecond)
            {
                sent.Enqueue(now);
                return TimeSpan.Zero;
            }

            return TimeSpan.FromTicks(sent.Peek() + window - now + 1);
        }
    }

    /// <summary>Forgets conversations that have been quiet for a while.</summary>
    public void Trim()
    {
        var old = _time.GetUtcNow().UtcTicks - (2 * TimeSpan.TicksPerSecond);
        foreach (var (key, sent) in _perConversation)
        {
            lock (sent)
            {
                if (sent.Count == 0 || sent.Last() < old)
                {
                    _perConversation.TryRemove(key, out _);
                }
            }
        }
    }

    public void Dispose() => _bucket.Dispose();
}
