using System.Diagnostics.Metrics;

namespace ProBonoBot.Protocol.Connector;

/// <summary>
/// The connector's throttling, on the bot's one meter: every 429 Teams answers, and each wait a Retry-After (or the
/// backoff after a 429) imposed. Tags are the caller kind only — never a conversation or a URL.
/// </summary>
public sealed class ConnectorMetrics
{
    /// <summary>The bot's meter name; the host's own instruments use the same one (IMeterFactory gives one instance).</summary>
    public const string MeterName = "ProBonoBot";

    private readonly Counter<long> _throttled;
    private readonly Histogram<double> _retryAfter;

    public ConnectorMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _throttled = meter.CreateCounter<long>("probonobot.connector.throttled", "{response}",
            "429 (Too Many Requests) answers from the connector, by caller (answer: a reply to a person; background: outbox, card updates).");
        _retryAfter = meter.CreateHistogram<double>("probonobot.connector.retry_after", "s",
            "Waits before retrying a throttled connector call (Retry-After when given, else the backoff).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60] });
    }

    internal void Throttled(bool answer) => _throttled.Add(1, new KeyValuePair<string, object?>("probonobot.caller", Caller(answer)));

    internal void Waited(bool answer, TimeSpan wait) =>
        _retryAfter.Record(wait.TotalSeconds, new KeyValuePair<string, object?>("probonobot.caller", Caller(answer)));

    private static string Caller(bool answer) => answer ? "answer" : "background";
}
