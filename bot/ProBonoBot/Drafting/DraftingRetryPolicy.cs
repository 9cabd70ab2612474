using System.ClientModel.Primitives;

namespace ProBonoBot.Drafting;

/// <summary>
/// Retries 429, 5xx and network failures a bounded number of times, waiting Retry-After (at most 10 s — longer
/// and we would rather draft offline) or 1 s, 2 s, 4 s with jitter; the package's default waits almost nothing.
/// </summary>
public sealed class DraftingRetryPolicy(int maxRetries) : ClientRetryPolicy(Math.Max(0, maxRetries))
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    protected override bool ShouldRetry(PipelineMessage message, Exception? exception)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Response is { } response && RetryAfter(response) > MaxWait)
        {
            return false;
        }

        return base.ShouldRetry(message, exception);
    }

    protected override ValueTask<bool> ShouldRetryAsync(PipelineMessage message, Exception? exception) => ValueTask.FromResult(ShouldRetry(message, exception));

    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Response is { } response && RetryAfter(response) is { } wait)
        {
            return wait;
        }

        var backoff = TimeSpan.FromSeconds(Math.Pow(2, Math.Max(0, tryCount - 1)));
        return backoff + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 250));
    }

    private static TimeSpan? RetryAfter(PipelineResponse response)
    {
        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, System.Globalization.CultureInfo.InvariantCulture, out var millis))
        {
            return TimeSpan.FromMilliseconds(millis);
        }

        return response.Headers.TryGetValue("Retry-After", out var value) && int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }
}
