namespace ProBonoBot.Plans;

/// <summary>Wires the plan of a project (milestones and meetings), reminders with answers, and calendar invites.</summary>
public static class PlansServices
{
    public static IServiceCollection AddPlans(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }

    public static WebApplication MapPlans(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app;
    }
}
