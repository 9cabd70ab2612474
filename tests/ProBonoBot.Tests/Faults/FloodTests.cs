using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using ProBonoBot.Cards;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Turns;

namespace ProBonoBot.Tests.Faults;

/// <summary>
/// Issue 10, item 7: 600 messages from one user in a second were all accepted, and a bystander sharing the lane
/// waited 26 s. The excess is dropped at the door (HTTP 200, so Teams does not redeliver it), the flooder is told
/// once, and the bystander is answered promptly.
/// </summary>
public sealed class FloodTests
{
    private const string FlooderAad = "aad-flooder";
    private const string FlooderId = "29:flooder";
    private const string FloodChat = "a:flood";
    private static readonly string Notice = UiText.For(Language.English).TooManyMessages;

    private static int LaneOf(string conversationId) =>
        (int)((uint)string.GetHashCode(conversationId, StringComparison.Ordinal) % TurnQueue.LaneCount);

    /// <summary>A conversation id in the same turn lane as <paramref name="other"/> (string hashes are per process; the bot runs in this one).</summary>
    private static string SameLaneAs(string other) =>
        Enumerable.Range(0, 10_000).Select(i => $"a:bystander-{i}").First(id => LaneOf(id) == LaneOf(other));

    private static int Notices(BotHost bot, string conversation) =>
        bot.Connector.Activities.Count(r => r.Path.Contains($"/{conversation}/", StringComparison.Ordinal) && (string?)r.Json?["text"] == Notice);

    [Fact]
    public async Task Flood_600MessagesFromOnePerson_BystanderAnsweredPromptlyAndFlooderToldOnce()
    {
        await using var bot = await BotHost.StartAsync();
        bot.Connector.Delay = TimeSpan.FromMilliseconds(20);
        var url = bot.Connector.ServiceUrl;
        var bystanderChat = SameLaneAs(FloodChat);
        using var gate = new SemaphoreSlim(32);
        var answered = 0;

        var flood = Task.WhenAll(Enumerable.Range(0, 600).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var response = await bot.PostAsync(Activities.Message(url, "help", conversationId: FloodChat, fromAad: FlooderAad, fromId: FlooderId));
                Interlocked.Increment(ref answered);
                return response.StatusCode;
            }
            finally
            {
                gate.Release();
            }
        }));
        while (Volatile.Read(ref answered) < 300)
        {
            await Task.Delay(10);
        }

        var clock = Stopwatch.StartNew();
        await bot.PostAsync(Activities.Message(url, "help", conversationId: bystanderChat, fromAad: "aad-bystander", fromId: "29:bystander"));
        await bot.Connector.WaitForAsync(rs => rs.Any(r => r.Path.Contains($"/{bystanderChat}/", StringComparison.Ordinal)), TimeSpan.FromSeconds(30));
        var bystanderWaited = clock.Elapsed;

        Assert.All(await flood, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.True(bystanderWaited < TimeSpan.FromSeconds(2.5), $"The bystander waited {bystanderWaited.TotalMilliseconds:F0} ms.");
        await bot.Connector.WaitForAsync(_ => Notices(bot, FloodChat) >= 1, TimeSpan.FromSeconds(15));
        await Task.Delay(1000);
        Assert.Equal(1, Notices(bot, FloodChat));
        var handled = await bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM activity_journal WHERE conversation_id = @FloodChat", new { FloodChat }), default);
        Assert.InRange(handled, 30, 40);
    }

    [Fact]
    public async Task Flood_MessagesBeyondBurst_200NotRecordedAndOneNoticeInTheirLanguage()
    {
        await using var bot = await BotHost.StartAsync(extra: new() { ["Bot:PerPersonBurst"] = "3", ["Bot:PerPersonPerMinute"] = "1" });
        var url = bot.Connector.ServiceUrl;

        for (var i = 0; i < 6; i++)
        {
            var response = await bot.PostAsync(Activities.Message(url, "ヘルプ", locale: "ja-JP", conversationId: FloodChat, fromAad: FlooderAad, fromId: FlooderId));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var japanese = UiText.For(Language.Japanese).TooManyMessages;
        await bot.Connector.WaitForAsync(rs => rs.Any(r => (string?)r.Json?["text"] == japanese), TimeSpan.FromSeconds(15));
        await Task.Delay(500);
        Assert.Single(bot.Connector.Activities, r => (string?)r.Json?["text"] == japanese);
        Assert.Equal(3, await bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM activity_journal"), default));
    }

    [Fact]
    public async Task Flood_InvokesBeyondBurst_AnsweredWithTheNoticeAsMessage()
    {
        await using var bot = await BotHost.StartAsync(extra: new() { ["Bot:PerPersonBurst"] = "2", ["Bot:PerPersonPerMinute"] = "1" });
        var url = bot.Connector.ServiceUrl;
        var bodies = new List<JsonNode>();

        for (var i = 0; i < 4; i++)
        {
            var invoke = Activities.Personal(url, "invoke");
            invoke["name"] = "adaptiveCard/action";
            invoke["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "setLanguage", ["data"] = new JsonObject { ["language"] = "en" } } };
            var response = await bot.PostAsync(invoke);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            bodies.Add(JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
        }

        Assert.All(bodies.Take(2), b => Assert.Equal(InvokeResponse.CardContentType, (string?)b["type"]));
        Assert.All(bodies.Skip(2), b =>
        {
            Assert.Equal(InvokeResponse.MessageContentType, (string?)b["type"]);
            Assert.Equal(Notice, (string?)b["value"]);
        });
        Assert.Equal(2, await bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM activity_journal"), default));
    }

    [Fact]
    public async Task Flood_OtherPeopleInTheSameChat_NotThrottled()
    {
        await using var bot = await BotHost.StartAsync(extra: new() { ["Bot:PerPersonBurst"] = "1", ["Bot:PerPersonPerMinute"] = "1" });
        var url = bot.Connector.ServiceUrl;

        await bot.PostAsync(Activities.Message(url, "help", conversationId: "a:one", fromAad: "aad-one", fromId: "29:one"));
        await bot.PostAsync(Activities.Message(url, "help", conversationId: "a:two", fromAad: "aad-two", fromId: "29:two"));

        await bot.Connector.WaitForActivitiesAsync(2);
    }
}
