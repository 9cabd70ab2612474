using System.Text.Json.Nodes;
using Dapper;
using ProBonoBot.Projects;
using ProBonoBot.Testing;
using ProBonoBot.Tests.Storage;

namespace ProBonoBot.Tests.Projects;

/// <summary>
/// Issue 10 item 11 through the running host: a project is posted once per channel (double clicks, replays,
/// broadcasts) and every copy that exists in a channel stays live. Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class ChannelPostTests : IAsyncLifetime
{
    protected const string ChannelA = "19:team0123@thread.tacv2";
    protected const string ChannelB = "19:team0456@thread.tacv2";

    protected BotHost Bot { get; private set; } = null!;

    protected string Url => Bot.Connector.ServiceUrl;

    protected abstract Task<BotHost> StartAsync();

    public async Task InitializeAsync()
    {
        Bot = await StartAsync();
        await Bot.PostAsync(Activities.TeamInstall(Url, ChannelA));
        await Bot.PostAsync(Activities.TeamInstall(Url, ChannelB));
        await Bot.Connector.WaitForAsync(r => r.Count(x => x.Method == "POST" && x.Path.EndsWith("/activities", StringComparison.Ordinal)) >= 2);
        await Bot.PostAsync(Activities.Submit(Url, new JsonObject
        {
            ["verb"] = "projectSave", ["title"] = "Donor database", ["partner"] = "Kanazawa NPO", ["summary"] = "Donors are in five spreadsheets.",
            ["roles"] = "Data analyst | SQL | 1", ["hours"] = "4", ["language"] = "en",
        }));
        await Bot.Connector.WaitForAsync(r => r.Any(x => x.Body.Contains("not published yet", StringComparison.Ordinal)));
        Bot.Connector.Clear();
    }

    public async Task DisposeAsync() => await Bot.DisposeAsync();

    protected static JsonObject PublishTo(string channels) => new() { ["verb"] = "projectPublish", ["project"] = 1, ["channels"] = channels };

    /// <summary>Announcement cards POSTed into <paramref name="channel"/> (not replies, not the team introduction).</summary>
    protected static List<RecordedRequest> Announcements(IEnumerable<RecordedRequest> requests, string channel) =>
        [.. requests.Where(r => r.Method == "POST" && r.RawTarget.Contains(Uri.EscapeDataString(channel), StringComparison.Ordinal)
            && r.Body.Contains("\"signUp\"", StringComparison.Ordinal))];

    protected static List<string> Texts(IEnumerable<RecordedRequest> requests) =>
        [.. requests.Where(r => r.Method == "POST").Select(r => (string?)r.Json?["text"]).OfType<string>()];

    protected Task<long> CountAsync(string sql, object? args = null) => Bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>(sql, args), default);

    protected async Task PublishAsync(string channel)
    {
        await Bot.PostAsync(Activities.Submit(Url, PublishTo(channel)));
        await Bot.Connector.WaitForAsync(r => Texts(r).Any(t => t.StartsWith("Published #1", StringComparison.Ordinal)));
    }

    /// <summary>Posts the card into channel B by a broadcast to channels and waits until its copy is tracked.</summary>
    protected async Task BroadcastToChannelsAsync()
    {
        await Bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "broadcastStart", ["project"] = 1, ["audience"] = "channels" }));
        await Bot.Connector.WaitForAsync(r => Announcements(r, ChannelB).Count > 0);
        await WaitUntilAsync(async () => await CountAsync("SELECT COUNT(*) FROM posted_cards WHERE conversation_id = @ChannelB", new { ChannelB }) == 1);
    }

    /// <summary>Waits until every broadcast message has an outcome (not on the report card, whose final PUT can race the broadcast's end).</summary>
    protected Task BroadcastsDoneAsync() =>
        WaitUntilAsync(async () => await CountAsync("SELECT COUNT(*) FROM broadcasts") > 0
            && await CountAsync("SELECT COUNT(*) FROM outbox WHERE broadcast_id IS NOT NULL AND status = 0") == 0, seconds: 15);

    protected static async Task WaitUntilAsync(Func<Task<bool>> condition, int seconds = 10)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("The condition did not become true.");
            }

            await Task.Delay(50);
        }
    }

    protected static bool IsPutOf(RecordedRequest r, string activityId) =>
        r.Method == "PUT" && r.Path.EndsWith("/activities/" + activityId, StringComparison.Ordinal);

    [Fact]
    public async Task Publish_DoubleClickedConcurrently_OnePostOnePublished()
    {
        await Task.WhenAll(Bot.PostAsync(Activities.Submit(Url, PublishTo(ChannelA))), Bot.PostAsync(Activities.Submit(Url, PublishTo(ChannelA))));

        var seen = await Bot.Connector.WaitForAsync(r => Texts(r).Count(t => t.Contains("#1", StringComparison.Ordinal)) >= 2);
        await Task.Delay(300);
        seen = Bot.Connector.Requests;
        Assert.Single(Announcements(seen, ChannelA));
        Assert.Single(Texts(seen), t => t.StartsWith("Published #1", StringComparison.Ordinal));
        Assert.Single(Texts(seen), t => t.StartsWith("#1 is already in 1 channel you chose", StringComparison.Ordinal));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM posted_cards"));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM channel_posts WHERE activity_id IS NOT NULL"));
    }

    [Theory]
    [InlineData("false")]
    [InlineData("true")]
    public async Task Broadcast_ToBothAfterPublish_NoNewChannelPostPeopleStillGetTheirs(string resend)
    {
        await PublishAsync(ChannelA + "," + ChannelB);
        await Bot.PostAsync(Activities.Message(Url, "help", conversationId: "a:member-1", fromAad: "aad-member-1", fromId: "29:member-1"));
        await Bot.Connector.WaitForAsync(r => r.Any(x => x.RawTarget.Contains("member-1", StringComparison.Ordinal)));
        Bot.Connector.Clear();

        await Bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "broadcastStart", ["project"] = 1, ["audience"] = "both", ["resend"] = resend }));

        await BroadcastsDoneAsync();
        var seen = await Bot.Connector.WaitForAsync(r => Announcements(r, "a:member-1").Count > 0);
        Assert.Empty(Announcements(seen, ChannelA));
        Assert.Empty(Announcements(seen, ChannelB));
        Assert.Equal(2, await CountAsync("SELECT COUNT(*) FROM posted_cards"));
    }

    [Fact]
    public async Task Broadcast_ResendToChannelsOnly_NothingToSend()
    {
        await PublishAsync(ChannelA);
        await BroadcastToChannelsAsync();
        Bot.Connector.Clear();

        await Bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "broadcastStart", ["project"] = 1, ["audience"] = "channels", ["resend"] = "true" }));

        var seen = await Bot.Connector.WaitForAsync(r => r.Any(x => x.Body.Contains("There is nobody to send this to", StringComparison.Ordinal)));
        Assert.Empty(Announcements(seen, ChannelA));
        Assert.Empty(Announcements(seen, ChannelB));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM broadcasts"));
    }

    [Fact]
    public async Task FormTeam_CopiesFromPublishBroadcastAndOldDuplicate_EveryCopyShowsTeamFormed()
    {
        await PublishAsync(ChannelA);
        await BroadcastToChannelsAsync();
        // A second copy in channel A, as the old double click left behind: it is updated too.
        await Bot.Db.WriteAsync(c => c.ExecuteAsync(
            "INSERT INTO posted_cards (project_number, conversation_id, activity_id, service_url, rendered_version, posted_at) VALUES (1, @ChannelA, 'old-copy', @Url, 1, @now)",
            new { ChannelA, Url, now = DateTimeOffset.UtcNow }), default);
        await Bot.Db.WriteAsync(c => c.ExecuteAsync(
            "INSERT INTO signups (project_number, role_number, user_aad, user_name, status, created_at, updated_at) VALUES (1, 1, 'aad-member-1', 'Member 1', 0, @now, @now)",
            new { now = DateTimeOffset.UtcNow }), default);
        var copies = (await Bot.Db.ReadAsync(c => c.QueryAsync<string>("SELECT activity_id FROM posted_cards"), default)).ToList();
        Bot.Connector.Clear();

        await Bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "projectFormTeam", ["project"] = 1 }));

        var seen = await Bot.Connector.WaitForAsync(r => copies.All(id => r.Any(x => IsPutOf(x, id) && x.Body.Contains("Team formed", StringComparison.Ordinal))));
        Assert.Equal(3, copies.Count);
        Assert.All(copies, id => Assert.DoesNotContain("\"signUp\"", seen.Last(x => IsPutOf(x, id)).Body, StringComparison.Ordinal));
        Assert.Empty(Announcements(seen, ChannelA));
        Assert.Empty(Announcements(seen, ChannelB));
    }

    [Fact]
    public async Task CardUpdate_CopyDeleted404_DroppedOthersStillUpdateChannelFreedForPublish()
    {
        await PublishAsync(ChannelA);
        await BroadcastToChannelsAsync();
        var copyA = await Bot.Db.ReadAsync(c => c.ExecuteScalarAsync<string>("SELECT activity_id FROM posted_cards WHERE conversation_id = @ChannelA", new { ChannelA }), default);
        var copyB = await Bot.Db.ReadAsync(c => c.ExecuteScalarAsync<string>("SELECT activity_id FROM posted_cards WHERE conversation_id = @ChannelB", new { ChannelB }), default);
        Bot.Connector.FailWhen(r => IsPutOf(r, copyA!), new Fault(404, ErrorCode: "NotFound"));
        await Bot.Connector.WaitForAsync(r => r.Any(x => IsPutOf(x, copyB!))); // the broadcast copy is brought up to date first
        Bot.Connector.Clear();

        await BumpCardAsync();
        await Bot.Connector.WaitForAsync(r => r.Any(x => IsPutOf(x, copyA!)) && r.Any(x => IsPutOf(x, copyB!)));
        await WaitUntilAsync(async () => await CountAsync("SELECT COUNT(*) FROM posted_cards WHERE conversation_id = @ChannelA", new { ChannelA }) == 0);
        await BumpCardAsync();
        await Bot.Connector.WaitForAsync(r => r.Count(x => IsPutOf(x, copyB!)) >= 2);

        Assert.Single(Bot.Connector.Requests, x => IsPutOf(x, copyA!));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM channel_posts WHERE conversation_id = @ChannelA", new { ChannelA }));
        Bot.Connector.Clear();
        await PublishAsync(ChannelA);
        Assert.Single(Announcements(Bot.Connector.Requests, ChannelA));
    }

    private Task BumpCardAsync() => Bot.Db.WriteAsync(c => c.ExecuteAsync("UPDATE projects SET card_version = card_version + 1 WHERE number = 1"), default);

    [Fact]
    public async Task Publish_ClaimWithoutPostOlderThanTimeout_TakenOverAndPosted()
    {
        await ClaimAsync(ChannelA, "turn:a:other|crashed", DateTimeOffset.UtcNow - ChannelPosts.ClaimTimeout - TimeSpan.FromMinutes(1));

        await PublishAsync(ChannelA);

        Assert.Single(Announcements(Bot.Connector.Requests, ChannelA));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM channel_posts WHERE activity_id IS NOT NULL"));
    }

    [Fact]
    public async Task Publish_FreshClaimOfAnotherClick_AlreadyPostedNoPost()
    {
        await ClaimAsync(ChannelA, "turn:a:other|in-flight", DateTimeOffset.UtcNow);

        await Bot.PostAsync(Activities.Submit(Url, PublishTo(ChannelA)));

        await Bot.Connector.WaitForAsync(r => Texts(r).Any(t => t.StartsWith("#1 is already in 1 channel you chose", StringComparison.Ordinal)));
        Assert.Empty(Announcements(Bot.Connector.Requests, ChannelA));
    }

    [Fact]
    public async Task Publish_ReplayOfTheClaimingActivity_FinishesItsPost()
    {
        await ClaimAsync(ChannelA, ChannelPosts.TurnClaimant("a:personal-1", "publish-replayed"), DateTimeOffset.UtcNow);
        var replayed = Activities.Submit(Url, PublishTo(ChannelA));
        replayed["id"] = "publish-replayed";

        await Bot.PostAsync(replayed);

        await Bot.Connector.WaitForAsync(r => Texts(r).Any(t => t.StartsWith("Published #1 to 1 channel", StringComparison.Ordinal)));
        Assert.Single(Announcements(Bot.Connector.Requests, ChannelA));
    }

    [Fact]
    public async Task Publish_PostRefused_ClaimReleasedAndNextPublishPosts()
    {
        var refuse = true;
        Bot.Connector.FailWhen(r => refuse && r.Method == "POST" && r.RawTarget.Contains(Uri.EscapeDataString(ChannelA), StringComparison.Ordinal), new Fault(403, ErrorCode: "BotNotInConversationRoster"));
        await Bot.PostAsync(Activities.Submit(Url, PublishTo(ChannelA)));
        await Bot.Connector.WaitForAsync(r => Texts(r).Any(t => t.Contains("I couldn't post to 1 channel", StringComparison.Ordinal)));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM channel_posts"));
        refuse = false;
        Bot.Connector.Clear();

        await PublishAsync(ChannelA);

        Assert.Single(Announcements(Bot.Connector.Requests, ChannelA));
    }

    [Fact]
    public async Task Broadcast_ChannelPostNotFound_ChannelCanBeReachedLater()
    {
        Bot.Connector.FailWhen(r => r.Method == "POST" && r.RawTarget.Contains(Uri.EscapeDataString(ChannelB), StringComparison.Ordinal), new Fault(404, ErrorCode: "ConversationNotFound"));
        await PublishAsync(ChannelA);
        await Bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "broadcastStart", ["project"] = 1, ["audience"] = "channels" }));
        await BroadcastsDoneAsync();
        Bot.Connector.Clear();

        await Bot.PostAsync(Activities.Message(Url, "broadcast 1"));

        var seen = await Bot.Connector.WaitForAsync(r => r.Any(x => x.Body.Contains("Broadcast #1", StringComparison.Ordinal)));
        Assert.Contains("and 1 channel can", seen.Last(x => x.Body.Contains("Broadcast #1", StringComparison.Ordinal)).Body, StringComparison.Ordinal);
    }

    private Task<int> ClaimAsync(string channel, string claimant, DateTimeOffset at) =>
        Bot.Db.WriteAsync(c => c.ExecuteAsync(
            "INSERT INTO channel_posts (project_number, conversation_id, claimed_by, claimed_at) VALUES (1, @channel, @claimant, @at)",
            new { channel, claimant, at }), default);
}

