using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ProBonoBot.Protocol.Connector;

/// <summary>
/// Retries throttled and transient connector answers (429, 412, 502, 503, 504, network errors, attempt
/// time-outs): Retry-After first, else exponential backoff with jitter; bounded in count and per wait.
/// </summary>
public sealed class ConnectorRetryHandler : DelegatingHandler
{
    private static readonly AsyncLocal<bool> InteractiveScope = new();
    private static readonly TimeSpan InteractiveMaxDelay = TimeSpan.FromMilliseconds(250);
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ConnectorMetrics _metrics;

    /// <summary>
    /// Marks the calls made until disposal as answers to a person. They do not wait out a 429 or a long backoff —
    /// that would hold up the turns queued behind them — but fail at once (one quick retry for a 5xx or a network
    /// error), so the caller can hand the answer to the paced outbox.
    /// </summary>
    public static IDisposable Interactive()
    {
        InteractiveScope.Value = true;
        return new Scope();
    }

    public ConnectorRetryHandler(IOptions<ConnectorOptions> options, TimeProvider time, ConnectorMetrics metrics, ILogger<ConnectorRetryHandler> logger)
    {
        _metrics = metrics;
        var o = options.Value;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (o.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = o.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.RetryBaseDelay,
                MaxDelay = o.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)
                    && !(InteractiveScope.Value && (args.AttemptNumber >= 1 || args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests))),
                DelayGenerator = args => ValueTask.FromResult(InteractiveScope.Value
                    ? Min(RetryAfter(args.Outcome.Result, time, o.MaxRetryDelay) ?? o.RetryBaseDelay, InteractiveMaxDelay)
                    : RetryAfter(args.Outcome.Result, time, o.MaxRetryDelay)),
                OnRetry = args =>
                {
                    if (args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        metrics.Waited(InteractiveScope.Value, args.RetryDelay);
                    }

                    var request = args.Context.Properties.GetValue(RequestKey, null!);
                    Log.Retrying(logger, request?.Method.Method ?? "?", request?.RequestUri?.AbsolutePath ?? "?",
                        (int?)args.Outcome.Result?.StatusCode ?? 0, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        _pipeline = builder.AddTimeout(o.AttemptTimeout).Build();
    }

    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("request");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    var response = await state.Handler.BaseSend(state.Request, ctx.CancellationToken).ConfigureAwait(false);
                    if (response.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        state.Handler._metrics.Throttled(InteractiveScope.Value);
                    }

                    return response;
                },
                context, (Handler: this, Request: request)).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new ConnectorException(504, "Timeout", $"The connector did not answer in time: {ex.Message}");
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> BaseSend(HttpRequestMessage request, CancellationToken ct) => base.SendAsync(request, ct);

    private static TimeSpan? Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private sealed class Scope : IDisposable
    {
        public void Dispose() => InteractiveScope.Value = false;
    }

    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException } => true,
        { Exception: TimeoutRejectedException } => true,
        { Result: { } response } => response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
        _ => false,
    };

    /// <summary>The wait Retry-After asks for (capped), or null to use the exponential backoff.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time, TimeSpan cap)
    {
        var header = response?.Headers.RetryAfter;
        TimeSpan? wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        if (wait is null)
        {
            return null;
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > cap ? cap : wait;
    }
}
