using Stopwatch = System.Diagnostics.Stopwatch;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Connector;
using ProBonoBot.Testing;

namespace ProBonoBot.Protocol.Tests.Connector;

public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string ConversationId = "a:1Xy;messageid=42@thread";
    private ConnectorHarness _h = null!;

    public async Task InitializeAsync() => _h = await ConnectorHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    [Fact]
    public async Task SendToConversationAsync_EscapesIdAndKeepsServiceUrlPath()
    {
        var response = await _h.Client.SendToConversationAsync(_h.Connector.ServiceUrl, ConversationId, Message("hi"), default);

        var request = Assert.Single(_h.Connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/teams/v3/conversations/a%3A1Xy%3Bmessageid%3D42%40thread/activities", request.RawTarget);
        Assert.Equal("hi", (string?)request.Json!["text"]);
        Assert.StartsWith("activity-", response.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendToConversationAsync_TrustedHost_AttachesClientCredentialsToken()
    {
        await _h.Client.SendToConversationAsync(_h.Connector.ServiceUrl, "c1", Message("hi"), default);

        Assert.Equal("Bearer " + _h.Issuer.IssuedAccessToken, _h.Connector.Requests[0].Authorization);
        var form = Assert.Single(_h.Issuer.TokenRequests);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal("app-id", form["client_id"]);
        Assert.Equal("app-secret", form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task SendToConversationAsync_ManyCalls_FetchesTokenOnce()
    {
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            _h.Client.SendToConversationAsync(_h.Connector.ServiceUrl, $"c{i}", Message("hi"), default)));

        Assert.Equal(1, _h.Issuer.TokenRequestCount);
    }

    [Fact]
    public async Task SendToConversationAsync_UntrustedHost_SendsNothingAndNeverLeaksToken()
    {
        await using var evil = await FakeConnector.StartAsync();

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _h.Client.SendToConversationAsync(evil.ServiceUrl, "c1", Message("hi"), default));

        Assert.Equal("UntrustedServiceUrl", error.ErrorCode);
        Assert.Empty(evil.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_LoopbackHost_UsesHttp11()
    {
        await _h.Client.SendToConversationAsync(_h.Connector.ServiceUrl, "c1", Message("hi"), default);

        Assert.Equal("HTTP/1.1", _h.Connector.Requests[0].HttpVersion);
    }

    [Fact]
    public async Task SendToConversationAsync_429WithRetryAfter_WaitsThenSucceeds()
    {
        _h.Connector.Fail(new Fault(429, RetryAfter: "1"));
        var clock = Stopwatch.StartNew();

        var response = await _h.Client.SendToConversationAsync(_h.Connector.ServiceUrl, "c1", Message("hi"), default);

        Assert.NotNull(response.Id);
        Assert.Equal(2, _h.Connector.Requests.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"Retried after {clock.Elapsed}, before Retry-After.");
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task SendToConversationAsync_TransientStatus_Retries(int status)
    {
        _h.Connector.Fail(new Fault(status), new Fault(status));

        await _h.Client.SendToConversationAsync(_h.Connector.ServiceUrl, "c1", Message("hi"), default);

        Assert.Equal(3, _h.Connector.Requests.Count);
    }

    [Fact]
    public async Task SendToConversationAsync_AlwaysThrottled_GivesUpAfterBoundedRetries()
    {
        _h.Connector.Fail(Enumerable.Repeat(new Fault(503), 10).ToArray());

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _h.Client.SendToConversationAsync(_h.Connector.ServiceUrl, "c1", Message("hi"), default));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(4, _h.Connector.Requests.Count); // 1 + MaxRetries (3)
    }

    [Fact]
    public async Task SendToConversationAsync_Blocked403_ThrowsWithSubCodeAndDoesNotRetry()
    {
        _h.Connector.Fail(new Fault(403, ErrorCode: "MessageWritesBlocked"));

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _h.Client.SendToConversationAsync(_h.Connector.ServiceUrl, "c1", Message("hi"), default));

        Assert.Equal(403, error.StatusCode);
        Assert.Equal("MessageWritesBlocked", error.ErrorCode);
        Assert.Single(_h.Connector.Requests);
    }

    [Fact]
    public async Task ReplyUpdateDelete_UseTheDocumentedRoutes()
    {
        await _h.Client.ReplyToActivityAsync(_h.Connector.ServiceUrl, "c:1", "act/1", Message("r"), default);
        await _h.Client.UpdateActivityAsync(_h.Connector.ServiceUrl, "c:1", "act-2", Message("u"), default);
        await _h.Client.DeleteActivityAsync(_h.Connector.ServiceUrl, "c:1", "act-3", default);

        Assert.Equal(
            ["POST /teams/v3/conversations/c%3A1/activities/act%2F1", "PUT /teams/v3/conversations/c%3A1/activities/act-2", "DELETE /teams/v3/conversations/c%3A1/activities/act-3"],
            _h.Connector.Requests.Select(r => $"{r.Method} {r.RawTarget}"));
    }

    [Fact]
    public async Task CreateConversationAsync_Personal_PostsBotMembersAndTenant()
    {
        var result = await _h.Client.CreateConversationAsync(_h.Connector.ServiceUrl, new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = "28:app-id" },
            Members = [new ChannelAccount { Id = "29:user" }],
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = "tenant-id" } },
        }, default);

        var body = _h.Connector.Requests[0].Json!;
        Assert.Equal("/teams/v3/conversations", _h.Connector.Requests[0].RawTarget);
        Assert.False((bool)body["isGroup"]!);
        Assert.Equal("28:app-id", (string?)body["bot"]!["id"]);
        Assert.Equal("29:user", (string?)body["members"]![0]!["id"]);
        Assert.Equal("tenant-id", (string?)body["channelData"]!["tenant"]!["id"]);
        Assert.StartsWith("a:", result.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateConversationAsync_ChannelThread_ReturnsThreadAndActivityIds()
    {
        var result = await _h.Client.CreateConversationAsync(_h.Connector.ServiceUrl, new ConversationParameters
        {
            IsGroup = true,
            Activity = Message("Team introduction"),
            ChannelData = new TeamsChannelData { Channel = new ChannelInfo { Id = "19:projects@thread.tacv2" }, Tenant = new TenantInfo { Id = "t" } },
        }, default);

        Assert.Contains(";messageid=", result.Id, StringComparison.Ordinal);
        Assert.NotNull(result.ActivityId);
    }

    [Fact]
    public async Task MembersAndTeams_ReadTheirAnswers()
    {
        _h.Connector.Members.Add(new System.Text.Json.Nodes.JsonObject { ["id"] = "29:u1", ["name"] = "Yui", ["aadObjectId"] = "aad-1" });

        var page = await _h.Client.GetPagedMembersAsync(_h.Connector.ServiceUrl, "19:c", 50, "next token", default);
        var member = await _h.Client.GetMemberAsync(_h.Connector.ServiceUrl, "19:c", "29:u1", default);
        var team = await _h.Client.GetTeamDetailsAsync(_h.Connector.ServiceUrl, "19:team@thread", default);
        _h.Connector.TeamChannels["19:team@thread"] = [("19:projects@thread.tacv2", "Projects")];
        var channels = await _h.Client.GetTeamChannelsAsync(_h.Connector.ServiceUrl, "19:team@thread", default);

        Assert.Equal("aad-1", Assert.Single(page.Members!).AadObjectId);
        Assert.Equal("/teams/v3/conversations/19%3Ac/pagedmembers?pageSize=50&continuationToken=next%20token", _h.Connector.Requests[0].RawTarget);
        Assert.Equal("Yui", member.Name);
        Assert.Equal("Pro Bono Club", team.Name);
        Assert.Equal(2, channels.Conversations!.Count);
        Assert.Null(channels.Conversations[0].Name);
        Assert.Equal("Projects", channels.Conversations[1].Name);
    }

    [Fact]
    public async Task GetMemberAsync_Unknown_Throws404()
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() => _h.Client.GetMemberAsync(_h.Connector.ServiceUrl, "19:c", "29:nobody", default));

        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task SendToConversationAsync_RetriesDisabled_OneAttemptThenError()
    {
        await using var noRetries = await ConnectorHarness.StartAsync(new() { ["Connector:MaxRetries"] = "0" });
        noRetries.Connector.Fail(new Fault(503));

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            noRetries.Client.SendToConversationAsync(noRetries.Connector.ServiceUrl, "c1", Message("hi"), default));

        Assert.Equal(503, error.StatusCode);
        Assert.Single(noRetries.Connector.Requests);
    }
}