/// <summary>The channel-post guarantees on SQLite.</summary>
public sealed class ChannelPostSqliteTests : ChannelPostTests
{
    protected override Task<BotHost> StartAsync() => BotHost.StartAsync(extra: new() { ["Broadcasts:ReportInterval"] = "00:00:00.300" });
}

/// <summary>The channel-post guarantees on PostgreSQL, including two instances sharing one database.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class ChannelPostPostgresTests(DatabaseFixture databases) : ChannelPostTests
{
    private string _connectionString = null!;

    protected override async Task<BotHost> StartAsync()
    {
        _connectionString = await databases.NewPostgresDatabaseAsync();
        return await BotHost.StartAsync(_connectionString, extra: new() { ["Broadcasts:ReportInterval"] = "00:00:00.300" });
    }

    [Fact]
    public async Task Publish_DoubleClickedOnTwoInstances_OnePostOnePublished()
    {
        // The second instance shares the database and reaches the first one's connector (the channels' service URL).
        await using var second = await BotHost.StartAsync(_connectionString, extra: new() { ["Connector:TrustedHosts:1"] = $"127.0.0.1:{Bot.Connector.Port}" });
        var token = second.Issuer.BotConnectorToken(BotHost.AppId, Url);

        await Task.WhenAll(
            Bot.PostAsync(Activities.Submit(Url, PublishTo(ChannelA))),
            second.PostAsync(Activities.Submit(Url, PublishTo(ChannelA)), token));

        await Bot.Connector.WaitForAsync(r => Texts(r).Count(t => t.Contains("#1", StringComparison.Ordinal)) >= 2);
        await Task.Delay(300);
        var seen = Bot.Connector.Requests;
        Assert.Single(Announcements(seen, ChannelA));
        Assert.Single(Texts(seen), t => t.StartsWith("Published #1", StringComparison.Ordinal));
        Assert.Single(Texts(seen), t => t.StartsWith("#1 is already in 1 channel you chose", StringComparison.Ordinal));
        Assert.Empty(Announcements(second.Connector.Requests, ChannelA));
    }
}
