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
    ILogger<BroadcastScheduler> logger) : PeriodicWorker(time, logger)
{
    protected override string StepName => "broadcast-schedule";

    protected override TimeSpan Interval => options.Value.ScheduleInterval;

    protected override Task RunStepAsync(CancellationToken ct) => RunOnceAsync(ct);

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
