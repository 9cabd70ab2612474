using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProBonoBot.Storage;
using ProBonoBot.Testing;

namespace ProBonoBot.Tests;

/// <summary>
/// The real bot host on Kestrel (loopback), configured like a deployment but with a local OpenID issuer,
/// a fake connector and a database of the test's choosing. Can be stopped and started again on the same database.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string TenantId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    public const string BotId = "28:" + AppId;

    private readonly Dictionary<string, string?> _settings;
    private readonly string? _tempDir;
    private WebApplicationFactory<Program>? _factory;

    private readonly string _environment;
    private readonly Action<IServiceCollection>? _services;

    private BotHost(LocalIssuer issuer, FakeConnector connector, Dictionary<string, string?> settings, string? tempDir, string environment,
        Action<IServiceCollection>? services)
    {
        _environment = environment;
        _services = services;
        Issuer = issuer;
        Connector = connector;
        _settings = settings;
        _tempDir = tempDir;
    }

    public LocalIssuer Issuer { get; }

    public FakeConnector Connector { get; }

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    /// <summary>Everything the bot logged at the configured level (Warning and above unless a test lowers it).</summary>
    public LogSink Logs { get; } = new();

    public Db Db => Services.GetRequiredService<Db>();

    /// <param name="postgresConnectionString">Null for a fresh SQLite file.</param>
    /// <param name="anonymous">True for local-development mode (no app id).</param>
    /// <param name="services">Registrations applied after the bot's own (e.g. an in-memory telemetry exporter).</param>
    public static async Task<BotHost> StartAsync(string? postgresConnectionString = null, bool anonymous = false, Dictionary<string, string?>? extra = null,
        string environment = "Development", Action<IServiceCollection>? services = null)
    {
        var issuer = await LocalIssuer.StartAsync();
        var connector = await FakeConnector.StartAsync();
        string? temp = null;
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = anonymous ? string.Empty : AppId,
            ["MicrosoftAppPassword"] = anonymous ? string.Empty : "test-secret",
            ["MicrosoftAppTenantId"] = TenantId,
            ["ToBotFromChannelOpenIdMetadataUrl"] = issuer.MetadataUrl.ToString(),
            ["ToBotFromEntraOpenIdMetadataUrl"] = issuer.EntraMetadataUrl.ToString(),
            ["ToChannelFromBotLoginUrl"] = issuer.TokenUrl.ToString(),
            ["Connector:TrustedHosts:0"] = $"127.0.0.1:{connector.Port}",
            ["Connector:RetryBaseDelay"] = "00:00:00.010",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Club:Leaders:0"] = Activities.UserAad,
            ["Club:CardUpdateInterval"] = "00:00:00.200",
            ["Club:LeaderDigestInterval"] = "00:00:01",
        };
        if (postgresConnectionString is null)
        {
            temp = Path.Combine(Path.GetTempPath(), "probonobot-test-" + Guid.NewGuid().ToString("N")[..8]);
            settings["Storage:Provider"] = "Sqlite";
            settings["ConnectionStrings:ProBono"] = $"Data Source={Path.Combine(temp, "bot.db")}";
        }
        else
        {
            settings["Storage:Provider"] = "Postgres";
            settings["ConnectionStrings:ProBono"] = postgresConnectionString;
        }

        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var host = new BotHost(issuer, connector, settings, temp, environment, services);
        try
        {
            await host.RestartAsync();
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>Stops the bot (if running) and starts a new process-equivalent on the same database.</summary>
    public async Task RestartAsync()
    {
        if (_factory is not null)
        {
            Client?.Dispose();
            await _factory.DisposeAsync();
        }

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
            builder.UseSetting("Urls", "http://127.0.0.1:0");
            builder.UseEnvironment(_environment);
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
            if (_services is not null)
            {
                builder.ConfigureTestServices(_services);
            }
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        Client = _factory.CreateClient();
    }

    /// <summary>Stops the bot without starting it again.</summary>
    public async Task StopAsync()
    {
        if (_factory is not null)
        {
            Client?.Dispose();
            var factory = _factory;
            _factory = null;
            await factory.DisposeAsync();
        }
    }

    public string Token() => Issuer.BotConnectorToken(AppId, Connector.ServiceUrl);

    /// <summary>Posts an activity with a valid Bot Connector token (or the given one; "" for none).</summary>
    public async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        var bearer = token ?? Token();
        if (bearer.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Connector.DisposeAsync();
        await Issuer.DisposeAsync();
        if (_tempDir is not null && Directory.Exists(_tempDir))
        {
            Directory.Delete(_tempDir, recursive: true);
        }
    }
}
