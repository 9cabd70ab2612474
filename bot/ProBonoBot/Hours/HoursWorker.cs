using Microsoft.Extensions.Options;
using ProBonoBot.Hosting;

namespace ProBonoBot.Hours;

/// <summary>Looks for due hours cards every <see cref="HoursOptions.ScheduleInterval"/>; whatever a pass throws is logged and the loop goes on.</summary>
public sealed class HoursWorker(HoursPrompts prompts, IOptions<HoursOptions> options, TimeProvider time, ILogger<HoursWorker> logger) : PeriodicWorker(time, logger)
{
    protected override string StepName => "hours-prompts";

    protected override TimeSpan Interval => options.Value.ScheduleInterval;

    // The first pass waits one interval: a starting host is busy enough, and nothing is due to the minute.
    protected override bool RunAtStart => false;

    protected override Task RunStepAsync(CancellationToken ct) => prompts.RunOnceAsync(Time.GetUtcNow(), ct);
}
