using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Dapper;

namespace ProBonoBot.Tests.Dashboard;

/// <summary>Sign-in to the dashboard's API: Teams SSO tokens of the bot's tenant for the tab's resource, club leaders only.</summary>
public sealed class DashboardSignInTests : IAsyncLifetime
{
    private const string PublicBase = "https://bot.example.com";
    private const string Audience = $"api://bot.example.com/botid-{BotHost.AppId}";
    private BotHost _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await BotHost.StartAsync(extra: new() { ["Bot:PublicBaseUrl"] = PublicBase });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task<HttpResponseMessage> GetAsync(string path, string? token, string? host = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (host is not null)
        {
            request.Headers.Host = host;
        }

        return await _bot.Client.SendAsync(request);
    }

    private string Token(string oid = Activities.UserAad, string audience = Audience, bool v2 = true, bool forged = false, string tenant = BotHost.TenantId, TimeSpan? lifetime = null) =>
        _bot.Issuer.UserToken(tenant, audience, oid, "Haruka Sato", v2, forged, lifetime);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Leader_ValidToken_200(bool v2)
    {
        var response = await GetAsync("/dashboard/api/board", Token(v2: v2));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData(Audience)]
    [InlineData($"api://bot.example.com/{BotHost.AppId}")]
    [InlineData(BotHost.AppId)]
    public async Task Leader_AcceptedAudiences_200(string audience) =>
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/dashboard/api/me", Token(audience: audience))).StatusCode);

    [Fact]
    public async Task LeaderAddedFromChat_200()
    {
        await _bot.Db.WriteAsync(c => c.ExecuteAsync("INSERT INTO leaders (aad_object_id, name, added_by, added_at) VALUES ('aad-chat-leader', 'Kenji', 'x', @now)", new { now = DateTimeOffset.UtcNow }), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/dashboard/api/board", Token(oid: "aad-chat-leader"))).StatusCode);
    }

    [Fact]
    public async Task NonLeader_403()
    {
        var response = await GetAsync("/dashboard/api/board", Token(oid: "aad-someone-else"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Forbidden", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["code"]);
    }

    [Theory]
    [InlineData("api://other.example.com/botid-11111111-2222-3333-4444-555555555555")]
    [InlineData("api://botid-11111111-2222-3333-4444-555555555555")]
    [InlineData("https://graph.microsoft.com")]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    public async Task OtherAudience_401(string audience) =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/dashboard/api/board", Token(audience: audience))).StatusCode);

    [Fact]
    public async Task ForgedSignature_401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/dashboard/api/board", Token(forged: true))).StatusCode);

    [Fact]
    public async Task OtherTenant_401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/dashboard/api/board", Token(tenant: "ffffffff-0000-0000-0000-000000000000"))).StatusCode);

    [Fact]
    public async Task Expired_401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/dashboard/api/board", Token(lifetime: TimeSpan.FromHours(-1)))).StatusCode);

    [Fact]
    public async Task BotConnectorToken_401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/dashboard/api/board", _bot.Token())).StatusCode);

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-jwt")]
    public async Task NoOrGarbageToken_OutsideDevMode_401(string? token)
    {
        foreach (var path in new[] { "/dashboard/api/me", "/dashboard/api/board", "/dashboard/api/projects/1", "/dashboard/api/broadcasts", "/dashboard/api/broadcasts/1", "/dashboard/api/drafting", "/dashboard/api/club" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(path, token)).StatusCode);
        }
    }

    [Fact]
    public async Task Pages_AreServedWithoutSignIn_WithAPolicyThatLetsTeamsFrameThem()
    {
        foreach (var path in new[] { "/dashboard", "/dashboard/project", "/dashboard/broadcasts", "/dashboard/drafting", "/dashboard/club", "/dashboard/config" })
        {
            var page = await GetAsync(path, null);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            var csp = page.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("https://teams.microsoft.com", csp, StringComparison.Ordinal);
        }

        foreach (var asset in new[] { "dashboard.js", "dashboard.css", "chart.umd.min.js", "teams.min.js" })
        {
            Assert.Equal(HttpStatusCode.OK, (await GetAsync($"/dashboard/assets/{asset}", null)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/dashboard/assets/..%2Fappsettings.json", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/dashboard/assets/nothing.js", null)).StatusCode);
    }
}

/// <summary>Anonymous access in local development only: no app id, Development, loopback.</summary>
public sealed class DashboardLocalModeTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync(anonymous: true);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Loopback_NoToken_200_AndSaysLocal()
    {
        var response = await _bot.Client.GetAsync("/dashboard/api/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((bool)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["local"]!);
    }

    [Fact]
    public async Task ForeignHostName_401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/api/board");
        request.Headers.Host = "evil.example.com";

        Assert.Equal(HttpStatusCode.Unauthorized, (await _bot.Client.SendAsync(request)).StatusCode);
    }
}
