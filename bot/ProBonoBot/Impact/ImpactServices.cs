namespace ProBonoBot.Impact;

/// <summary>Wires closing a project with its outcome, thank-you cards, the club report and my impact.</summary>
public static class ImpactServices
{
    public static IServiceCollection AddImpact(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }

    public static WebApplication MapImpact(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app;
    }
}
