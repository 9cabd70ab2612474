namespace ProBonoBot.Impact;

/// <summary>Wires closing a project with its outcome, thank-you cards, the club report and my impact.</summary>
public static class ImpactServices
{
    public static IServiceCollection AddImpact(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ImpactOptions>().Bind(configuration.GetSection(ImpactOptions.Section))
            .Validate(o => o.FiscalYearStartMonth is >= 1 and <= 12, "Impact:FiscalYearStartMonth must be a month number from 1 to 12.")
            .Validate(o => KnownZone(o.TimeZone), "Impact:TimeZone must be an IANA time zone id such as Asia/Tokyo.")
            .Validate(o => o.LinkLifetime > TimeSpan.Zero && o.LinkLifetime <= TimeSpan.FromDays(90), "Impact:LinkLifetime must be positive and at most 90 days.")
            .ValidateOnStart();
        services.AddSingleton<ImpactStore>();
        services.AddSingleton<ReportStore>();
        services.AddSingleton<ReportService>();
        services.AddSingleton<ReportLinks>();
        services.AddSingleton<ProjectClosing>();
        services.AddSingleton<Hosting.IRouteModule, ImpactRoutes>();
        return services;
    }

    public static WebApplication MapImpact(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/reports/{fy:int}.png", ReportEndpoints.ChartAsync);
        app.MapGet("/reports/{fy:int}.csv", ReportEndpoints.CsvAsync);
        return app;
    }

    private static bool KnownZone(string? id) => !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
