using ProBonoBot.Hosting;

namespace ProBonoBot.Hours;

/// <summary>Wires volunteer hours: the hours cards, my hours, approval and corrections.</summary>
public static class HoursServices
{
    public static IServiceCollection AddHours(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<HoursOptions>().Bind(configuration.GetSection(HoursOptions.Section))
            .Validate(o => o.AfterMilestone >= TimeSpan.Zero && o.AfterMilestone <= TimeSpan.FromDays(7),
                "Hours:AfterMilestone must be between 0 and 7 days (how long after a milestone ends its hours card goes out).")
            .Validate(o => Enum.IsDefined(o.WeeklyDay) && o.WeeklyAt >= TimeSpan.Zero && o.WeeklyAt < TimeSpan.FromDays(1),
                "Hours:WeeklyDay must be a day of the week (Monday … Sunday) and Hours:WeeklyAt a time of day (00:00–23:59).")
            .Validate(o => o.MilestoneLateLimit >= TimeSpan.FromHours(1) && o.MilestoneLateLimit <= TimeSpan.FromDays(31),
                "Hours:MilestoneLateLimit must be between 1 hour and 31 days.")
            .Validate(o => o.ScheduleInterval >= TimeSpan.FromMilliseconds(50) && o.ScheduleInterval <= TimeSpan.FromDays(1),
                "Hours:ScheduleInterval must be between 50 ms and 1 day.")
            .ValidateOnStart();
        services.AddSingleton<HoursStore>();
        services.AddSingleton<HoursMilestones>();
        services.AddSingleton<HoursView>();
        services.AddSingleton<HoursPrompts>();
        services.AddHostedService<HoursWorker>();
        services.AddSingleton<IRouteModule, HoursRoutes>();
        services.AddSingleton<IRouteModule, HoursApprovalRoutes>();
        return services;
    }

    public static WebApplication MapHours(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app;
    }
}
