using System.Net;

namespace ProBonoBot.Tests.Hosting;

public sealed class LocalDevelopmentTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync(anonymous: true);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Post_AnonymousFromLoopback_HandledAndRepliedWithoutToken()
    {
        var response = await _bot.PostAsync(Activities.Message(_bot.Connector.ServiceUrl, "help"), token: string.Empty);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await _bot.Connector.WaitForActivitiesAsync(1);
        Assert.Null(sent[0].Authorization);
        Assert.Equal(0, _bot.Issuer.TokenRequestCount);
    }
}
