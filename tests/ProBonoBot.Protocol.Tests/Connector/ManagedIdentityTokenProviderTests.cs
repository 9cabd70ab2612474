using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProBonoBot.Protocol.Auth;
using ProBonoBot.Protocol.Connector;
using ProBonoBot.Testing;

namespace ProBonoBot.Protocol.Tests.Connector;

public sealed class ManagedIdentityTokenProviderTests : IAsyncLifetime
{
    private FakeIdentityEndpoint _endpoint = null!;
    private readonly ManualClock _clock = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));

    public async Task InitializeAsync() => _endpoint = await FakeIdentityEndpoint.StartAsync(expiresOn: 1_800_003_600);

    public async Task DisposeAsync() => await _endpoint.DisposeAsync();

    private ManagedIdentityTokenProvider CreateSut(HttpClient http) => new(http,
        Options.Create(new BotFrameworkOptions { MicrosoftAppType = "UserAssignedMSI", MicrosoftAppId = "mi-client-id" }),
        _clock, NullLogger<ManagedIdentityTokenProvider>.Instance)
    {
        IdentityEndpoint = new Uri(_endpoint.BaseUri, "msi/token").ToString(),
        IdentityHeader = "secret-header",
    };

    [Fact]
    public async Task GetTokenAsync_AppService_SendsHeaderClientIdAndResource()
    {
        using var http = new HttpClient();

        var token = await CreateSut(http).GetTokenAsync(default);

        Assert.Equal("mi-token", token);
        var request = Assert.Single(_endpoint.Requests);
        Assert.Equal("secret-header", request.Header);
        Assert.Contains("client_id=mi-client-id", request.Query, StringComparison.Ordinal);
        Assert.Contains("resource=https%3A%2F%2Fapi.botframework.com", request.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTokenAsync_BeforeExpiryMargin_Cached_AfterwardsRefreshed()
    {
        using var http = new HttpClient();
        var sut = CreateSut(http);
        await sut.GetTokenAsync(default);

        _clock.Advance(TimeSpan.FromMinutes(50));
        await sut.GetTokenAsync(default);
        Assert.Single(_endpoint.Requests);

        _clock.Advance(TimeSpan.FromMinutes(6));
        await sut.GetTokenAsync(default);
        Assert.Equal(2, _endpoint.Requests.Count);
    }

    private sealed class FakeIdentityEndpoint : LoopbackServer
    {
        private long _expiresOn;

        public List<(string Header, string Query)> Requests { get; } = [];

        public static async Task<FakeIdentityEndpoint> StartAsync(long expiresOn)
        {
            var server = new FakeIdentityEndpoint { _expiresOn = expiresOn };
            await server.StartCoreAsync();
            return server;
        }

        protected override void Map(WebApplication app) => app.MapGet("/msi/token", (HttpRequest request) =>
        {
            lock (Requests)
            {
                Requests.Add((request.Headers["X-IDENTITY-HEADER"].ToString(), request.QueryString.Value ?? string.Empty));
            }

            return Results.Json(new Dictionary<string, string>
            {
                ["access_token"] = "mi-token",
                ["expires_on"] = _expiresOn.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["resource"] = "https://api.botframework.com",
                ["token_type"] = "Bearer",
            });
        });
    }
}
