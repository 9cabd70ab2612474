using Microsoft.Extensions.Options;
using ProBonoBot.Hosting;

namespace ProBonoBot.Plans;

/// <summary>
/// Sends the reminders that are due. Each pass first makes the reminder rows members are missing (someone confirmed after
/// a date was set), then claims due rows batch by batch (see <see cref="MilestoneStore.ClaimRemindersAsync"/>). Reminders
/// are due times in the database, so after downtime the next pass finds them: sent once, late ones saying so, and none
/// for a milestone that has already begun.
/// </summary>
public sealed class PlanReminderWorker(MilestoneStore store, PlanMessages messages, PlanLinks links, IOptions<PlanOptions> options, TimeProvider time,
    ILogger<PlanReminderWorker> logger) : PeriodicWorker(time, logger)
{
    protected override string StepName => "plan-reminders";

    protected override TimeSpan Interval => options.Value.ScheduleInterval;

    protected override Task RunStepAsync(CancellationToken ct) => RunOnceAsync(ct);

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
