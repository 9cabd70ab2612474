using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ProBonoBot.Hosting;

/// <summary>What the budget says about one more turn from a person.</summary>
public enum BudgetDecision
{
    /// <summary>Within the budget: handle it.</summary>
    Allowed,

    /// <summary>Over the budget, and the person has not been told yet in this episode: drop it and tell them.</summary>
    RefusedFirst,

    /// <summary>Over the budget and already told: drop it silently.</summary>
    Refused,
}

/// <summary>
/// A token bucket per person (burst + steady rate), so that one person's flood is dropped at the door instead of
/// queueing ahead of everyone sharing their lane. A throttled episode ends when the person's bucket is full again;
/// only the first refusal of an episode is reported. Buckets that have refilled are forgotten, so memory follows the
/// number of people active in the last minute or so.
/// </summary>
public sealed class PersonBudget(IOptions<BotHostOptions> options, TimeProvider time)
{
    private const int MaxTracked = 100_000;
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly double _burst = options.Value.PerPersonBurst;
    private readonly double _perTick = options.Value.PerPersonPerMinute / (double)TimeSpan.TicksPerMinute;
    private long _nextSweep;

    /// <summary>People currently tracked (for tests and diagnostics).</summary>
    public int Tracked => _buckets.Count;

    /// <summary>Takes one turn from the person's budget.</summary>
    public BudgetDecision TryTake(string person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var now = time.GetUtcNow().UtcTicks;
        SweepIfDue(now);
        var bucket = _buckets.GetOrAdd(person, static (_, state) => new Bucket(state.Burst, state.Now), (Burst: _burst, Now: now));
        lock (bucket)
        {
            bucket.Refill(now, _burst, _perTick);
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                return BudgetDecision.Allowed;
            }

            if (bucket.Notified)
            {
                return BudgetDecision.Refused;
            }

            bucket.Notified = true;
            return BudgetDecision.RefusedFirst;
        }
    }

    private void SweepIfDue(long now)
    {
        var due = Volatile.Read(ref _nextSweep);
        if ((now < due && _buckets.Count < MaxTracked) || Interlocked.CompareExchange(ref _nextSweep, now + SweepInterval.Ticks, due) != due)
        {
            return;
        }

        // A full bucket is the same as none: dropping it loses nothing.
        foreach (var (person, bucket) in _buckets)
        {
            bool full;
            lock (bucket)
            {
                full = bucket.Tokens + ((now - bucket.Updated) * _perTick) >= _burst;
            }

            if (full)
            {
                _buckets.TryRemove(new KeyValuePair<string, Bucket>(person, bucket));
            }
        }

        if (_buckets.Count >= MaxTracked)
        {
            // Far beyond any club's size: forget everyone rather than grow without bound.
            _buckets.Clear();
        }
    }

    private sealed class Bucket(double tokens, long updated)
    {
        public double Tokens { get; set; } = tokens;

        public long Updated { get; private set; } = updated;

        public bool Notified { get; set; }

        public void Refill(long now, double burst, double perTick)
        {
            if (now > Updated)
            {
                Tokens = Math.Min(burst, Tokens + ((now - Updated) * perTick));
                Updated = now;
            }

            if (Tokens >= burst)
            {
                Notified = false;
            }
        }
    }
}
