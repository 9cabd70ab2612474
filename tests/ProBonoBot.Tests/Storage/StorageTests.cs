using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using ProBonoBot.Cards;
using ProBonoBot.Install;
using ProBonoBot.People;
using ProBonoBot.Storage;
using ProBonoBot.Testing;
using ProBonoBot.Turns;

namespace ProBonoBot.Tests.Storage;

[Collection(DatabaseCollection.Name)]
public sealed class StorageTests(DatabaseFixture databases)
{
    private static ConversationReference Reference(string id = "a:1", string? name = "Haruka") => new(
        id, "personal", "https://smba.trafficmanager.net/teams/", "msteams", "tenant", "28:bot", "29:user", "aad-1", name,
        null, null, null, null, "ja-JP");

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task MigrateAsync_SecondRun_AppliesNothing(StorageProvider provider)
    {
        using var db = await databases.NewDbAsync(provider);

        var again = await new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync(default);

        Assert.Empty(again);
        var versions = await db.ReadAsync(c => c.QueryAsync<int>("SELECT version FROM schema_migrations"), default);
        Assert.Equal(Migrator.Embedded(provider).Select(m => m.Version), versions.Order());
    }

    [Fact]
    public async Task MigrateAsync_ConcurrentInstancesOnPostgres_ApplyEachMigrationOnce()
    {
        var connectionString = await databases.NewPostgresDatabaseAsync();
        var instances = Enumerable.Range(0, 4).Select(_ => new Db(StorageProvider.Postgres, connectionString)).ToList();

        var applied = await Task.WhenAll(instances.Select(db => new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync(default)));

        Assert.Equal(Migrator.Embedded(StorageProvider.Postgres).Count, applied.Sum(a => a.Count));
        instances.ForEach(db => db.Dispose());
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task TryRecordAsync_ConcurrentRedeliveries_ExactlyOneWins(StorageProvider provider)
    {
        using var db = await databases.NewDbAsync(provider);
        var journal = new ActivityJournal(db, TimeProvider.System, Instance(db, TimeProvider.System));

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ =>
            Task.Run(() => journal.TryRecordAsync("a:1", "act-1", "message", "{}", default))));

