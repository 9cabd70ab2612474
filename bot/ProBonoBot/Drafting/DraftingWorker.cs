using ProBonoBot.Cards;
using ProBonoBot.Outbox;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Connector;
using ProBonoBot.Storage;

namespace ProBonoBot.Drafting;

/// <summary>Wakes the drafting worker when a job was queued.</summary>
public sealed class DraftingSignal : WakeSignal;

/// <summary>
/// Runs drafting jobs in the background, a few at a time, so the HTTP turn returns at once. Jobs are leased
/// and the lease is renewed while a job runs: after a crash or restart the job is picked up again (on SQLite,
/// the only instance takes its running jobs back at start). A job that fails three times is reported to its person.
/// </summary>
public sealed class DraftingWorker(
    DraftingStore store,
    DraftingJobRunner runner,
    DraftingSignal signal,
    Db db,
    IConnectorClient connector,
    ILogger<DraftingWorker> logger) : BackgroundService
{
    private const int MaxParallel = 4;
    private const int MaxAttempts = 3;
    private readonly SemaphoreSlim _slots = new(MaxParallel, MaxParallel);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (db.IsSqlite)
        {
            await store.ReleaseRunningAsync(stoppingToken).ConfigureAwait(false);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                var job = await store.ClaimAsync(stoppingToken).ConfigureAwait(false);
                if (job is null)
                {
                    _slots.Release();
                    await signal.WaitAsync(TimeSpan.FromSeconds(2), stoppingToken).ConfigureAwait(false);
                    continue;
                }

                _ = Task.Run(() => RunAsync(job, stoppingToken), CancellationToken.None);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Log.DraftingJobFailed(logger, 0, ex.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RunAsync(DraftingJob job, CancellationToken ct)
    {
        using var heartbeat = new CancellationTokenSource();
        var renew = RenewAsync(job.Id, heartbeat.Token);
        try
        {
            if (job.Attempts > MaxAttempts)
            {
                await ReportFailureAsync(job, ct).ConfigureAwait(false);
                await store.FinishAsync(job.Id, failed: true, 0, CancellationToken.None).ConfigureAwait(false);
                return;
            }

            var tokens = await runner.RunAsync(job, ct).ConfigureAwait(false);
            await store.FinishAsync(job.Id, failed: false, tokens, CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: the lease runs out and the job is taken up again after the restart.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.DraftingJobFailed(logger, job.Id, ex.GetType().Name);
            if (job.Attempts >= MaxAttempts)
            {
                await ReportFailureAsync(job, CancellationToken.None).ConfigureAwait(false);
                await store.FinishAsync(job.Id, failed: true, 0, CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            await heartbeat.CancelAsync().ConfigureAwait(false);
            await renew.ConfigureAwait(false);
            _slots.Release();
        }
    }

    private async Task RenewAsync(long id, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(DraftingStore.Lease / 3, ct).ConfigureAwait(false);
                await store.RenewAsync(id, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The job ended.
        }
    }

    private async Task ReportFailureAsync(DraftingJob job, CancellationToken ct)
    {
        var t = UiText.For(job.Language == "ja" ? Language.Japanese : Language.English).Drafting;
        try
        {
            await connector.SendToConversationAsync(job.ServiceUrl, job.ConversationId,
                new Activity { Text = ProBonoBot.Cards.Wording.Plurals.Format(t.JobFailed, "#" + job.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) }, ct).ConfigureAwait(false);
        }
        catch (ConnectorException ex)
        {
            Log.DraftingJobFailed(logger, job.Id, ex.GetType().Name);
        }
    }

    public override void Dispose()
    {
        _slots.Dispose();
        base.Dispose();
    }
}
