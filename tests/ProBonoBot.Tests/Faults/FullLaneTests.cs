using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Turns;

namespace ProBonoBot.Tests.Faults;

/// <summary>
/// Issue 10, item 1 (last part): once a lane's queue was full, the endpoint waited on the channel write and the
/// HTTP request hung. Now a full lane answers 503 with Retry-After at once and records nothing, so the
/// redelivery is accepted once the lane has room.
/// </summary>
public sealed class FullLaneTests : IAsyncLifetime
{
    private const string Chat = "a:busy-lane";
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private Task<long> JournalRowsAsync(string activityId) =>
        _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM activity_journal WHERE activity_id = @activityId", new { activityId }), default);

    [Fact]
    public async Task Post_LaneFull_503WithRetryAfterPromptlyAndNoRowThenRedeliveryAccepted()
    {
        var queue = _bot.Services.GetRequiredService<TurnQueue>();
        var url = _bot.Connector.ServiceUrl;

        // The lane's worker is held up by a slow connector while the lane is filled to capacity.
        _bot.Connector.Delay = TimeSpan.FromSeconds(2);
        await _bot.PostAsync(Activities.Message(url, "help", conversationId: Chat));
        await _bot.Connector.WaitForAsync(_ => queue.Depth(Chat) == 0, TimeSpan.FromSeconds(5));
        var filler = new Activity { Type = "somethingNew" };
        var filled = 0;
        while (queue.TryEnqueue(new QueuedTurn(filler, Chat, $"filler-{filled}")))
        {
            filled++;
        }

        var activity = Activities.Message(url, "help", conversationId: Chat, id: "refused-while-full");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var response = await _bot.PostAsync(activity);
        var took = clock.Elapsed;

        Assert.Equal(TurnQueue.LaneCapacity, filled);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.True(took < TimeSpan.FromSeconds(1), $"answered after {took}");
        Assert.Equal(0, await JournalRowsAsync("refused-while-full"));

        _bot.Connector.Delay = TimeSpan.Zero;
        await _bot.Connector.WaitForAsync(_ => queue.Depth(Chat) == 0, TimeSpan.FromSeconds(30));
        _bot.Connector.Clear();

        var redelivered = await _bot.PostAsync((JsonObject)activity.DeepClone());

        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        await _bot.Connector.WaitForActivitiesAsync(1);
        Assert.Equal(1, await JournalRowsAsync("refused-while-full"));
    }

    [Fact]
    public void TryReserve_Full_FalseUntilATurnIsTakenOut()
    {
        var queue = new TurnQueue();
        for (var i = 0; i < TurnQueue.LaneCapacity; i++)
        {
            Assert.True(queue.TryEnqueue(new QueuedTurn(new Activity { Type = "message" }, Chat, $"t{i}")));
        }

        Assert.False(queue.TryReserve(Chat));
        var lane = Enumerable.Range(0, TurnQueue.LaneCount).Select(queue.Lane).First(l => l.TryPeek(out _));
        Assert.True(lane.TryRead(out _));

        Assert.True(queue.TryReserve(Chat));
        queue.Release(Chat);
        Assert.Equal(TurnQueue.LaneCapacity - 1, queue.Depth(Chat));
    }
}
