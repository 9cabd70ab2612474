using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProBonoBot.Protocol.Auth;
using ProBonoBot.Testing;

namespace ProBonoBot.Protocol.Tests.Auth;

public sealed class BotAuthenticatorTests : IAsyncLifetime
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string TenantId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    private const string ServiceUrl = "https://smba.trafficmanager.net/jp/tenant/";
    private readonly ManualClock _clock = new();
    private LocalIssuer _issuer = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _issuer = await LocalIssuer.StartAsync();
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _issuer.DisposeAsync();
    }

    private const string AllowedCaller = "caller-app";

    private BotAuthenticator CreateSut(string? appId = AppId, Action<BotFrameworkOptions>? configure = null)
    {
        var options = new BotFrameworkOptions
        {
            MicrosoftAppId = appId,
            MicrosoftAppPassword = "secret",
            MicrosoftAppTenantId = TenantId,
            ToBotFromChannelOpenIdMetadataUrl = _issuer.MetadataUrl.ToString(),
            ToBotFromEntraOpenIdMetadataUrl = _issuer.EntraMetadataUrl.ToString(),
        };
        configure?.Invoke(options);
        return new BotAuthenticator(Options.Create(options), new HttpOpenIdMetadataSource(_http), _clock, NullLogger<BotAuthenticator>.Instance);
    }

    private Task<AuthResult> Authenticate(BotAuthenticator sut, string? token, string serviceUrl = ServiceUrl, string channel = "msteams", bool loopback = false) =>
        sut.AuthenticateAsync(token is null ? null : "Bearer " + token, serviceUrl, channel, loopback, CancellationToken.None);

    [Fact]
    public async Task AuthenticateAsync_ValidBotConnectorToken_Succeeds()
    {
        var result = await Authenticate(CreateSut(), _issuer.BotConnectorToken(AppId, ServiceUrl));

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(ServiceUrl, result.Identity!.FindFirst("serviceurl")!.Value);
    }

    [Fact]
    public async Task AuthenticateAsync_NoToken_Fails()
    {
        var result = await Authenticate(CreateSut(), token: null);

        Assert.False(result.Succeeded);
        Assert.Contains("Missing", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticateAsync_NotAJwt_Fails()
    {
        var result = await Authenticate(CreateSut(), "not-a-jwt");

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task AuthenticateAsync_SignedWithUnknownKey_Fails()
    {
        var result = await Authenticate(CreateSut(), _issuer.BotConnectorToken(AppId, ServiceUrl, signWithUnknownKey: true));

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task AuthenticateAsync_WrongAudience_Fails()
    {
        var result = await Authenticate(CreateSut(), _issuer.BotConnectorToken("another-app", ServiceUrl));

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredBeyondSkew_Fails()
    {
        var result = await Authenticate(CreateSut(), _issuer.BotConnectorToken(AppId, ServiceUrl, lifetime: TimeSpan.FromMinutes(-6)));

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredWithinFiveMinuteSkew_Succeeds()
    {
        var result = await Authenticate(CreateSut(), _issuer.BotConnectorToken(AppId, ServiceUrl, lifetime: TimeSpan.FromMinutes(-3)));

        Assert.True(result.Succeeded, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_WrongIssuer_Fails()
    {
        var result = await Authenticate(CreateSut(), _issuer.BotConnectorToken(AppId, ServiceUrl, issuer: "https://evil.example.com"));

        Assert.False(result.Succeeded);
        Assert.Contains("issuer", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticateAsync_ServiceUrlClaimMismatch_Fails()
    {
        var token = _issuer.BotConnectorToken(AppId, ServiceUrl);

        var result = await Authenticate(CreateSut(), token, serviceUrl: "https://attacker.example.com/");

        Assert.False(result.Succeeded);
        Assert.Contains("serviceurl", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticateAsync_ServiceUrlDiffersOnlyInCase_Succeeds()
    {
        var result = await Authenticate(CreateSut(), _issuer.BotConnectorToken(AppId, ServiceUrl), serviceUrl: ServiceUrl.ToUpperInvariant());

        Assert.True(result.Succeeded, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_KeyNotEndorsedForChannel_Fails()
    {
        var result = await Authenticate(CreateSut(), _issuer.BotConnectorToken(AppId, ServiceUrl), channel: "slack");

        Assert.False(result.Succeeded);
        Assert.Contains("endorsed", result.Failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, AppId)]
    [InlineData(false, AppId)]
    [InlineData(true, "api://" + AppId)]
    [InlineData(false, "api://botid-" + AppId)]
    public async Task AuthenticateAsync_EntraTokenOfAllowedCaller_Succeeds(bool v2, string audience)
    {
        var sut = CreateSut(configure: o => o.AllowedCallers.Add(AllowedCaller));

        var result = await Authenticate(sut, _issuer.EntraToken(TenantId, audience, v2, callerAppId: AllowedCaller));

        Assert.True(result.Succeeded, result.Failure);
    }

    // Issue 10, item 2: any app in the tenant could act as anyone.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AuthenticateAsync_EntraTokenWithNoAllowedCallers_Fails(bool v2)
    {
        var result = await Authenticate(CreateSut(), _issuer.EntraToken(TenantId, AppId, v2, callerAppId: AllowedCaller));

        Assert.False(result.Succeeded);
        Assert.Contains("AllowedCallers", result.Failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AuthenticateAsync_EntraTokenOfOtherCaller_Fails(bool v2)
    {
        var sut = CreateSut(configure: o => o.AllowedCallers.Add(AllowedCaller));

        var result = await Authenticate(sut, _issuer.EntraToken(TenantId, AppId, v2, callerAppId: "another-app-in-the-tenant"));

        Assert.False(result.Succeeded);
        Assert.Contains("AllowedCallers", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticateTokenAsync_AllowedEntraToken_NeedsNoServiceUrl()
    {
        var sut = CreateSut(configure: o => o.AllowedCallers.Add(AllowedCaller));
        var token = await sut.AuthenticateTokenAsync("Bearer " + _issuer.EntraToken(TenantId, AppId, callerAppId: AllowedCaller), false, CancellationToken.None);

        var checkedResult = sut.CheckActivity(token, serviceUrl: null, channelId: "msteams");

        Assert.True(checkedResult.Succeeded, checkedResult.Failure);
    }

    [Fact]
    public async Task CheckActivity_ChannelTokenWithoutMatchingServiceUrl_FailsAfterTokenPassed()
    {
        var sut = CreateSut();
        var token = await sut.AuthenticateTokenAsync("Bearer " + _issuer.BotConnectorToken(AppId, ServiceUrl), false, CancellationToken.None);
        Assert.True(token.Succeeded, token.Failure);

        var result = sut.CheckActivity(token, "https://attacker.example.com/", "msteams");

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task AuthenticateAsync_EntraTokenOfOtherTenant_Fails()
    {
        var result = await Authenticate(CreateSut(), _issuer.EntraToken("99999999-0000-0000-0000-000000000000", AppId));

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task AuthenticateAsync_EntraTokenWrongAudience_Fails()
    {
        var result = await Authenticate(CreateSut(), _issuer.EntraToken(TenantId, "api://someone-else"));

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task AuthenticateAsync_LocalDevelopmentFromLoopback_AcceptsAnonymous()
    {
        var result = await Authenticate(CreateSut(appId: null), token: null, loopback: true);

        Assert.True(result.Succeeded);
        Assert.True(result.Anonymous);
    }

    [Fact]
    public async Task AuthenticateAsync_LocalDevelopmentFromRemote_Fails()
    {
        var result = await Authenticate(CreateSut(appId: null), token: null, loopback: false);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task AuthenticateAsync_CachedTokenWithOtherServiceUrl_StillFails()
    {
        var sut = CreateSut();
        var token = _issuer.BotConnectorToken(AppId, ServiceUrl);
        Assert.True((await Authenticate(sut, token)).Succeeded);

        var replayed = await Authenticate(sut, token, serviceUrl: "https://attacker.example.com/");

        Assert.False(replayed.Succeeded);
        Assert.Contains("serviceurl", replayed.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticateAsync_CachedTokenForOtherChannel_StillFails()
    {
        var sut = CreateSut();
        var token = _issuer.BotConnectorToken(AppId, ServiceUrl);
        Assert.True((await Authenticate(sut, token)).Succeeded);

        Assert.False((await Authenticate(sut, token, channel: "slack")).Succeeded);
    }

    [Fact]
    public async Task AuthenticateAsync_CacheEntryAged_ValidatesAgainAndStillSucceeds()
    {
        var sut = CreateSut();
        var token = _issuer.BotConnectorToken(AppId, ServiceUrl);
        Assert.True((await Authenticate(sut, token)).Succeeded);

        _clock.Advance(TimeSpan.FromMinutes(11));

        Assert.True((await Authenticate(sut, token)).Succeeded);
    }

    [Fact]
    public async Task AuthenticateAsync_RejectedToken_IsNotRemembered()
    {
        var sut = CreateSut();
        var forged = _issuer.BotConnectorToken(AppId, ServiceUrl, signWithUnknownKey: true);

        Assert.False((await Authenticate(sut, forged)).Succeeded);
        Assert.False((await Authenticate(sut, forged)).Succeeded);
    }

    [Fact]
    public async Task AuthenticateAsync_MetadataUnreachable_FailsWithoutThrowing()
    {
        var sut = CreateSut(configure: o => o.ToBotFromChannelOpenIdMetadataUrl = $"http://127.0.0.1:{FreePort.Next()}/missing");

        var result = await Authenticate(sut, _issuer.BotConnectorToken(AppId, ServiceUrl));

        Assert.False(result.Succeeded);
    }
}
