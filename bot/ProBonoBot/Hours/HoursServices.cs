namespace ProBonoBot.Hours;

/// <summary>Wires volunteer hours: the hours cards, my hours, approval and corrections.</summary>
public static class HoursServices
{
    public static IServiceCollection AddHours(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }

    public static WebApplication MapHours(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app;
    }
}
