using Microsoft.Extensions.Options;

namespace ProBonoBot.Hours;

/// <summary>Looks for due hours cards every <see cref="HoursOptions.ScheduleInterval"/>; whatever a pass throws is logged and the loop goes on.</summary>
public sealed class HoursWorker(HoursPrompts prompts, IOptions<HoursOptions> options, TimeProvider time, ILogger<HoursWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScheduleInterval, time);
        try
        {
            // The first pass waits one interval: a starting host is busy enough, and nothing is due to the minute.
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await prompts.RunOnceAsync(time.GetUtcNow(), stoppingToken);
                }
                // A background loop must never stop the host.
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    Log.ClubStepFailed(logger, "hours-prompts", ex.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
