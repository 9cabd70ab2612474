using Microsoft.Extensions.Options;
using ProBonoBot.Hosting;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Projects;

namespace ProBonoBot.Broadcasts;

/// <summary>
/// Starts scheduled broadcasts when their time comes (never before: the claim compares <c>send_at</c> with the clock) and
/// sends the digests that are due. Both are claimed with a conditional UPDATE in the transaction that queues the
/// messages, so a restart or a second instance never sends twice, and nothing is lost if the bot was down at the time.
/// </summary>
public sealed class BroadcastScheduler(
    BroadcastStore broadcasts,
    BroadcastDigests digests,
    BroadcastTargets targets,
    BroadcastReporter reporter,
    ProjectStore projects,
    IOptions<BroadcastOptions> options,
    TimeProvider time,
    ILogger<BroadcastScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScheduleInterval, time);
        try
        {
            do
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                // A background loop must never stop the host: whatever a step throws is logged and the loop goes on.
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    Log.ClubStepFailed(logger, "broadcast-schedule", ex.GetType().Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Starts what is due and sends due digests; returns how many broadcasts this instance started.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var started = 0;
        foreach (var due in await broadcasts.DueAsync(ct))
        {
            var project = await projects.GetAsync(due.ProjectNumber, ct);
            if (project is null || project.Status != ProjectStatus.Recruiting)
            {
                await broadcasts.DropScheduledAsync(due.Id, ct);
            }
            else
            {
                var targeting = Targeting.FromJson(due.Targeting) ?? Targeting.Everyone;
                var (claimed, _) = await broadcasts.StartScheduledAsync(due.Id, await targets.FitAsync(targeting, project.Number, ct),
                    await targets.ActivitiesAsync(project, ct), ct);
                started += claimed ? 1 : 0;
            }

            if (due.ReportConversationId is not null)
            {
                await reporter.ReportAsync(due.Id, ct);
            }
        }

        foreach (var person in await digests.DueAsync(500, ct))
        {
            await digests.SendAsync(person, ct);
        }

        return started;
    }
}
