namespace ProBonoBot.Hosting;

/// <summary>
/// A background loop that runs one step every <see cref="Interval"/> on the injected clock. A background loop must never
/// stop the host: whatever a step throws is logged (its type only, never its message) and the loop goes on.
/// </summary>
public abstract class PeriodicWorker(TimeProvider time, ILogger logger) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    /// <summary>The step's name in the log.</summary>
    protected abstract string StepName { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>False: the first step waits one interval (a starting host is busy enough).</summary>
    protected virtual bool RunAtStart => true;

    protected abstract Task RunStepAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Time);
        try
        {
            if (RunAtStart)
            {
                await StepAsync(stoppingToken);
            }

            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await StepAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task StepAsync(CancellationToken ct)
    {
        try
        {
            await RunStepAsync(ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            Log.ClubStepFailed(logger, StepName, ex.GetType().Name);
        }
    }
}
