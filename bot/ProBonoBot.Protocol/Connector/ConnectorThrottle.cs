namespace ProBonoBot.Protocol.Connector;

/// <summary>
/// Shared back-pressure from Teams: when the connector answers 429 with Retry-After, every sender that waits
/// here (the broadcast outbox) holds off until then, so the whole broadcast slows instead of piling up retries.
/// </summary>
public sealed class ConnectorThrottle(TimeProvider time)
{
    private long _pausedUntilTicks;

    /// <summary>How many 429s were seen (for reports and tests).</summary>
    public long ThrottledCount => Interlocked.Read(ref _throttled);

    private long _throttled;

    /// <summary>Records a 429: nobody waiting here sends before now + <paramref name="retryAfter"/>.</summary>
    public void Throttled(TimeSpan retryAfter)
    {
        Interlocked.Increment(ref _throttled);
        var until = (time.GetUtcNow() + retryAfter).UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref _pausedUntilTicks);
            if (current >= until)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _pausedUntilTicks, until, current) != current);
    }

    /// <summary>Waits while a Retry-After is in force.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = new DateTimeOffset(Interlocked.Read(ref _pausedUntilTicks), TimeSpan.Zero) - time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
