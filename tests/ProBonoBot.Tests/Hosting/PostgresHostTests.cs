using System.Net;
using System.Text.Json.Nodes;
using ProBonoBot.Tests.Storage;

namespace ProBonoBot.Tests.Hosting;

[Collection(DatabaseCollection.Name)]
public sealed class PostgresHostTests(DatabaseFixture databases) : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync(await databases.NewPostgresDatabaseAsync());

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Help_OnPostgres_RepliesAndDeduplicates()
    {
        var activity = Activities.Message(_bot.Connector.ServiceUrl, "ヘルプ", id: "pg-1");

        Assert.Equal(HttpStatusCode.OK, (await _bot.PostAsync(activity)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _bot.PostAsync((JsonObject)activity.DeepClone())).StatusCode);

        var sent = await _bot.Connector.WaitForActivitiesAsync(1);
        await Task.Delay(400);
        Assert.Single(_bot.Connector.Activities);
        Assert.Equal("できること", (string?)sent[0].Json!["attachments"]![0]!["content"]!["body"]![0]!["text"]);
    }

    [Fact]
    public async Task Healthz_OnPostgres_ReportsProvider()
    {
        var text = await (await _bot.Client.GetAsync("/healthz")).Content.ReadAsStringAsync();

        Assert.Contains("Postgres", text, StringComparison.Ordinal);
    }
}

public sealed class UnreachableDatabaseTests
{
    [Fact]
    public async Task StartAsync_PostgresUnreachable_FailsAtStartup()
    {
        var port = Testing.FreePort.Next();

        var error = await Record.ExceptionAsync(() => BotHost.StartAsync($"Host=127.0.0.1;Port={port};Username=postgres;Database=x;Timeout=2"));

        Assert.NotNull(error);
    }

    [Fact]
    public async Task Healthz_DatabaseGoesAway_503()
    {
        var postgres = await Testing.PostgresServer.StartAsync();
        await using var bot = await BotHost.StartAsync(await postgres.CreateDatabaseAsync("healthz"));
        Assert.Equal(HttpStatusCode.OK, (await bot.Client.GetAsync("/healthz")).StatusCode);

        await postgres.DisposeAsync();

        var response = await bot.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("unhealthy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