        Assert.Equal(1, results.Count(r => r));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task AdoptAsync_AfterRestart_ReturnsUnfinishedOldestFirstAndExpiresStale(StorageProvider provider)
    {
        using var db = await databases.NewDbAsync(provider);
        var clock = new ManualClock(DateTimeOffset.Parse("2026-11-22T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var journal = new ActivityJournal(db, clock, Instance(db, clock));
        await journal.TryRecordAsync("a:1", "stale", "message", "{\"n\":0}", default);
        clock.Advance(TimeSpan.FromHours(2));
        await journal.TryRecordAsync("a:1", "first", "message", "{\"n\":1}", default);
        clock.Advance(TimeSpan.FromSeconds(1));
        await journal.TryRecordAsync("a:1", "second", "message", "{\"n\":2}", default);
        await journal.TryRecordAsync("a:1", "handled", "message", "{\"n\":3}", default);
        await journal.CompleteAsync([("a:1", "handled", ActivityJournal.Status.Done)], default);

        var restarted = new ActivityJournal(db, clock, Instance(db, clock));
        var pending = (await restarted.AdoptAsync(everyone: true, TimeSpan.FromHours(1), maxAttempts: 3, default)).Replay;

        Assert.Equal(["first", "second"], pending.Select(p => p.ActivityId));
        Assert.All(pending, p => Assert.Equal(2, p.Attempts));
        var staleStatus = await db.ReadAsync(c => c.ExecuteScalarAsync<int>("SELECT status FROM activity_journal WHERE activity_id = 'stale'"), default);
        Assert.Equal((int)ActivityJournal.Status.Expired, staleStatus);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task ActivateAsync_ConcurrentInstallEvents_OnlyOneActivation(StorageProvider provider)
    {
        using var db = await databases.NewDbAsync(provider);
        var store = new ConversationStore(db, TimeProvider.System);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => store.ActivateAsync(Reference(), default))));

        Assert.Equal(1, results.Count(r => r));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task DeactivateThenActivate_ReactivatesAndKeepsKnownFields(StorageProvider provider)
    {
        using var db = await databases.NewDbAsync(provider);
        var store = new ConversationStore(db, TimeProvider.System);
        await store.ActivateAsync(Reference(), default);
        await store.DeactivateAsync("a:1", default);
        Assert.Null(await store.FindPersonalAsync("aad-1", default));

        var reactivated = await store.ActivateAsync(Reference(name: null), default);

        Assert.True(reactivated);
        var stored = await store.GetAsync("a:1", default);
        Assert.True(stored!.IsActive);
        Assert.Equal("Haruka", stored.UserName);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task RefreshAsync_ServiceUrlChanged_Persists(StorageProvider provider)
    {
        using var db = await databases.NewDbAsync(provider);
        var store = new ConversationStore(db, TimeProvider.System);
        await store.RefreshAsync(Reference(), default);

        await store.RefreshAsync(Reference() with { ServiceUrl = "https://smba.trafficmanager.net/jp/" }, default);

        Assert.Equal("https://smba.trafficmanager.net/jp/", (await store.GetAsync("a:1", default))!.ServiceUrl);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task UserSettings_LanguageRoundTrips(StorageProvider provider)
    {
        using var db = await databases.NewDbAsync(provider);
        var settings = new UserSettingsStore(db, TimeProvider.System);

        Assert.Null(await settings.GetLanguageAsync("aad-1", default));
        await settings.SetLanguageAsync("aad-1", Language.Japanese, default);
        await settings.SetLanguageAsync("aad-1", Language.English, default);

        Assert.Equal(Language.English, await settings.GetLanguageAsync("aad-1", default));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task AdoptAsync_TurnThatNeverFinishes_ParkedAfterMaxAttempts(StorageProvider provider)
    {
        // Issue 10 item 1: an activity that kills the process every time must not be replayed forever.
        using var db = await databases.NewDbAsync(provider);
        await new ActivityJournal(db, TimeProvider.System, Instance(db, TimeProvider.System)).TryRecordAsync("a:1", "poison", "message", "{}", default);

        var replays = new List<int>();
        AdoptedActivities last = null!;
        for (var restart = 0; restart < 4; restart++)
        {
            last = await new ActivityJournal(db, TimeProvider.System, Instance(db, TimeProvider.System))
                .AdoptAsync(everyone: true, TimeSpan.FromHours(1), maxAttempts: 3, default);
            replays.Add(last.Replay.Count);
        }

        Assert.Equal([1, 1, 0, 0], replays);
        var status = await db.ReadAsync(c => c.ExecuteScalarAsync<int>("SELECT status FROM activity_journal WHERE activity_id = 'poison'"), default);
        Assert.Equal((int)ActivityJournal.Status.Parked, status);
        var reason = await db.ReadAsync(c => c.ExecuteScalarAsync<string>("SELECT reason FROM dead_letters WHERE activity_id = 'poison'"), default);
        Assert.Contains("without finishing", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdoptAsync_TwoInstancesOnPostgres_TakesOverOnlyFromTheOneThatStopped()
    {
        // Issue 10 item 12: a live instance's unfinished turns stay with it; a dead one's are taken over at once.
        using var db = await databases.NewDbAsync(StorageProvider.Postgres);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var alive = Instance(db, clock);
        var dead = Instance(db, clock);
        await new ActivityJournal(db, clock, alive).TryRecordAsync("a:1", "alive-1", "message", "{}", default);
        await new ActivityJournal(db, clock, dead).TryRecordAsync("a:2", "dead-1", "message", "{}", default);
        var survivor = new ActivityJournal(db, clock, Instance(db, clock));

        var before = await survivor.AdoptAsync(everyone: false, TimeSpan.FromHours(1), 3, default);
        clock.Advance(TimeSpan.FromSeconds(7));
        await alive.HeartbeatAsync(default);
        var after = await survivor.AdoptAsync(everyone: false, TimeSpan.FromHours(1), 3, default);

        Assert.Empty(before.Replay);
        Assert.Equal(["dead-1"], after.Replay.Select(r => r.ActivityId));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task RequestKeys_ClaimedAgainOrPruned_EarlierResultUntilPruned(StorageProvider provider)
    {
        using var db = await databases.NewDbAsync(provider);
        var then = DateTimeOffset.Parse("2026-11-22T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        async Task<string?> ClaimAsync(string result) => await db.WriteAsync(async c =>
        {
            await using var tx = await c.BeginTransactionAsync();
            var earlier = await RequestKeys.ClaimAsync(c, tx, "project.create|a:1|act-1", then);
            if (earlier is null)
            {
                await RequestKeys.SetResultAsync(c, tx, "project.create|a:1|act-1", result);
            }

            await tx.CommitAsync();
            return earlier;
        }, default);

        var first = await ClaimAsync("12");
        var replay = await ClaimAsync("13");
        await RequestKeys.PruneAsync(db, then + TimeSpan.FromDays(3), default);
        var afterPrune = await ClaimAsync("14");

        Assert.Null(first);
        Assert.Equal("12", replay);
        Assert.Null(afterPrune);
    }

    private static InstanceRegistry Instance(Db db, TimeProvider clock) =>
        new(db, clock, Microsoft.Extensions.Options.Options.Create(new TurnOptions()));
}
