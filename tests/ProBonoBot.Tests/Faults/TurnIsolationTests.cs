using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Testing;
using ProBonoBot.Turns;

namespace ProBonoBot.Tests.Faults;

/// <summary>
/// Issue 10, items 1, 6 and 12: no activity stops a turn lane, a failing turn is parked and told, connector faults after a
/// handler are outcomes, and a replayed turn does nothing twice. Faults are injected at the fake connector or by handing
/// the turn runner an activity the HTTP door would have refused.
/// </summary>
public sealed class TurnIsolationTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    private string Url => _bot.Connector.ServiceUrl;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync(extra: new() { ["Turns:Timeout"] = "00:00:02", ["Connector:MaxRetries"] = "1" });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task CardButton_CardUpdateAnswers404_AnswerSentAsNewMessageAndLaneGoesOn()
    {
        _bot.Connector.FailWhen(r => r.Method == "PUT", new Fault(404, ErrorCode: "ActivityNotFound"));

        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "setLanguage", ["language"] = "en" }, replyToId: "deleted-card"));

        var sent = await _bot.Connector.WaitForAsync(rs => rs.Any(r => r.Method == "POST" && r.Path.EndsWith("/activities", StringComparison.Ordinal)), Patience);
        Assert.Contains(sent, r => r.Method == "PUT");
        await AnswersAsync("help");
    }

    [Fact]
    public async Task Reply_429_HandedToTheOutboxAndDeliveredLater()
    {
        // A 429 on an answer is not waited out inside the turn (it would hold up the chats behind it): the outbox takes
        // the answer and delivers it once Teams lets it (here after one more 429).
        _bot.Connector.Fail(new Fault(429, RetryAfter: "0"), new Fault(429, RetryAfter: "0"));

        await _bot.PostAsync(Activities.Message(Url, "withdraw 99"));

        var delivered = await _bot.Connector.WaitForAsync(rs => rs.Count(r => r.Method == "POST") >= 3, Patience);
        Assert.Equal(3, delivered.Count(r => r.Method == "POST"));
        await UntilAsync(async () => await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE status = 1"), default) == 1);
        await AnswersAsync("help");
    }

    [Fact]
    public async Task Handler_Throws_TurnParkedPersonToldAndLaneGoesOn()
    {
        // A lone surrogate in card data makes reading the field throw inside the handler (the HTTP door refuses such
        // activities; the boundary must hold even if one gets through).
        var json = Activities.Submit(Url, new JsonObject { ["verb"] = "projectSave", ["title"] = "PLACEHOLDER" }).ToJsonString()
            .Replace("PLACEHOLDER", "\\ud800", StringComparison.Ordinal);
        var activity = JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.Activity)!;
        var runner = _bot.Services.GetRequiredService<TurnRunner>();

        var status = await runner.RunAsync(new QueuedTurn(activity, "a:personal-1", activity.Id!), default);

        Assert.Equal(ActivityJournal.Status.Failed, status);
        var parked = await _bot.Services.GetRequiredService<DeadLetters>().RecentAsync(5, default);
        Assert.Equal("card:projectSave", Assert.Single(parked).Route);
        Assert.DoesNotContain("PLACEHOLDER", parked[0].Reason, StringComparison.Ordinal);
        var apology = await _bot.Connector.WaitForActivitiesAsync(1, Patience);
        Assert.Contains("went wrong", (string?)apology[0].Json!["text"], StringComparison.OrdinalIgnoreCase);
        await AnswersAsync("help");
        using var health = await _bot.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(1, (int)JsonNode.Parse(await health.Content.ReadAsStringAsync())!["parkedTurnsLastDay"]!);
    }

    [Fact]
    public async Task Turn_HangsAtTheConnector_CancelledAfterTimeoutAndLaneGoesOn()
    {
        _bot.Connector.Delay = TimeSpan.FromSeconds(10);
        await _bot.PostAsync(Activities.Message(Url, "help", id: "slow-1"));
        await WaitForJournalStatusAsync("slow-1", ActivityJournal.Status.Failed, Patience);
        _bot.Connector.Delay = TimeSpan.Zero;

        await AnswersAsync("projects");
        var reason = await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<string>("SELECT reason FROM dead_letters WHERE activity_id = 'slow-1'"), default);
        Assert.Contains("longer than", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplayedProjectSave_CrashedBeforeItsReply_OneProjectAndOneReply()
    {
        // The crash came after the project was saved but before the turn was marked done: the replay finds the saved
        // project by the activity's key and answers as the first run did.
        var submit = Activities.Submit(Url, Activities.ProjectForm());
        await _bot.PostAsync(submit);
        await _bot.Connector.WaitForActivitiesAsync(1, Patience);
        await WaitForJournalStatusAsync((string)submit["id"]!, ActivityJournal.Status.Done, Patience);
        _bot.Connector.Clear();
        var activity = JsonSerializer.Deserialize(submit.ToJsonString(), ProtocolJsonContext.Default.Activity)!;

        await _bot.Services.GetRequiredService<TurnRunner>().RunAsync(new QueuedTurn(activity, "a:personal-1", activity.Id!), default);

        Assert.Equal(1, await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM projects"), default));
        var reply = Assert.Single(_bot.Connector.Activities);
        Assert.Contains("#1", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_Lanes_ReportedAndHealthy()
    {
        using var response = await _bot.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TurnQueue.LaneCount, (int)body["turns"]!["lanes"]!);
        Assert.Equal(0, (int)body["turns"]!["stalled"]!);
    }

    [Fact]
    public void LaneReport_TurnRunsPastStallAfter_LaneStalledUntilItFinishes()
    {
        var lanes = new TurnLanes(new TurnQueue(), Options.Create(new TurnOptions { StallAfter = TimeSpan.FromMilliseconds(50) }));

        lanes.Started(3);
        Thread.Sleep(120);
        var stuck = lanes.Report();
        lanes.Finished(3);

        Assert.Equal(1, stuck.Stalled);
        Assert.True(stuck.OldestUnfinishedTurnSeconds >= 0.1);
        Assert.Equal(0, lanes.Report().Stalled);
    }

    // Generous: the machine running the suite may be busy; a stopped lane never answers at all.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private async Task AnswersAsync(string text)
    {
        var before = _bot.Connector.Activities.Count(r => r.Method == "POST");
        await _bot.PostAsync(Activities.Message(Url, text));
        await _bot.Connector.WaitForAsync(rs => rs.Count(r => r.Method == "POST" && r.Path.Contains("/activities", StringComparison.Ordinal)) > before, Patience);
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "The condition did not hold in time.");
            await Task.Delay(50);
        }
    }

    private async Task WaitForJournalStatusAsync(string activityId, ActivityJournal.Status status, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            var current = await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long?>(
                "SELECT status FROM activity_journal WHERE activity_id = @activityId", new { activityId }), default);
            if (current == (long)status)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Activity {activityId} did not reach {status}.");
    }
}
