using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProBonoBot.Protocol.Connector;
using ProBonoBot.Testing;

namespace ProBonoBot.Protocol.Tests.Connector;

/// <summary>The protocol layer's real DI wiring, configured like a deployed bot but pointed at loopback fakes.</summary>
internal sealed class ConnectorHarness : IAsyncDisposable
{
    private ConnectorHarness(ServiceProvider services, LocalIssuer issuer, FakeConnector connector)
    {
        Services = services;
        Issuer = issuer;
        Connector = connector;
    }

    public ServiceProvider Services { get; }

    public LocalIssuer Issuer { get; }

    public FakeConnector Connector { get; }

    public IConnectorClient Client => Services.GetRequiredService<IConnectorClient>();

    public static async Task<ConnectorHarness> StartAsync(Dictionary<string, string?>? overrides = null, bool trustConnector = true)
    {
        var issuer = await LocalIssuer.StartAsync();
        var connector = await FakeConnector.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = "app-id",
            ["MicrosoftAppPassword"] = "app-secret",
            ["MicrosoftAppTenantId"] = "tenant-id",
            ["ToChannelFromBotLoginUrl"] = issuer.TokenUrl.ToString(),
            ["Connector:RetryBaseDelay"] = "00:00:00.010",
            ["Connector:MaxRetries"] = "3",
        };
        if (trustConnector)
        {
            settings["Connector:TrustedHosts:0"] = $"127.0.0.1:{connector.Port}";
        }

        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddBotProtocol(configuration).BuildServiceProvider();
        return new ConnectorHarness(services, issuer, connector);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Connector.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
