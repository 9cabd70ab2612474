using System.Threading.Channels;
using Microsoft.Extensions.Options;
using ProBonoBot.Cards;
using ProBonoBot.People;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Connector;
using ProBonoBot.Protocol.Routing;
using ProBonoBot.Storage;

namespace ProBonoBot.Turns;

/// <summary>
/// Handles queued turns lane by lane and records their completion in batches. At start it replays the
/// activities a previous run recorded but did not finish, so a restart mid-conversation loses nothing.
/// </summary>
public sealed class TurnWorker(
    TurnQueue queue,
    ActivityJournal journal,
    ActivityDispatcher dispatcher,
    IConnectorClient connector,
    LanguageResolver languages,
    IServiceProvider services,
    IOptions<StorageOptions> storage,
    ILogger<TurnWorker> logger) : BackgroundService
{
    private readonly Channel<(string, string, ActivityJournal.Status)> _completed =
        Channel.CreateUnbounded<(string, string, ActivityJournal.Status)>(new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ReplayAsync(stoppingToken).ConfigureAwait(false);
        var lanes = Enumerable.Range(0, TurnQueue.LaneCount).Select(i => RunLaneAsync(queue.Lane(i), stoppingToken)).ToList();
        lanes.Add(RecordCompletionsAsync(stoppingToken));
        lanes.Add(PruneAsync(stoppingToken));
        await Task.WhenAll(lanes).ConfigureAwait(false);
    }

    private async Task ReplayAsync(CancellationToken ct)
    {
        var pending = await journal.TakePendingAsync(storage.Value.ReplayWindow, ct).ConfigureAwait(false);
        foreach (var row in pending)
        {
            if (ActivityParser.TryParse(System.Text.Encoding.UTF8.GetBytes(row.Body), out var activity, out _))
            {
                await queue.EnqueueAsync(new QueuedTurn(activity!, row.ConversationId, row.ActivityId), ct).ConfigureAwait(false);
            }
        }

        if (pending.Count > 0)
        {
            Log.TurnsReplayed(logger, pending.Count);
        }
    }

    private async Task RunLaneAsync(ChannelReader<QueuedTurn> lane, CancellationToken ct)
    {
        try
        {
            await foreach (var item in lane.ReadAllAsync(ct).ConfigureAwait(false))
            {
                var status = await HandleAsync(item, ct).ConfigureAwait(false);
                if (status is { } done)
                {
                    _completed.Writer.TryWrite((item.ConversationId, item.ActivityId, done));
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: what is still queued stays pending in the journal and is replayed at start.
        }
    }

    /// <summary>Handles one turn; null when it was interrupted by shutdown and must stay pending.</summary>
    internal async Task<ActivityJournal.Status?> HandleAsync(QueuedTurn item, CancellationToken ct)
    {
        var turn = new TurnContext(item.Activity, connector, services);
        try
        {
            await dispatcher.HandleAsync(turn, ct).ConfigureAwait(false);
            return ActivityJournal.Status.Done;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return null;
        }
        catch (TurnFailedException ex) when (ex.InnerException is ConnectorException connectorError)
        {
            Log.TurnConnectorFailed(logger, item.Activity.Type ?? "?", connectorError.StatusCode, connectorError.ErrorCode ?? "-");
            return ActivityJournal.Status.Failed;
        }
        catch (TurnFailedException)
        {
            await TryApologizeAsync(turn, ct).ConfigureAwait(false);
            return ActivityJournal.Status.Failed;
        }
    }

    private async Task TryApologizeAsync(TurnContext turn, CancellationToken ct)
    {
        if (turn.Activity.Type != ActivityTypes.Message)
        {
            return;
        }

        try
        {
            var language = await languages.ResolveAsync(turn, ct).ConfigureAwait(false);
            await turn.SendAsync(new Activity { Text = UiText.For(language).SomethingWentWrong }, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or System.Data.Common.DbException)
        {
            Log.ApologyFailed(logger, ex.GetType().Name);
        }
    }

    private async Task RecordCompletionsAsync(CancellationToken ct)
    {
        var batch = new List<(string, string, ActivityJournal.Status)>(256);
        try
        {
            while (await _completed.Reader.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                while (batch.Count < 256 && _completed.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                await journal.CompleteAsync(batch, CancellationToken.None).ConfigureAwait(false);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            while (_completed.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            if (batch.Count > 0)
            {
                await journal.CompleteAsync(batch, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task PruneAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                await journal.PruneAsync(storage.Value.JournalRetention, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
