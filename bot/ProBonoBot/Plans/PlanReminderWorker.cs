using Microsoft.Extensions.Options;

namespace ProBonoBot.Plans;

/// <summary>
/// Sends the reminders that are due. Each pass first makes the reminder rows members are missing (someone confirmed after
/// a date was set), then claims due rows batch by batch (see <see cref="MilestoneStore.ClaimRemindersAsync"/>). Reminders
/// are due times in the database, so after downtime the next pass finds them: sent once, late ones saying so, and none
/// for a milestone that has already begun.
/// </summary>
public sealed class PlanReminderWorker(MilestoneStore store, PlanMessages messages, PlanLinks links, IOptions<PlanOptions> options, TimeProvider time,
    ILogger<PlanReminderWorker> logger) : BackgroundService
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
                    Log.ClubStepFailed(logger, "plan-reminders", ex.GetType().Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>One pass: missing rows made, then every due reminder claimed.</summary>
    public async Task<ReminderPass> RunOnceAsync(CancellationToken ct)
    {
        var o = options.Value;
        await store.EnsureRemindersAsync(o.ReminderLead, ct);
        await links.WarmAsync(ct);
        var total = new ReminderPass(0, 0, 0, 0);
        while (!ct.IsCancellationRequested)
        {
            var pass = await store.ClaimRemindersAsync(o.BatchSize, o.LateAfter, messages.ReminderAsync, ct);
            total = new ReminderPass(total.Sent + pass.Sent, total.Late + pass.Late, total.Skipped + pass.Skipped, total.Obsolete + pass.Obsolete);
            if (pass.Total < o.BatchSize)
            {
                break;
            }
        }

        return total;
    }
}
