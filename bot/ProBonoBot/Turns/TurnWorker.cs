using System.Threading.Channels;
using Microsoft.Extensions.Options;
using ProBonoBot.Outbox;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Storage;

namespace ProBonoBot.Turns;

/// <summary>
/// Runs queued turns lane by lane and records their completion in batches. It takes over the activities that a
/// previous run (or, on PostgreSQL, another instance that stopped) accepted but did not finish, so a restart
/// mid-conversation loses nothing; a turn that was started too often without finishing is parked instead.
/// </summary>
public sealed class TurnWorker(
    TurnQueue queue,
    TurnLanes lanes,
    ActivityJournal journal,
    TurnRunner runner,
    DeadLetters deadLetters,
    InstanceRegistry instances,
    DeliveryRate rate,
    Hosting.BotMetrics metrics,
    Db db,
    IOptions<StorageOptions> storage,
    IOptions<TurnOptions> options,
    TimeProvider time,
    ILogger<TurnWorker> logger) : BackgroundService
{
    private readonly Channel<(string, string, ActivityJournal.Status)> _completed =
        Channel.CreateUnbounded<(string, string, ActivityJournal.Status)>(new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Lanes first: taking over a long backlog must not wait for room in a lane that nobody empties.
        var tasks = Enumerable.Range(0, TurnQueue.LaneCount).Select(i => RunLaneAsync(i, stoppingToken)).ToList();
        tasks.Add(RecordCompletionsAsync(stoppingToken));
        tasks.Add(MaintainAsync(stoppingToken));
        await Task.WhenAll(tasks);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await instances.LeaveAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            TurnLog.PipelineStepFailed(logger, "leave", ex.GetType().Name);
        }
    }

    /// <summary>Heartbeats, taking over unfinished activities, and pruning; each step logged and retried, never fatal.</summary>
    private async Task MaintainAsync(CancellationToken ct)
    {
        var o = options.Value;
        var started = false;
        var nextPrune = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(o.HeartbeatInterval);
        do
        {
            try
            {
                rate.SetInstances(await instances.HeartbeatAsync(ct));
                if (!started || !db.IsSqlite)
                {
                    // SQLite serves one instance: everything pending was this process's predecessor's.
                    await AdoptAsync(everyone: db.IsSqlite, ct);
                    started = true;
                }

                var now = time.GetUtcNow();
                if (now >= nextPrune)
                {
                    nextPrune = now + TimeSpan.FromHours(1);
                    var retention = storage.Value.JournalRetention;
                    await journal.PruneAsync(retention, ct);
                    await RequestKeys.PruneAsync(db, now - retention, ct);
                    await deadLetters.PruneAsync(TimeSpan.FromDays(30), ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                TurnLog.PipelineStepFailed(logger, "maintenance", ex.GetType().Name);
            }
        }
        while (await WaitAsync(timer, ct));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task AdoptAsync(bool everyone, CancellationToken ct)
    {
        var adopted = await journal.AdoptAsync(everyone, storage.Value.ReplayWindow, options.Value.MaxAttempts, ct);
        foreach (var parked in adopted.Parked)
        {
            TurnLog.TurnParked(logger, parked.ActivityId, parked.ActivityType, parked.Attempts - 1);
            metrics.TurnSkipped(parked.ActivityType, "parked");
        }

        if (adopted.Replay.Count > 0)
        {
            TurnLog.TurnsAdopted(logger, adopted.Replay.Count);
        }

        foreach (var row in adopted.Replay)
        {
            if (ActivityParser.TryParse(System.Text.Encoding.UTF8.GetBytes(row.Body), out var activity, out _))
            {
                await queue.EnqueueAsync(new QueuedTurn(activity!, row.ConversationId, row.ActivityId), ct);
            }
            else
            {
                _completed.Writer.TryWrite((row.ConversationId, row.ActivityId, ActivityJournal.Status.Failed));
            }
        }
    }

    private async Task RunLaneAsync(int lane, CancellationToken ct)
    {
        try
        {
            await foreach (var item in queue.Lane(lane).ReadAllAsync(ct))
            {
                lanes.Started(lane);
                var status = await runner.RunAsync(item, ct);
                lanes.Finished(lane);
                if (status is { } done)
                {
                    _completed.Writer.TryWrite((item.ConversationId, item.ActivityId, done));
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: what is still queued stays pending in the journal and is taken over at the next start.
        }
    }

    /// <summary>For tests: runs one turn through the same boundary as the lanes.</summary>
    internal Task<ActivityJournal.Status?> HandleAsync(QueuedTurn item, CancellationToken ct) => runner.RunAsync(item, ct);

    private async Task RecordCompletionsAsync(CancellationToken ct)
    {
        var batch = new List<(string, string, ActivityJournal.Status)>(256);
        while (true)
        {
            try
            {
                if (!await _completed.Reader.WaitToReadAsync(ct))
                {
                    return;
                }

                while (batch.Count < 256 && _completed.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                await journal.CompleteAsync(batch, CancellationToken.None);
                batch.Clear();
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                while (_completed.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                if (batch.Count > 0)
                {
                    await journal.CompleteAsync(batch, CancellationToken.None);
                }

                return;
            }
            catch (Exception ex)
            {
                // The batch stays and is written at the next try; a turn not marked done is at worst replayed (its
                // state changes are keyed by the activity; its answers can repeat).
                TurnLog.PipelineStepFailed(logger, "complete", ex.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(1), ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
