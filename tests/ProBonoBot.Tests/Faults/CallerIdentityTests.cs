using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;

namespace ProBonoBot.Tests.Faults;

/// <summary>
/// Issue 10, item 2 (any app in the tenant could act as anyone) and item 10 (the body was parsed before the
/// caller was authenticated).
/// </summary>
public sealed class CallerIdentityTests : IAsyncLifetime
{
    private const string TrustedCaller = "00000000-0000-0000-0000-00000000ca11";
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private string Url => _bot.Connector.ServiceUrl;

    private Task<long> CountAsync(string table) => _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}"), default);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Post_ForeignEntraTokenActingAsLeader_401AndNothingCreated(bool v2)
    {
        var token = _bot.Issuer.EntraToken(BotHost.TenantId, BotHost.AppId, v2, callerAppId: "some-other-app-in-the-tenant");

        var form = await _bot.PostAsync(Activities.Message(Url, "new project"), token);
        var save = await _bot.PostAsync(Activities.Submit(Url, Activities.ProjectForm()), token);

        Assert.Equal(HttpStatusCode.Unauthorized, form.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, save.StatusCode);
        await Task.Delay(300);
        Assert.Empty(_bot.Connector.Requests);
        Assert.Equal(0, await CountAsync("activity_journal"));
        Assert.Equal(0, await CountAsync("projects"));
    }

    [Fact]
    public async Task Post_EntraTokenWithoutServiceUrlClaimAndNoAllowedCallers_401()
    {
        // The token of the issue: right tenant, right audience, another client's azp, no serviceurl claim.
        var token = _bot.Issuer.EntraToken(BotHost.TenantId, BotHost.AppId, v2: true, callerAppId: "caller-app");

        var response = await _bot.PostAsync(Activities.Message(Url, "help"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("AllowedCallers", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_EntraTokenOfListedCaller_Handled()
    {
        await using var bot = await BotHost.StartAsync(extra: new() { ["AllowedCallers:0"] = TrustedCaller });
        var token = bot.Issuer.EntraToken(BotHost.TenantId, BotHost.AppId, v2: true, callerAppId: TrustedCaller);

        var response = await bot.PostAsync(Activities.Message(bot.Connector.ServiceUrl, "help"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await bot.Connector.WaitForActivitiesAsync(1);
    }

    [Fact]
    public async Task Start_AllowedCallersWildcard_RefusesWithOneLineReason()
    {
        var error = await Record.ExceptionAsync(() => BotHost.StartAsync(extra: new() { ["AllowedCallers:0"] = "*" }));

        Assert.NotNull(error);
        Assert.Contains("AllowedCallers must list app ids", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ChannelTokenForOtherServiceUrl_401AndNothingRecorded()
    {
        var token = _bot.Issuer.BotConnectorToken(BotHost.AppId, "https://smba.trafficmanager.net/teams/");

        var response = await _bot.PostAsync(Activities.Message(Url, "help"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await CountAsync("activity_journal"));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"type\":\"message\",\"text\":\"\\u0000\"}")]
    public async Task Post_ForgedTokenWithBadBody_401WithoutParserText(string body)
    {
        var forged = _bot.Issuer.BotConnectorToken(BotHost.AppId, Url, signWithUnknownKey: true);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        var response = await _bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("JSON", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("NUL", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bearer not-a-token")]
    [InlineData(null)]
    public async Task Post_BadTokenAndBodyNeverSent_401WithoutWaitingForTheBody(string? authorization)
    {
        await using var raw = await RawHttp.ConnectAsync(_bot.Client.BaseAddress!);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await raw.SendHeadAsync(_bot.Client.BaseAddress!.Authority, contentLength: 100_000, authorization);
        var status = await raw.ReadStatusAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(401, status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"answered after {clock.Elapsed}");
    }
}
