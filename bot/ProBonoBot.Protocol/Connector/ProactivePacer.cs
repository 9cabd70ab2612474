using System.Net;

namespace ProBonoBot.Protocol.Connector;

/// <summary>
/// Paces proactive sends (those made inside <see cref="Proactive"/>: the outbox, card refreshes, reports) to the
/// app's share of Teams' per-tenant ceiling. It sits below the retry handler, so retries take a slot too, and a
/// 429's Retry-After pushes every later slot back: the whole broadcast slows instead of bursting. Answers to people
/// are not delayed, but each takes a slot, so background work yields to them and the sum stays under the ceiling.
/// </summary>
public sealed class ProactivePacer(TimeProvider time)
{
    private static readonly AsyncLocal<bool> InScope = new();
    private readonly object _gate = new();
    private long _nextTicks;
    private long _throttled;
    private long[] _recent = new long[47];
    private int _recentNext;

    /// <summary>Sends per second for this instance (set from the shared ceiling and the number of instances).</summary>
    public double RatePerSecond { get; set; } = 47;

    /// <summary>How many 429s the paced sends met.</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>Marks the calls made until disposal as proactive.</summary>
    public static IDisposable Proactive()
    {
        InScope.Value = true;
        return new Scope();
    }

    /// <summary>Sends <paramref name="request"/> through <paramref name="send"/>, in its slot when proactive.</summary>
    public async Task<HttpResponseMessage> PaceAsync(HttpRequestMessage request, Func<HttpRequestMessage, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(send);
        if (request.Method == HttpMethod.Get)
        {
            return await send(request).ConfigureAwait(false);
        }

        if (!InScope.Value)
        {
            lock (_gate)
            {
                // At most two seconds ahead: a burst of answers delays background work, it never starves it.
                var now = time.GetUtcNow().UtcTicks;
                _nextTicks = Math.Min(Math.Max(_nextTicks, now) + Interval, now + (2 * TimeSpan.TicksPerSecond));
                Record(now);
            }

            // An answer's 429 is handled by its caller (the answer goes to the outbox); it does not push the paced
            // schedule back, or a busy hour of answers would starve the outbox that delivers them.
            return await send(request).ConfigureAwait(false);
        }

        TimeSpan wait;
        lock (_gate)
        {
            var now = time.GetUtcNow().UtcTicks;
            var slot = Math.Max(now, _nextTicks);
            _nextTicks = slot + Interval;
            wait = TimeSpan.FromTicks(slot - now);
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }

        // Slots are handed out ahead of time; if the process stalls (a busy machine, a long GC), sends whose slots
        // have passed would all go at once and one second would exceed the ceiling. So a send also waits until no
        // more than the rate's worth of sends went out in the last second, by the clock at the moment it is sent.
        while (true)
        {
            lock (_gate)
            {
                wait = Window(time.GetUtcNow().UtcTicks);
            }

            if (wait <= TimeSpan.Zero)
            {
                break;
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }

        return Observe(await send(request).ConfigureAwait(false));
    }

    // Under _gate: the time until a send fits the sliding one-second window, recording it when it fits now.
    private TimeSpan Window(long now)
    {
        Resize();
        var free = _recent[_recentNext] + TimeSpan.TicksPerSecond;
        if (free > now)
        {
            return TimeSpan.FromTicks(free - now);
        }

        Record(now);
        return TimeSpan.Zero;
    }

    // Under _gate: remembers a send (answers too: they count against the same ceiling).
    private void Record(long now)
    {
        Resize();
        _recent[_recentNext] = now;
        _recentNext = (_recentNext + 1) % _recent.Length;
    }

    private void Resize()
    {
        var size = Math.Max(1, (int)Math.Floor(RatePerSecond));
        if (_recent.Length != size)
        {
            _recent = new long[size];
            _recentNext = 0;
        }
    }

    private long Interval => (long)(TimeSpan.TicksPerSecond / Math.Max(0.1, RatePerSecond));

    private HttpResponseMessage Observe(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            Interlocked.Increment(ref _throttled);
            var retryAfter = ConnectorRetryHandler.RetryAfter(response, time, TimeSpan.FromMinutes(1)) ?? TimeSpan.FromSeconds(1);
            lock (_gate)
            {
                _nextTicks = Math.Max(_nextTicks, (time.GetUtcNow() + retryAfter).UtcTicks);
            }
        }

        return response;
    }

    private sealed class Scope : IDisposable
    {
        public void Dispose() => InScope.Value = false;
    }
}
