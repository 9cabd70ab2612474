using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ProBonoBot.Protocol.Auth;
using ProBonoBot.Protocol.Connector;
using ProBonoBot.Protocol.Routing;

namespace ProBonoBot.Protocol;

/// <summary>Registers the protocol layer: options, inbound auth, the connector client and routing.</summary>
public static class ProtocolServiceCollectionExtensions
{
    public static IServiceCollection AddBotProtocol(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<BotFrameworkOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidator>();
        services.AddOptions<ConnectorOptions>().Bind(configuration.GetSection(ConnectorOptions.Section))
            .Validate(o => o.MaxRetries is >= 0 and <= 10, "Connector:MaxRetries must be between 0 and 10.")
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero && o.RetryBaseDelay >= TimeSpan.Zero, "Connector:AttemptTimeout must be positive and RetryBaseDelay not negative.")
            .ValidateOnStart();
        services.PostConfigure<ConnectorOptions>(o =>
        {
            // Binding appends to the defaults; a configured list replaces them.
            var configured = configuration.GetSection($"{ConnectorOptions.Section}:TrustedHosts").Get<string[]>();
            if (configured is { Length: > 0 })
            {
                o.TrustedHosts.Clear();
                foreach (var host in configured)
                {
                    o.TrustedHosts.Add(host);
                }
            }
        });

        services.AddHttpClient<IOpenIdMetadataSource, HttpOpenIdMetadataSource>();
        services.AddSingleton<BotAuthenticator>();
        services.AddSingleton<TrustedHostPolicy>();
        services.AddSingleton<ProactivePacer>();

        services.AddHttpClient<ClientCredentialsTokenProvider>();
        services.AddHttpClient<ManagedIdentityTokenProvider>();
        services.TryAddSingleton<IConnectorTokenProvider>(sp =>
            string.Equals(sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.MicrosoftAppType, "UserAssignedMSI", StringComparison.OrdinalIgnoreCase)
                ? sp.GetRequiredService<ManagedIdentityTokenProvider>()
                : sp.GetRequiredService<ClientCredentialsTokenProvider>());
        services.AddTransient<ConnectorAuthHandler>();
        services.AddMetrics();
        services.AddSingleton<ConnectorMetrics>();
        services.AddTransient<ConnectorRetryHandler>();
        services.AddHttpClient<IConnectorClient, ConnectorClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<ConnectorRetryHandler>()
            .AddHttpMessageHandler<ConnectorAuthHandler>()
            .AddHttpMessageHandler(sp => new PacerShim(sp.GetRequiredService<ProactivePacer>()))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                MaxConnectionsPerServer = 64,
                AutomaticDecompression = System.Net.DecompressionMethods.All,
            });

        services.AddSingleton<ActivityDispatcher>();
        return services;
    }

    /// <summary>
    /// The pacer is one shared instance (its schedule is app-wide); handler chains are rebuilt per client, so each
    /// chain gets a thin shim that forwards to it.
    /// </summary>
    private sealed class PacerShim(ProactivePacer pacer) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            pacer.PaceAsync(request, r => base.SendAsync(r, cancellationToken), cancellationToken);
    }
}
