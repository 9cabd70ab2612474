using System.Diagnostics;
using System.Diagnostics.Metrics;
using ProBonoBot.Outbox;
using ActivityTypes = ProBonoBot.Protocol.Activities.ActivityTypes;
using ProBonoBot.Protocol.Connector;
using ProBonoBot.Turns;

namespace ProBonoBot.Hosting;

/// <summary>
/// The bot's own instruments on the meter <c>ProBonoBot</c> (see docs/operations.md, Telemetry). Tags carry only
/// low-cardinality values the bot chose — activity type, route name, outcome, broadcast id — never user text, names,
/// conversation ids or Entra ids. Without a listener (no exporter configured) every call here costs next to nothing.
/// </summary>
public sealed class BotMetrics
{
    /// <summary>The ActivitySource of the bot's own spans (turns, outbox sends, drafting calls).</summary>
    public static readonly ActivitySource Source = new(ConnectorMetrics.MeterName);

    private static readonly TimeSpan DepthCacheFor = TimeSpan.FromSeconds(5);

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Histogram<double> _turnWait;
    private readonly Counter<long> _sends;
    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _draftingDuration;
    private readonly Counter<long> _tokens;
    private readonly OutboxStore _outbox;
    private readonly Lock _depthGate = new();
    private long _pending = -1;
    private long _pendingAt;
    private int _runningBroadcasts;

    public BotMetrics(IMeterFactory meters, TurnLanes lanes, OutboxStore outbox)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(lanes);
        _outbox = outbox;
        var meter = meters.Create(ConnectorMetrics.MeterName);
        double[] seconds = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

