using System.Globalization;
using Dapper;
using Microsoft.Extensions.Options;
using ProBonoBot.Broadcasts;
using ProBonoBot.Outbox;
using ProBonoBot.Storage;
using ProBonoBot.Testing;
using ProBonoBot.Tests.Storage;

namespace ProBonoBot.Tests.Broadcasts;

/// <summary>
/// Issue 13 targeting at the store: each filter and their combinations counted per person, the language of people the
/// bot knows nothing about, topics, the daily cap and its digest, scheduling claimed once across restarts, cancel.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class TargetingStoreTests(DatabaseFixture databases)
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-12-02T01:00:00Z", CultureInfo.InvariantCulture); // 10:00 in Tokyo
    private static readonly BroadcastActivities Cards = new("{\"card\":\"ja\"}", "{\"card\":\"en\"}", "{\"card\":\"channel\"}");

    private static BroadcastStore Store(Db db, TimeProvider clock, OutboxSignal signal, int perDay = 1) =>
        new(db, clock, signal, Options.Create(new BroadcastOptions { PerPersonPerDay = perDay }));

    /// <summary>
    /// Two teams the bot is in. p1: personal chat (ja-JP), in both teams. p2: roster of t1 only, never wrote. p3: roster of
    /// t2 only. p4: personal chat, chose English, in no team. The leader has a personal chat too.
    /// </summary>
    private static async Task SeedAsync(Db db, DateTimeOffset now)
    {
        await db.WriteAsync(async c =>
        {
            foreach (var team in new[] { "t1", "t2" })
            {
                await c.ExecuteAsync(
                    """
                    INSERT INTO conversation_refs (conversation_id, conversation_type, service_url, channel_id, team_id, team_name, installed_at, updated_at)
                    VALUES (@id, 'channel', 'https://smba.example/', 'msteams', @team, @name, @now, @now)
                    """, new { id = $"19:{team}@thread.tacv2", team = $"19:{team}@thread.tacv2", name = $"Team {team}", now });
            }

            foreach (var (aad, locale) in new[] { ("p1", "ja-JP"), ("p4", "en-US"), ("leader", "ja-JP") })
            {
                await c.ExecuteAsync(
                    """
                    INSERT INTO conversation_refs (conversation_id, conversation_type, service_url, channel_id, user_id, user_aad_object_id, locale, installed_at, updated_at)
                    VALUES (@id, 'personal', 'https://smba.example/', 'msteams', @user, @aad, @locale, @now, @now)
                    """, new { id = $"a:{aad}", user = $"29:{aad}", aad, locale, now });
            }

            foreach (var (team, aad) in new[] { ("t1", "p1"), ("t2", "p1"), ("t1", "p2"), ("t2", "p3") })
            {
                await c.ExecuteAsync(
                    "INSERT INTO team_members (team_id, aad_object_id, teams_user_id, service_url, seen_at) VALUES (@team, @aad, @user, 'https://smba.example/', @now)",
                    new { team = $"19:{team}@thread.tacv2", aad, user = $"29:{aad}", now });
            }

            await c.ExecuteAsync("INSERT INTO user_settings (aad_object_id, language, updated_at) VALUES ('p4', 'en', @now)", new { now });
            foreach (var number in new[] { 1, 2, 3 })
            {
                await c.ExecuteAsync(
                    """
                    INSERT INTO projects (title, partner, summary, hours_per_week, language, leader_aad, status, created_at, updated_at)
                    VALUES (@title, 'NPO', 'Summary', 3, 'ja', 'leader', 1, @now, @now)
                    """, new { title = $"Project {number}", now });
            }

            return 0;
        }, default);
    }

    private static Task<int> PeopleAsync(BroadcastStore store, Targeting t, IReadOnlyCollection<string>? fit = null) =>
        store.CountAsync(1, t with { Audience = "people" }, fit, "leader", default).ContinueWith(r => r.Result.People, TaskScheduler.Default);

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task CountAsync_EachFilterAndCombinations_EachPersonOnce(StorageProvider provider)
    {
        using var db = await databases.NewDbAsync(provider);
        var clock = new ManualClock(Start);
        using var signal = new OutboxSignal();
        await SeedAsync(db, clock.GetUtcNow());
        await db.WriteAsync(c => c.ExecuteAsync("INSERT INTO group_members (group_id, aad_object_id, seen_at) VALUES ('g1', 'p1', @now), ('g1', 'p4', @now), ('g2', 'p2', @now)", new { now = Start }), default);
        var store = Store(db, clock, signal);
        var all = Targeting.Everyone;
        var bothTeams = all with { Target = Targeting.ByTeams, Teams = ["19:t1@thread.tacv2", "19:t2@thread.tacv2"] };

        Assert.Equal(4, await PeopleAsync(store, all));                       // p1..p4, not the leader
        Assert.Equal(3, await PeopleAsync(store, bothTeams));                 // p1 is in both teams: once
        Assert.Equal(2, await PeopleAsync(store, all with { Target = Targeting.ByTeams, Teams = ["19:t1@thread.tacv2"] }));
        Assert.Equal(2, await PeopleAsync(store, all with { Target = Targeting.ByGroup, Group = "g1" }));
        Assert.Equal(1, await PeopleAsync(store, all with { Target = Targeting.ByFit }, ["p2", "nobody-reachable"]));
        Assert.Equal(0, await PeopleAsync(store, all with { Target = Targeting.ByFit }, []));
        Assert.Equal(1, await PeopleAsync(store, all with { Language = "ja" }));  // p1 (locale); p2, p3 unknown count for "all" only
        Assert.Equal(1, await PeopleAsync(store, all with { Language = "en" }));  // p4 (chosen)
        Assert.Equal(1, await PeopleAsync(store, bothTeams with { Language = "ja" }));
        Assert.Equal(0, await PeopleAsync(store, bothTeams with { Language = "en" }));
        Assert.Equal(1, await PeopleAsync(store, all with { Target = Targeting.ByGroup, Group = "g1", Language = "en" }));
        Assert.Equal((0, 2), await store.CountAsync(1, all with { Audience = "channels" }, null, "leader", default));
    }

    [Fact]
    public void Topics_SameAsProfileInterests_DisasterRecoveryIncludedInBothLanguages()
    {
        // Review (newcomer): a member interested in disaster recovery could say so in the profile but not choose it as a topic.
        Assert.Equal(ProBonoBot.Profiles.Interests.All.Select(i => i.Key), BroadcastTargets.Topics(ProBonoBot.Cards.Language.English).Select(t => t.Key));
        Assert.Contains(("disaster", "Disaster recovery"), BroadcastTargets.Topics(ProBonoBot.Cards.Language.English));
        Assert.Contains(("disaster", "災害復興"), BroadcastTargets.Topics(ProBonoBot.Cards.Language.Japanese));
    }

    [Fact]
    public async Task CountAsync_Topics_OnlyChosenTopicsAndUncategorisedReachEveryone()
    {
        using var db = await databases.NewDbAsync(StorageProvider.Sqlite);
        var clock = new ManualClock(Start);
        using var signal = new OutboxSignal();
        await SeedAsync(db, Start);
        await db.WriteAsync(c => c.ExecuteAsync("INSERT INTO user_topics (aad_object_id, topic) VALUES ('p1', 'website'), ('p1', 'map'), ('p4', 'video')"), default);
        var store = Store(db, clock, signal);

        Assert.Equal(4, await PeopleAsync(store, Targeting.Everyone));                              // no topic: everyone
        Assert.Equal(2, await PeopleAsync(store, Targeting.Everyone with { Category = "tracking" })); // p2, p3 chose none = all topics
        Assert.Equal(3, await PeopleAsync(store, Targeting.Everyone with { Category = "website" }));
        await db.WriteAsync(c => c.ExecuteAsync("UPDATE user_settings SET muted = 1 WHERE aad_object_id = 'p4'"), default);
        Assert.Equal(2, await PeopleAsync(store, Targeting.Everyone with { Category = "video" }));    // muted beats topics
    }

    [Fact]
    public async Task StartAsync_LanguageUnknown_GetsTheProjectsChannelText()
    {
        using var db = await databases.NewDbAsync(StorageProvider.Sqlite);
        var clock = new ManualClock(Start);
        using var signal = new OutboxSignal();
        await SeedAsync(db, Start);
        var store = Store(db, clock, signal);

        var (id, total) = await store.StartAsync(1, Targeting.Everyone with { Audience = "people" }, null, "leader", Cards, default);

        Assert.Equal(4, total);
        var rows = (await db.ReadAsync(c => c.QueryAsync<(string Aad, string Activity)>("SELECT user_aad, activity FROM outbox WHERE broadcast_id = @id ORDER BY user_aad", new { id }), default)).ToList();
        Assert.Equal([("p1", Cards.Japanese), ("p2", Cards.Channel), ("p3", Cards.Channel), ("p4", Cards.English)], rows);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task StartAsync_SecondBroadcastSameDay_WaitsForOneDigestNextMorning(StorageProvider provider)
    {
        using var db = await databases.NewDbAsync(provider);
        var clock = new ManualClock(Start);
        using var signal = new OutboxSignal();
        await SeedAsync(db, Start);
        var store = Store(db, clock, signal);
        var people = Targeting.Everyone with { Audience = "people" };

        await store.StartAsync(1, people, null, "leader", Cards, default);
        clock.Advance(TimeSpan.FromHours(2));
        var (second, total) = await store.StartAsync(2, people, null, "leader", Cards, default);
        clock.Advance(TimeSpan.FromHours(1));
        var (third, _) = await store.StartAsync(3, people, null, "leader", Cards, default);

        Assert.Equal(4, total); // counted: they get it, in the digest
        Assert.Equal(0, await db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE broadcast_id IN (@second, @third)", new { second, third }), default));
        Assert.Equal(8, await db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM broadcast_digests WHERE sent_at IS NULL"), default));

        // Due at 9:00 the next local day: 00:00 UTC for Tokyo (p1..p3), 09:00 UTC for p4 (English, no zone: UTC).
        var digests = new BroadcastDigests(db, clock, signal);
        Assert.Empty(await digests.DueAsync(100, default));
        clock.Advance(TimeSpan.FromHours(20) - TimeSpan.FromMinutes(1)); // 23:59 UTC
        Assert.Empty(await digests.DueAsync(100, default));
        clock.Advance(TimeSpan.FromMinutes(1));
        var due = await digests.DueAsync(100, default);
        Assert.Equal(["p1", "p2", "p3"], due.Order(StringComparer.Ordinal));

        // A restart between two instances: each person's digest is claimed once.
        var other = new BroadcastDigests(db, clock, signal);
        Assert.True(await digests.SendAsync("p1", default));
        Assert.False(await other.SendAsync("p1", default));
        var activity = System.Text.Json.Nodes.JsonNode.Parse(
            await db.ReadAsync(c => c.QuerySingleAsync<string>("SELECT activity FROM outbox WHERE user_aad = 'p1' AND broadcast_id IS NULL"), default))!;
        var card = activity["attachments"]![0]!["content"]!.ToJsonString();
        Assert.Contains("Project 2", card, StringComparison.Ordinal);
        Assert.Contains("Project 3", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Project 1", card, StringComparison.Ordinal);
        Assert.Equal("見逃したかもしれないプロジェクトが2件あります", (string?)activity["summary"]); // p1 reads Japanese (locale)

        // It is a new day for everyone (09:00 in Tokyo, 00:00 UTC): a new broadcast reaches people again (the digest does not count).
        var (fourth, _) = await store.StartAsync(1, people with { Resend = true }, null, "leader", Cards, default);
        Assert.Equal(4, await db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE broadcast_id = @fourth", new { fourth }), default));
    }

    [Fact]
    public async Task StartAsync_CapDisabled_EveryBroadcastDelivered()
    {
        using var db = await databases.NewDbAsync(StorageProvider.Sqlite);
        var clock = new ManualClock(Start);
        using var signal = new OutboxSignal();
        await SeedAsync(db, Start);
        var store = Store(db, clock, signal, perDay: 0);

        await store.StartAsync(1, Targeting.Everyone with { Audience = "people" }, null, "leader", Cards, default);
        var (second, _) = await store.StartAsync(2, Targeting.Everyone with { Audience = "people" }, null, "leader", Cards, default);

        Assert.Equal(4, await db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE broadcast_id = @second", new { second }), default));
        Assert.Equal(0, await db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM broadcast_digests"), default));
    }

    [Fact]
    public void DailyCap_DayStartAndNextDigest_InThePersonsZone()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        Assert.Equal(DateTimeOffset.Parse("2026-12-01T15:00:00Z", CultureInfo.InvariantCulture), DailyCap.DayStart(Start, tokyo));
        Assert.Equal(DateTimeOffset.Parse("2026-12-01T05:00:00Z", CultureInfo.InvariantCulture), DailyCap.DayStart(Start, newYork)); // 20:00 on the 1st there
        Assert.Equal(DateTimeOffset.Parse("2026-12-03T00:00:00Z", CultureInfo.InvariantCulture), DailyCap.NextDayAt(Start, tokyo, TimeSpan.FromHours(9)));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task StartScheduledAsync_AcrossRestart_StartsOnceAtTheTimeNotBefore(StorageProvider provider)
    {
        using var db = await databases.NewDbAsync(provider);
        var clock = new ManualClock(Start);
        using var signal = new OutboxSignal();
        await SeedAsync(db, Start);
        var targeting = Targeting.Everyone with { Audience = "people", Target = Targeting.ByTeams, Teams = ["19:t1@thread.tacv2"] };
        var id = await Store(db, clock, signal).ScheduleAsync(1, targeting, "leader", Start + TimeSpan.FromHours(1), default);

        clock.Advance(TimeSpan.FromMinutes(59));
        var early = Store(db, clock, signal);
        Assert.Empty(await early.DueAsync(default));
        Assert.False((await early.StartScheduledAsync(id, null, Cards, default)).Claimed);
        Assert.Equal(0, await db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox"), default));

        // "Restart": new instances over the same database, one minute later.
        clock.Advance(TimeSpan.FromMinutes(1));
        var first = Store(db, clock, signal);
        var second = Store(db, clock, signal);
        var due = Assert.Single(await first.DueAsync(default));
        var a = await first.StartScheduledAsync(due.Id, null, Cards, default);
        var b = await second.StartScheduledAsync(due.Id, null, Cards, default);

        Assert.True(a.Claimed);
        Assert.False(b.Claimed);
        Assert.Equal(2, a.Total); // the stored targeting: members of t1
        Assert.Equal(2, await db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE broadcast_id = @id", new { id }), default));
        Assert.Empty(await second.DueAsync(default));
        Assert.Equal(BroadcastStore.Running, (await first.GetAsync(id, default))!.Status);
    }

    [Fact]
    public async Task CancelAsync_ScheduledAndRunning_NothingMoreSent()
    {
        using var db = await databases.NewDbAsync(StorageProvider.Sqlite);
        var clock = new ManualClock(Start);
        using var signal = new OutboxSignal();
        await SeedAsync(db, Start);
        var store = Store(db, clock, signal);
        var scheduled = await store.ScheduleAsync(2, Targeting.Everyone, "leader", Start + TimeSpan.FromHours(1), default);
        var (running, _) = await store.StartAsync(1, Targeting.Everyone with { Audience = "people" }, null, "leader", Cards, default);

        Assert.Equal(0, await store.CancelAsync(scheduled, default));
        Assert.Equal(4, await store.CancelAsync(running, default));
        clock.Advance(TimeSpan.FromHours(2));

        Assert.Empty(await store.DueAsync(default));
        Assert.False((await store.StartScheduledAsync(scheduled, null, Cards, default)).Claimed);
        Assert.Equal(BroadcastStore.Cancelled, (await store.GetAsync(scheduled, default))!.Status);
        Assert.Equal(4, await db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE status = 6"), default));
        Assert.Equal(0, await db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE broadcast_id = @scheduled", new { scheduled }), default));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task FiguresAsync_OpenedClickedSignedUpChats_OncePerPerson(StorageProvider provider)
    {
        using var db = await databases.NewDbAsync(provider);
        var clock = new ManualClock(Start);
        using var signal = new OutboxSignal();
        await SeedAsync(db, Start);
        var store = Store(db, clock, signal);
        var engagement = new BroadcastEngagement(db, clock);
        var (id, _) = await store.StartAsync(1, Targeting.Everyone with { Audience = "people" }, null, "leader", Cards, default);
        await db.WriteAsync(c => c.ExecuteAsync("UPDATE outbox SET status = 1 WHERE user_aad IN ('p1', 'p2', 'p3')"), default);

        await engagement.RecordAsync(BroadcastEngagement.Opened, 1, "p1", default);
        await engagement.RecordAsync(BroadcastEngagement.Opened, 1, "p1", default); // refreshed again: still one
        await engagement.RecordAsync(BroadcastEngagement.Opened, 1, "p2", default);
        await engagement.RecordAsync(BroadcastEngagement.Opened, 2, "p3", default); // another project: no broadcast brought it
        await engagement.RecordAsync(BroadcastEngagement.Clicked, 1, "p2", default);
        await engagement.RecordAsync(BroadcastEngagement.Opened, 1, "leader", default); // not a recipient
        clock.Advance(TimeSpan.FromMinutes(5));
        await db.WriteAsync(c => c.ExecuteAsync(
            """
            INSERT INTO signups (project_number, role_number, user_aad, status, created_at, updated_at) VALUES
            (1, 1, 'p2', 0, @now, @now), (1, 1, 'p3', 1, @now, @now), (1, 1, 'leader', 0, @now, @now)
            """, new { now = clock.GetUtcNow() }), default);

        var before = await engagement.FiguresAsync(id, default);
        Assert.Equal(new Cards.Broadcasts.BroadcastOutcome(3, 2, 1, 1, 0, 0), before); // no chat created by the outbox yet

        // Chats the outbox opened (outbox.created_chat, set when it created the person's 1:1 chat) are counted.
        await db.WriteAsync(c => c.ExecuteAsync("UPDATE outbox SET created_chat = TRUE WHERE user_aad IN ('p2', 'p3')"), default);
        var after = await new BroadcastEngagement(db, clock).FiguresAsync(id, default);
        Assert.Equal(2, after.ChatsCreated);
    }
}
