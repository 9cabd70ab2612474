using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;

namespace ProBonoBot.Tests.Hosting;

public sealed class MessagesEndpointTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private Task<long> JournalCountAsync() => _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM activity_journal"), default);

    [Fact]
    public async Task Post_Help_AnswersOkAndRepliesWithHelpCard()
    {
        var response = await _bot.PostAsync(Activities.Message(_bot.Connector.ServiceUrl, "help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await _bot.Connector.WaitForActivitiesAsync(1);
        var card = sent[0].Json!["attachments"]![0]!["content"]!;
        Assert.Equal("What I can do", (string?)card["body"]![0]!["text"]);
        Assert.Equal("/teams/v3/conversations/a%3Apersonal-1/activities", sent[0].RawTarget);
        Assert.Equal("Bearer " + _bot.Issuer.IssuedAccessToken, sent[0].Authorization);
    }

    [Fact]
    public async Task Post_NoToken_401AndNothingProcessed()
    {
        var response = await _bot.PostAsync(Activities.Message(_bot.Connector.ServiceUrl, "help"), token: string.Empty);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Task.Delay(300);
        Assert.Empty(_bot.Connector.Requests);
        Assert.Equal(0, await JournalCountAsync());
    }

    [Fact]
    public async Task Post_ForgedToken_401AndNothingProcessed()
    {
        var forged = _bot.Issuer.BotConnectorToken(BotHost.AppId, _bot.Connector.ServiceUrl, signWithUnknownKey: true);

        var response = await _bot.PostAsync(Activities.Message(_bot.Connector.ServiceUrl, "help"), forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("\"Unauthorized\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.Empty(_bot.Connector.Requests);
        Assert.Equal(0, await JournalCountAsync());
    }

    [Fact]
    public async Task Post_TokenForOtherServiceUrl_401()
    {
        var token = _bot.Issuer.BotConnectorToken(BotHost.AppId, "https://smba.trafficmanager.net/teams/");

        var response = await _bot.PostAsync(Activities.Message(_bot.Connector.ServiceUrl, "help"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"id\":\"no-type\"}")]
    [InlineData("")]
    public async Task Post_Malformed_400WithReasonAndNoStackTrace(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.Authorization = new("Bearer", _bot.Token());

        var response = await _bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("BadRequest", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MissingConversation_400()
    {
        var activity = Activities.Message(_bot.Connector.ServiceUrl, "help");
        activity.Remove("conversation");

        var response = await _bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_BodyOver256KB_413()
    {
        var activity = Activities.Message(_bot.Connector.ServiceUrl, new string('x', 300 * 1024));

        var response = await _bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_UnknownActivityType_200AndIgnored()
    {
        var activity = Activities.Personal(_bot.Connector.ServiceUrl, "somethingNew");

        var response = await _bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Task.Delay(300);
        Assert.Empty(_bot.Connector.Requests);
    }

    [Fact]
    public async Task Post_RedeliveredActivity_HandledOnce()
    {
        var activity = Activities.Message(_bot.Connector.ServiceUrl, "help", id: "redelivered-1");

        var first = await _bot.PostAsync(activity);
        var second = await _bot.PostAsync((JsonObject)activity.DeepClone());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await _bot.Connector.WaitForActivitiesAsync(1);
        await Task.Delay(500);
        Assert.Single(_bot.Connector.Activities);
    }

    [Fact]
    public async Task Post_SameActivityIdInOtherConversation_HandledAgain()
    {
        await _bot.PostAsync(Activities.Message(_bot.Connector.ServiceUrl, "help", id: "same-id", conversationId: "a:one"));
        await _bot.PostAsync(Activities.Message(_bot.Connector.ServiceUrl, "help", id: "same-id", conversationId: "a:two"));

        await _bot.Connector.WaitForActivitiesAsync(2);
    }

    [Fact]
    public async Task Post_UnknownInvoke_501()
    {
        var invoke = Activities.Personal(_bot.Connector.ServiceUrl, "invoke");
        invoke["name"] = "composeExtension/query";

        var response = await _bot.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Post_CardActionInvokeRedelivered_SameAnswerOnce()
    {
        var invoke = Activities.Personal(_bot.Connector.ServiceUrl, "invoke", id: "invoke-1");
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "setLanguage", ["data"] = new JsonObject { ["language"] = "ja" } } };

        var first = await (await _bot.PostAsync(invoke)).Content.ReadAsStringAsync();
        var second = await (await _bot.PostAsync((JsonObject)invoke.DeepClone())).Content.ReadAsStringAsync();

        Assert.Equal(first, second);
        var body = JsonNode.Parse(first)!;
        Assert.Equal(200, (int)body["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        Assert.Equal("ProBonoBot へようこそ", (string?)body["value"]!["body"]![0]!["text"]);
    }

    [Fact]
    public async Task Post_TamperedCardData_ClearErrorAndNothingChanges()
    {
        var invoke = Activities.Personal(_bot.Connector.ServiceUrl, "invoke");
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "setLanguage", ["data"] = new JsonObject { ["language"] = "xx" } } };

        var body = JsonNode.Parse(await (await _bot.PostAsync(invoke)).Content.ReadAsStringAsync())!;

        Assert.Equal(400, (int)body["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);
        var stored = await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM user_settings"), default);
        Assert.Equal(0, stored);
    }

    [Fact]
    public async Task Healthz_DatabaseAnswers_200()
    {
        var response = await _bot.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("healthy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