        _turns = meter.CreateCounter<long>("probonobot.turns", "{turn}",
            "Turns handled, by activity type, route and outcome (answered, failed, timed_out, parked, duplicate).");
        _turnDuration = meter.CreateHistogram<double>("probonobot.turn.duration", "s",
            "Time a turn took from the start of its handling to its last send, by activity type, route and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = seconds });
        _turnWait = meter.CreateHistogram<double>("probonobot.turn.queue_time", "s",
            "Time a turn waited in its lane before it started.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = seconds });
        meter.CreateObservableGauge("probonobot.lanes.busy", () => lanes.Report().Busy, "{lane}", "Turn lanes running a turn now.");
        meter.CreateObservableGauge("probonobot.lanes.stalled", () => lanes.Report().Stalled, "{lane}",
            "Turn lanes with work that made no progress for Turns:StallAfter (also makes /healthz unhealthy).");
        meter.CreateObservableGauge("probonobot.turns.queued", () => lanes.Report().Queued, "{turn}", "Turns waiting in the lanes.");
        meter.CreateObservableGauge("probonobot.turns.oldest_age", () => lanes.Report().OldestUnfinishedTurnSeconds, "s",
            "Age of the oldest unfinished turn (running or queued).");

        meter.CreateObservableGauge("probonobot.outbox.pending", PendingMeasurements, "{message}",
            "Outbox messages waiting for delivery (counted at most every 5 s).");
        _sends = meter.CreateCounter<long>("probonobot.outbox.sends", "{message}",
            "Outbox delivery attempts, by result (sent, failed, blocked, notfound, notinstalled, retry).");
        _deliveries = meter.CreateCounter<long>("probonobot.broadcast.deliveries", "{message}",
            "Broadcast messages delivered or given up, by broadcast id and result.");
        meter.CreateObservableGauge("probonobot.broadcasts.running", () => Volatile.Read(ref _runningBroadcasts), "{broadcast}",
            "Broadcasts running now (as of the last report tick).");

        _draftingDuration = meter.CreateHistogram<double>("probonobot.drafting.duration", "s",
            "Time of one call to the drafting model, by outcome (none = a usable answer; else the fallback reason).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2, 5, 10, 20, 30, 60, 120] });
        _tokens = meter.CreateCounter<long>("probonobot.drafting.tokens", "{token}",
            "Tokens spent on the drafting model, by kind (input, output; total when the server does not split them, estimated when it reports none).");
    }

    /// <summary>Starts a turn's span, under the trace of the request that delivered it when there is one.</summary>
    public static Activity? StartTurn(QueuedTurn? item, string? activityType)
    {
        var span = Source.StartActivity("turn", ActivityKind.Internal, item?.Trace ?? default);
        span?.SetTag("probonobot.activity.type", TypeTag(activityType));
        return span;
    }

    /// <summary>Records a turn's end: its counter, latency, and the span's route and outcome.</summary>
    public void TurnEnded(Activity? span, string? activityType, string? route, string outcome, TimeSpan elapsed, Exception? error = null)
    {
        var tags = new TagList
        {
            { "probonobot.activity.type", TypeTag(activityType) },
            { "probonobot.route", route ?? "none" },
            { "probonobot.outcome", outcome },
        };
        _turns.Add(1, tags);
        _turnDuration.Record(elapsed.TotalSeconds, tags);
        if (span is not null)
        {
            span.SetTag("probonobot.route", route ?? "none");
            span.SetTag("probonobot.outcome", outcome);
            Fail(span, error);
        }
    }

    /// <summary>A turn that never ran a handler: parked after too many attempts, or a redelivered duplicate.</summary>
    public void TurnSkipped(string? activityType, string outcome) =>
        _turns.Add(1, new TagList { { "probonobot.activity.type", TypeTag(activityType) }, { "probonobot.route", "none" }, { "probonobot.outcome", outcome } });

    public void TurnWaited(QueuedTurn item)
    {
        ArgumentNullException.ThrowIfNull(item);
        _turnWait.Record(TimeProvider.System.GetElapsedTime(item.EnqueuedAt).TotalSeconds);
    }

    /// <summary>One outbox delivery attempt's result; also a broadcast delivery when the row belongs to one.</summary>
    public void Sent(string result, long? broadcastId)
    {
        _sends.Add(1, new KeyValuePair<string, object?>("probonobot.result", result));
        if (broadcastId is { } id && result != OutboxResults.Retry)
        {
            _deliveries.Add(1, new KeyValuePair<string, object?>("probonobot.broadcast.id", id), new KeyValuePair<string, object?>("probonobot.result", result));
        }
    }

    public void RunningBroadcasts(int count) => Volatile.Write(ref _runningBroadcasts, count);

    public void DraftingCalled(string outcome, TimeSpan elapsed) =>
        _draftingDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("probonobot.outcome", outcome));

    public void TokensSpent(string kind, long tokens)
    {
        if (tokens > 0)
        {
            _tokens.Add(tokens, new KeyValuePair<string, object?>("probonobot.token.kind", kind));
        }
    }

    /// <summary>Marks a span failed with the exception's type only: its message may quote user text.</summary>
    public static void Fail(Activity? span, Exception? error)
    {
        if (span is not null && error is not null)
        {
            span.SetTag("error.type", error.GetType().FullName);
            span.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
        }
    }

    // The wire's type is the sender's to choose: anything unknown is "other", so a sender cannot add tag values.
    private static string TypeTag(string? type) => type switch
    {
        ActivityTypes.Message => ActivityTypes.Message,
        ActivityTypes.Invoke => ActivityTypes.Invoke,
        ActivityTypes.ConversationUpdate => ActivityTypes.ConversationUpdate,
        ActivityTypes.InstallationUpdate => ActivityTypes.InstallationUpdate,
        _ => "other",
    };

    // Runs on the exporter's collection thread, never on a request: a cheap indexed COUNT at most every few seconds.
    private IEnumerable<Measurement<long>> PendingMeasurements()
    {
        lock (_depthGate)
        {
            if (_pending < 0 || TimeProvider.System.GetElapsedTime(_pendingAt) > DepthCacheFor)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    _pending = _outbox.CountAsync(DeliveryStatus.Pending, timeout.Token).GetAwaiter().GetResult();
                    _pendingAt = TimeProvider.System.GetTimestamp();
                }
                catch (Exception ex) when (ex is System.Data.Common.DbException or OperationCanceledException or InvalidOperationException or TimeoutException)
                {
                    // The database is away: no measurement rather than a stale one presented as current.
                    return [];
                }
            }

            return [new Measurement<long>(_pending)];
        }
    }
}

/// <summary>The results an outbox delivery attempt is counted under.</summary>
public static class OutboxResults
{
    public const string Sent = "sent", Failed = "failed", Blocked = "blocked", NotFound = "notfound", NotInstalled = "notinstalled", Retry = "retry";
}
