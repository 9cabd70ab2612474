using Microsoft.Extensions.Options;
using Microsoft.Graph;
using ProBonoBot.Protocol.Auth;

namespace ProBonoBot.Install.Proactive;

/// <summary>Registers proactive installation: its settings (checked at start when enabled), the group service and the worker.</summary>
public static class ProactiveInstallRegistration
{
    public static IServiceCollection AddProactiveInstall(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProactiveInstallOptions>().Bind(configuration.GetSection(ProactiveInstallOptions.Section))
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.CatalogAppId),
                "ProactiveInstall:CatalogAppId (the app's id in the Teams app catalog) is required when ProactiveInstall:Enabled is true.")
            .Validate(o => !o.Enabled || o.GroupIds.Any(g => !string.IsNullOrWhiteSpace(g)),
                "ProactiveInstall:GroupIds needs at least one Entra group id when ProactiveInstall:Enabled is true.")
            .Validate(o => IsGraphUrl(o.GraphBaseUrl),
                "ProactiveInstall:GraphBaseUrl must be an absolute https address (http only on loopback).")
            .Validate(o => o.RefreshInterval >= TimeSpan.FromSeconds(1) && o.CallInterval >= TimeSpan.Zero && o.RetryBaseDelay >= TimeSpan.FromSeconds(1)
                && o.MaxAttempts is >= 1 and <= 100,
                "ProactiveInstall: RefreshInterval and RetryBaseDelay must be at least 1 s, CallInterval not negative, MaxAttempts 1–100.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProactiveInstallOptions>>(sp => new CredentialsCheck(sp.GetRequiredService<IOptions<BotFrameworkOptions>>()));

        services.AddHttpClient(nameof(GraphAuthentication));
        services.AddHttpClient(nameof(InstallGraph), client => client.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services.AddSingleton(sp => new GraphAuthentication(sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value, sp.GetRequiredService<IOptions<ProactiveInstallOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp =>
        {
            // No Graph retry handler: a failure is recorded per person and tried again later from the database.
            var o = sp.GetRequiredService<IOptions<ProactiveInstallOptions>>().Value;
            var client = new GraphServiceClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(InstallGraph)),
                sp.GetRequiredService<GraphAuthentication>(), o.GraphBaseUrl.TrimEnd('/'));
            return new InstallGraph(client, o, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<ProactiveInstallStore>();
        services.AddSingleton<EntraGroups>();
        services.AddHostedService<ProactiveInstallWorker>();
        return services;
    }

    private static bool IsGraphUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    /// <summary>Graph needs the bot's own credentials and tenant: local-development mode cannot install anything.</summary>
    private sealed class CredentialsCheck(IOptions<BotFrameworkOptions> bot) : IValidateOptions<ProactiveInstallOptions>
    {
        public ValidateOptionsResult Validate(string? name, ProactiveInstallOptions options) =>
            options.Enabled && (bot.Value.IsLocalDevelopment || string.IsNullOrWhiteSpace(bot.Value.MicrosoftAppTenantId))
                ? ValidateOptionsResult.Fail("ProactiveInstall:Enabled needs MicrosoftAppId and MicrosoftAppTenantId (Graph tokens come from the bot's own tenant).")
                : ValidateOptionsResult.Success;
    }
}
