using Microsoft.Extensions.Options;
using ProBonoBot.Cards;
using ProBonoBot.Hosting;
using ProBonoBot.People;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Connector;
using ProBonoBot.Protocol.Routing;

namespace ProBonoBot.Turns;

/// <summary>
/// The one failure boundary of a turn: everything from reading the activity to the last send runs inside it. A
/// failure is logged with the activity's id, type and route (never its text), parked for operators, and the person
/// is told; the lane goes on. A turn that runs past <see cref="TurnOptions.Timeout"/> is cancelled.
/// </summary>
public sealed class TurnRunner(
    ActivityDispatcher dispatcher,
    IConnectorClient connector,
    IServiceProvider services,
    TurnSender sender,
    DeadLetters deadLetters,
    LanguageResolver languages,
    BotMetrics metrics,
    IOptions<TurnOptions> options,
    ILogger<TurnRunner> logger)
{
    private const string Answered = "answered", Failed = "failed", TimedOut = "timed_out";

    /// <summary>Handles a queued turn; null when shutdown interrupted it and it must stay pending.</summary>
    public async Task<ActivityJournal.Status?> RunAsync(QueuedTurn item, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(item);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(options.Value.Timeout);
        var turn = Context(item.Activity, item.ActivityId);
        metrics.TurnWaited(item);
        using var span = BotMetrics.StartTurn(item, item.Activity.Type);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await dispatcher.HandleAsync(turn, timeout.Token);
            metrics.TurnEnded(span, item.Activity.Type, turn.Route, Answered, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            return ActivityJournal.Status.Done;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex)
        {
            var timedOut = timeout.IsCancellationRequested;
            metrics.TurnEnded(span, item.Activity.Type, turn.Route, timedOut ? TimedOut : Failed, System.Diagnostics.Stopwatch.GetElapsedTime(started), ex);
            await FailedAsync(turn, item.ConversationId, item.ActivityId, ex, timedOut, stopping);
            return ActivityJournal.Status.Failed;
        }
    }

    /// <summary>Handles an invoke inside the same boundary; a failure answers 500 without details.</summary>
    public async Task<InvokeResponse> InvokeAsync(Activity activity, string conversationId, string activityId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.Timeout);
        var turn = Context(activity, activityId);
        using var span = BotMetrics.StartTurn(null, activity.Type);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var response = await dispatcher.InvokeAsync(turn, timeout.Token);
            metrics.TurnEnded(span, activity.Type, turn.Route, response.Status >= 500 ? Failed : Answered, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            return response;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var timedOut = timeout.IsCancellationRequested;
            metrics.TurnEnded(span, activity.Type, turn.Route, timedOut ? TimedOut : Failed, System.Diagnostics.Stopwatch.GetElapsedTime(started), ex);
            await FailedAsync(turn, conversationId, activityId, ex, timeout.IsCancellationRequested, CancellationToken.None, apologize: false);
            return InvokeResponse.Error(500, "InternalError", "The action could not be completed.");
        }
    }

    private TurnContext Context(Activity activity, string activityId) =>
        new(activity, connector, services, sender) { ActivityKey = activityId };

    private async Task FailedAsync(TurnContext turn, string conversationId, string activityId, Exception ex, bool timedOut, CancellationToken ct,
        bool apologize = true)
    {
        var type = turn.Activity.Type ?? "?";
        var route = (ex as TurnFailedException)?.Route ?? "-";
        var cause = ex is TurnFailedException { InnerException: { } inner } ? inner : ex;
        var reason = timedOut ? $"ran longer than {options.Value.Timeout.TotalSeconds:0} s" : Describe(cause);
        if (timedOut)
        {
            TurnLog.TurnTimedOut(logger, activityId, type, options.Value.Timeout.TotalSeconds);
        }
        else
        {
            TurnLog.TurnFailed(logger, activityId, type, route, reason, cause);
        }

        try
        {
            await deadLetters.ParkAsync(conversationId, activityId, type, route, reason, CancellationToken.None);
        }
        catch (Exception parkError)
        {
            TurnLog.PipelineStepFailed(logger, "park", parkError.GetType().Name);
        }

        // Not after a timeout: what made the turn slow (the connector, the database) would hold the apology up too.
        if (apologize && !timedOut && turn.Activity.Type == ActivityTypes.Message)
        {
            try
            {
                var language = await languages.ResolveAsync(turn, ct);
                await turn.SendAsync(new Activity { Text = UiText.For(language).SomethingWentWrong }, ct);
            }
            catch (Exception apologyError)
            {
                TurnLog.ApologyFailed(logger, apologyError.GetType().Name);
            }
        }
    }

    // The exception's type and, for connector failures, the status: never its message, which may quote user text.
    private static string Describe(Exception ex) => ex switch
    {
        ConnectorException c => $"{nameof(ConnectorException)} {c.StatusCode} {c.ErrorCode}",
        _ => ex.GetType().FullName ?? ex.GetType().Name,
    };
}
