using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Dapper;
using ProBonoBot.Testing;
using ProBonoBot.Tests.Install;
using static ProBonoBot.Tests.Install.TeamRoster;

namespace ProBonoBot.Tests.Outbox;

/// <summary>
/// Broadcasts to roster members who never opened the bot: the outbox creates their 1:1 chat (POST v3/conversations) —
/// retried on 429 and 5xx, final on 403 — keeps its reference, and paces creations with the sends.
/// </summary>
public sealed class ChatCreationTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static Task<BotHost> StartAsync(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Broadcasts:ReportInterval"] = "00:00:00.300",
            // These tests send two broadcasts to the same people in a minute; the daily cap would hold the second for a digest.
            ["Broadcasts:PerPersonPerDay"] = "0",
        };
        foreach (var (k, v) in extra ?? [])
        {
            settings[k] = v;
        }

        return BotHost.StartAsync(extra: settings);
    }

    private static bool IsCreate(RecordedRequest r) => r.Method == "POST" && r.Path.EndsWith("/v3/conversations", StringComparison.Ordinal);

    private static async Task SetUpAsync(BotHost bot, params string[] members)
    {
        bot.Connector.Rosters[Team] = Members(members);
        await InstallAsync(bot, Team, members.Length);
        await PublishAsync(bot);
    }

    private Task<(long Status, long Attempts, bool CreatedChat)> RowAsync(string aad) =>
        _bot.Db.ReadAsync(c => c.QuerySingleAsync<(long, long, bool)>(
            "SELECT status, attempts, created_chat FROM outbox WHERE user_aad = @aad ORDER BY id DESC LIMIT 1", new { aad }), default);

    /// <summary>Fails the first chat creation with <paramref name="fault"/>; returns when each creation arrived.</summary>
    private ConcurrentQueue<TimeSpan> FailFirstCreate(Fault fault)
    {
        var clock = Stopwatch.StartNew();
        var times = new ConcurrentQueue<TimeSpan>();
        _bot.Connector.Observer = r => { if (IsCreate(r)) times.Enqueue(clock.Elapsed); };
        var creates = 0;
        _bot.Connector.FailWhen(r => IsCreate(r) && Interlocked.Increment(ref creates) == 1, fault);
        return times;
    }

    [Fact]
    public async Task Create_429WithRetryAfter_RetriedAfterTheWaitThenSent()
    {
        await SetUpAsync(_bot, "x");
        var times = FailFirstCreate(new Fault(429, RetryAfter: "1"));

        await BroadcastAsync(_bot);

        var at = times.ToArray();
        Assert.Equal(2, at.Length);
        Assert.True(at[1] - at[0] >= TimeSpan.FromMilliseconds(900), $"retried after {(at[1] - at[0]).TotalMilliseconds} ms");
        Assert.Equal(((long)ProBonoBot.Outbox.DeliveryStatus.Sent, 0L, true), await RowAsync("aad-x"));
        Assert.Equal([_bot.Connector.Chats["29:x"]], CardsSent(_bot));
    }

    [Fact]
    public async Task Create_503_RetriedThenSent()
    {
        await SetUpAsync(_bot, "x");
        var times = FailFirstCreate(new Fault(503));

        await BroadcastAsync(_bot);

        Assert.Equal(2, times.Count);
        Assert.Equal(((long)ProBonoBot.Outbox.DeliveryStatus.Sent, 0L, true), await RowAsync("aad-x"));
        Assert.Single(CardsSent(_bot));
    }

    [Fact]
    public async Task Create_500_RetriedLaterByTheOutboxThenSent()
    {
        await SetUpAsync(_bot, "x");
        var times = FailFirstCreate(new Fault(500));

        await BroadcastAsync(_bot);

        Assert.Equal(2, times.Count);
        Assert.Equal(((long)ProBonoBot.Outbox.DeliveryStatus.Sent, 1L, true), await RowAsync("aad-x"));
        Assert.Single(CardsSent(_bot));
    }

    [Fact]
    public async Task Create_403_BlockedAndNotTriedAgainByTheNextBroadcast()
    {
        await SetUpAsync(_bot, "x", "y");
        _bot.Connector.FailWhen(r => IsCreate(r) && r.Body.Contains("\"29:x\"", StringComparison.Ordinal), new Fault(403, ErrorCode: "Forbidden"));

        await BroadcastAsync(_bot);
        Assert.Equal(((long)ProBonoBot.Outbox.DeliveryStatus.Blocked, 0L, false), await RowAsync("aad-x"));
        Assert.Equal(1, Creates(_bot, "29:x"));

        await BroadcastAsync(_bot, resend: true);

        Assert.Equal(0, Creates(_bot, "29:x"));
        Assert.Equal(0, await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE broadcast_id = 2 AND user_aad = 'aad-x'"), default));
        Assert.Equal([_bot.Connector.Chats["29:y"]], CardsSent(_bot));
    }

    [Fact]
    public async Task Create_403ThenPersonOpensTheBot_ReachedThroughTheirOwnChat()
    {
        await SetUpAsync(_bot, "x");
        _bot.Connector.FailWhen(r => IsCreate(r) && r.Body.Contains("\"29:x\"", StringComparison.Ordinal), new Fault(403, ErrorCode: "Forbidden"));
        await BroadcastAsync(_bot);

        await _bot.PostAsync(Activities.Message(_bot.Connector.ServiceUrl, "help", conversationId: "a:x-own", fromAad: "aad-x", fromId: "29:x", fromName: "Member x"));
        await _bot.Connector.WaitForActivitiesAsync(1);
        await BroadcastAsync(_bot, resend: true);

        Assert.Equal(["a:x-own"], CardsSent(_bot));
    }

    [Fact]
    public async Task CreatedChat_NextBroadcast_ReusedNotCreatedAgain()
    {
        await SetUpAsync(_bot, "x");
        await BroadcastAsync(_bot);
        Assert.Equal(1, Creates(_bot, "29:x"));
        var chat = Assert.Single(CardsSent(_bot));

        await BroadcastAsync(_bot, resend: true);

        Assert.Equal(0, Creates(_bot, "29:x"));
        Assert.Equal([chat], CardsSent(_bot));
        Assert.Equal(((long)ProBonoBot.Outbox.DeliveryStatus.Sent, 0L, false), await RowAsync("aad-x"));
        Assert.Equal(1, await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM conversation_refs WHERE user_aad_object_id = 'aad-x' AND conversation_type = 'personal' AND is_active = TRUE"), default));
    }

    [Fact]
    public async Task Create_PacedWithTheSends_NeverAboveTheCeiling()
    {
        // 8/s for the app: the pacer allows 7.5/s for creations and sends together; Teams (the fake) refuses beyond 10 in any second.
        await using var bot = await StartAsync(new() { ["Broadcasts:RatePerSecond"] = "8" });
        var members = Enumerable.Range(1, 12).Select(i => $"p{i}").ToArray();
        await SetUpAsync(bot, members);
        var clock = Stopwatch.StartNew();
        var admitted = new ConcurrentQueue<TimeSpan>();
        bot.Connector.Answered = (r, status) =>
        {
            if (status != 429 && r.Method == "POST" && (IsCreate(r) || r.Path.EndsWith("/activities", StringComparison.Ordinal)))
            {
                admitted.Enqueue(clock.Elapsed);
            }
        };
        bot.Connector.Limits = new TeamsLimits(AppPerSecond: 10, ServerErrorRate: 0, BlockedRate: 0);

        await BroadcastAsync(bot);

        Assert.Equal(12, CardsSent(bot).Distinct().Count());
        Assert.Equal(12, bot.Connector.ChatsCreated);
        Assert.Equal(0, bot.Connector.Throttled);
        var times = admitted.Order().ToArray();
        var busiest = times.Select((t, i) => times.Skip(i).TakeWhile(u => u - t < TimeSpan.FromSeconds(1)).Count()).Max();
        Assert.True(busiest <= 9, $"{busiest} creations and sends in one second");
        Assert.True(times[^1] - times[0] >= TimeSpan.FromSeconds(2), $"24 requests in {(times[^1] - times[0]).TotalSeconds:F1} s");
    }
}
