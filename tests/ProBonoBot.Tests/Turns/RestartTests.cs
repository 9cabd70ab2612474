using System.Text.Json.Nodes;
using Dapper;

namespace ProBonoBot.Tests.Turns;

public sealed class RestartTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Restart_ActivityRecordedButNotHandled_IsHandledAfterRestart()
    {
        // A crash between recording an activity and handling it: the row is in the journal, pending.
        var activity = Activities.Message(_bot.Connector.ServiceUrl, "help", id: "crash-1");
        var connectionString = _bot.Db.ConnectionString;
        await _bot.StopAsync();
        using (var db = new ProBonoBot.Storage.Db(ProBonoBot.Storage.StorageProvider.Sqlite, connectionString))
        {
            await db.WriteAsync(c => c.ExecuteAsync(
                "INSERT INTO activity_journal (conversation_id, activity_id, activity_type, received_at, status, body) VALUES ('a:personal-1', 'crash-1', 'message', @now, 0, @body)",
                new { now = DateTimeOffset.UtcNow, body = activity.ToJsonString() }), default);
        }

        await _bot.RestartAsync();

        var sent = await _bot.Connector.WaitForActivitiesAsync(1);
        Assert.Equal("What I can do", (string?)sent[0].Json!["attachments"]![0]!["content"]!["body"]![0]!["text"]);
        await WaitForStatusAsync("crash-1", 1);
    }

    [Fact]
    public async Task Restart_HandledActivityRedelivered_NotHandledAgain()
    {
        var activity = Activities.Message(_bot.Connector.ServiceUrl, "help", id: "done-1");
        await _bot.PostAsync(activity);
        await _bot.Connector.WaitForActivitiesAsync(1);
        await WaitForStatusAsync("done-1", 1);

        await _bot.RestartAsync();
        await _bot.PostAsync((JsonObject)activity.DeepClone());

        await Task.Delay(500);
        Assert.Single(_bot.Connector.Activities);
    }

    private async Task WaitForStatusAsync(string activityId, int status)
    {
        for (var i = 0; i < 100; i++)
        {
            var current = await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>(
                "SELECT status FROM activity_journal WHERE activity_id = @activityId", new { activityId }), default);
            if (current == status)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"Activity {activityId} never reached status {status}.");
    }
}
