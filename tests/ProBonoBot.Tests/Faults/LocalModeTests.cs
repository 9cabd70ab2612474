using System.Net;
using System.Text;
using Dapper;

namespace ProBonoBot.Tests.Faults;

/// <summary>
/// Issue 10, item 8: anonymous local-development mode ran outside Development, and in it a browser-style request
/// (text/plain, a foreign Origin) drove the bot.
/// </summary>
public sealed class LocalModeTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync(anonymous: true);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private string Url => _bot.Connector.ServiceUrl;

    private async Task<HttpResponseMessage> PostAsync(string contentType, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(Activities.Message(Url, "help").ToJsonString(), Encoding.UTF8),
        };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        configure?.Invoke(request);
        return await _bot.Client.SendAsync(request);
    }

    private async Task AssertNothingHandledAsync()
    {
        await Task.Delay(300);
        Assert.Empty(_bot.Connector.Requests);
        Assert.Equal(0, await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM activity_journal"), default));
    }

    [Theory]
    [InlineData("Staging")]
    [InlineData("Production")]
    [InlineData("Test")]
    public async Task Start_NotDevelopmentWithoutAppId_RefusesWithOneLineReason(string environment)
    {
        var error = await Record.ExceptionAsync(() => BotHost.StartAsync(anonymous: true, environment: environment));

        Assert.NotNull(error);
        Assert.Contains($"Refusing to start: MicrosoftAppId is empty in {environment}", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_StagingWithAppId_Starts()
    {
        await using var bot = await BotHost.StartAsync(environment: "Staging");

        Assert.Equal(HttpStatusCode.OK, (await bot.Client.GetAsync("/healthz")).StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://evil.example:3978")]
    [InlineData("null")]
    [InlineData("http://127.0.0.1.evil.example")]
    public async Task Post_ForeignOrigin_403AndNothingHandled(string origin)
    {
        var response = await PostAsync("application/json", r => r.Headers.Add("Origin", origin));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Origin", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingHandledAsync();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task Post_NotJson_415AndNothingHandled(string contentType)
    {
        var response = await PostAsync(contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingHandledAsync();
    }

    [Fact]
    public async Task Post_TextPlainWithForeignOrigin_RefusedAndNothingHandled()
    {
        var response = await PostAsync("text/plain", r => r.Headers.Add("Origin", "https://evil.example"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingHandledAsync();
    }

    [Fact]
    public async Task Post_HostNotLoopback_403AndNothingHandled()
    {
        // DNS rebinding: the browser thinks it talks to evil.example, which now resolves to 127.0.0.1.
        var response = await PostAsync("application/json", r => r.Headers.Host = "evil.example:3978");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingHandledAsync();
    }

    [Theory]
    [InlineData("application/json", null)]
    [InlineData("application/json; charset=utf-8", "http://localhost:56150")]
    [InlineData("Application/JSON", "http://127.0.0.1:56150")]
    public async Task Post_PlaygroundStyle_Handled(string contentType, string? origin)
    {
        // What the Agents Playground sends: application/json, x-ms-agents-playground, sometimes a dummy token, no foreign Origin.
        var response = await PostAsync(contentType, r =>
        {
            r.Headers.Add("x-ms-agents-playground", "true");
            r.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "dummy-token");
            if (origin is not null)
            {
                r.Headers.Add("Origin", origin);
            }
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _bot.Connector.WaitForActivitiesAsync(1);
    }
}
