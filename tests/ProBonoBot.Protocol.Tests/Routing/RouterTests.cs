using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Connector;
using ProBonoBot.Protocol.Routing;

namespace ProBonoBot.Protocol.Tests.Routing;

public class RouterTests
{
    private static readonly TurnHandler Nothing = (_, _) => Task.CompletedTask;

    private static TurnContext Turn(Activity activity, IConnectorClient? connector = null) =>
        new(activity, connector ?? Mock.Of<IConnectorClient>(), Mock.Of<IServiceProvider>());

    private static Activity Message(string text, JsonElement? value = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Value = value,
        Id = "m1",
        ServiceUrl = "https://smba.trafficmanager.net/teams/",
        Conversation = new ConversationAccount { Id = "a:1" },
        ReplyToId = "card-1",
    };

    [Fact]
    public void OnMessage_DuplicateName_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new Router().OnMessage("help", new Regex("^help$"), Nothing).OnMessage("help", new Regex("^h$"), Nothing));

    [Fact]
    public void OnMessage_DuplicatePattern_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new Router().OnMessage("a", new Regex("^help$"), Nothing).OnMessage("b", new Regex("^help$"), Nothing));

    [Fact]
    public void OnCardAction_DuplicateVerbInOtherCase_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new Router()
            .OnCardAction("signUp", (_, _) => Task.FromResult(CardActionResult.Done))
            .OnCardAction("SIGNUP", (_, _) => Task.FromResult(CardActionResult.Done)));

    [Fact]
    public void OnInstalled_Twice_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new Router().OnInstalled(Nothing).OnInstalled(Nothing));

    [Fact]
    public async Task HandleAsync_MatchingMessage_RunsThatRouteWithMatch()
    {
        string? captured = null;
        var router = new Router()
            .OnMessage("withdraw", new Regex(@"^withdraw (?<project>.+)$"), (t, _) => { captured = t.Match!.Groups["project"].Value; return Task.CompletedTask; })
            .OnUnrecognizedMessage((_, _) => throw new InvalidOperationException("fallback must not run"));

        await new ActivityDispatcher(router).HandleAsync(Turn(Message("withdraw Noto wood")), default);

        Assert.Equal("Noto wood", captured);
    }

    [Fact]
    public void UseCommandText_Twice_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new Router().UseCommandText(s => s).UseCommandText(s => s));

    [Fact]
    public async Task HandleAsync_TypedTextMatches_RouteSeesTheTextAsTyped()
    {
        string? captured = null;
        var router = new Router()
            .UseCommandText(s => s.ToUpperInvariant())
            .OnMessage("need", new Regex(@"^need (?<text>.+)$", RegexOptions.IgnoreCase), (t, _) => { captured = t.Match!.Groups["text"].Value; return Task.CompletedTask; });

        await new ActivityDispatcher(router).HandleAsync(Turn(Message("need Our npo")), default);

        Assert.Equal("Our npo", captured);
    }

    [Fact]
    public async Task HandleAsync_OnlyNormalisedTextMatches_RouteRunsAndFallbackSeesCommandText()
    {
        var ran = false;
        string? fallbackSaw = null;
        var router = new Router()
            .UseCommandText(s => s.Replace("ヘルプ", "help", StringComparison.Ordinal))
            .OnMessage("help", new Regex("^help$"), (_, _) => { ran = true; return Task.CompletedTask; })
            .OnUnrecognizedMessage((t, _) => { fallbackSaw = t.CommandText; return Task.CompletedTask; });
        var dispatcher = new ActivityDispatcher(router);

        await dispatcher.HandleAsync(Turn(Message("ヘルプ")), default);
        await dispatcher.HandleAsync(Turn(Message("ヘルプ me")), default);

        Assert.True(ran);
        Assert.Equal("help me", fallbackSaw);
    }

    [Fact]
    public async Task HandleAsync_NoMatch_RunsFallback()
    {
        var fallback = false;
        var router = new Router().OnUnrecognizedMessage((_, _) => { fallback = true; return Task.CompletedTask; });

        await new ActivityDispatcher(router).HandleAsync(Turn(Message("hello?")), default);

        Assert.True(fallback);
    }

    [Fact]
    public async Task HandleAsync_SubmitReturningCard_UpdatesTheClickedCard()
    {
        var connector = new Mock<IConnectorClient>();
        connector.Setup(c => c.UpdateActivityAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ResourceResponse("card-1"));
        var router = new Router().OnCardAction("refresh", (_, _) => Task.FromResult(CardActionResult.ReplaceCard(new JsonObject { ["type"] = "AdaptiveCard" })));
        var value = JsonDocument.Parse("{\"verb\":\"refresh\"}").RootElement;

        await new ActivityDispatcher(router).HandleAsync(Turn(Message(string.Empty, value), connector.Object), default);

        connector.Verify(c => c.UpdateActivityAsync("https://smba.trafficmanager.net/teams/", "a:1", "card-1",
            It.Is<Activity>(a => a.Attachments!.Count == 1), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task InvokeAsync_UnknownInvokeName_Answers501()
    {
        var invoke = new Activity { Type = ActivityTypes.Invoke, Name = "composeExtension/query" };

        var response = await new ActivityDispatcher(new Router()).InvokeAsync(Turn(invoke), default);

        Assert.Equal(501, response.Status);
    }

    [Fact]
    public async Task InvokeAsync_CardActionWithKnownVerb_ReturnsCardResponse()
    {
        var router = new Router().OnCardAction("signUp", (t, _) =>
            Task.FromResult(CardActionResult.ReplaceCard(new JsonObject { ["projectId"] = t.CardAction!.Data.GetProperty("projectId").GetString() })));
        var invoke = Fixture("teams-invoke-action.json");

        var response = await new ActivityDispatcher(router).InvokeAsync(Turn(invoke), default);

        Assert.Equal(200, response.Status);
        Assert.Equal(InvokeResponse.CardContentType, (string?)response.Body!["type"]);
        Assert.Equal("p-1", (string?)response.Body["value"]!["projectId"]);
    }

    [Fact]
    public async Task InvokeAsync_CardActionWithUnknownVerb_ReturnsError()
    {
        var response = await new ActivityDispatcher(new Router()).InvokeAsync(Turn(Fixture("teams-invoke-action.json")), default);

        Assert.Equal(400, (int)response.Body!["statusCode"]!);
        Assert.Equal(InvokeResponse.ErrorContentType, (string?)response.Body["type"]);
    }

    [Fact]
    public async Task InvokeAsync_HandlerThrows_RaisesTurnFailed()
    {
        var router = new Router().OnCardAction("signUp", (_, _) => throw new InvalidOperationException("boom"));

        await Assert.ThrowsAsync<TurnFailedException>(() =>
            new ActivityDispatcher(router).InvokeAsync(Turn(Fixture("teams-invoke-action.json")), default));
    }

    [Fact]
    public async Task HandleAsync_InstallationUpdateAddAndConversationUpdate_BothRouteToInstalled()
    {
        var installs = 0;
        var router = new Router().OnInstalled((_, _) => { installs++; return Task.CompletedTask; });
        var dispatcher = new ActivityDispatcher(router);

        await dispatcher.HandleAsync(Turn(Fixture("playground-installation.json")), default);
        await dispatcher.HandleAsync(Turn(Fixture("teams-team-install.json")), default);

        Assert.Equal(2, installs);
    }

    private static Activity Fixture(string name) => Fixtures.Activity(name);
}
