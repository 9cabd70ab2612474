using Dapper;
using ProBonoBot.Outbox;
using ProBonoBot.Storage;
using ProBonoBot.Testing;
using ProBonoBot.Tests.Storage;

namespace ProBonoBot.Tests.Outbox;

[Collection(DatabaseCollection.Name)]
public sealed class OutboxStoreTests(DatabaseFixture databases)
{
    private static OutboxItem Item(int i) => new("{\"type\":\"message\",\"text\":\"hi\"}", ConversationId: $"a:c-{i}", ServiceUrl: "https://smba.trafficmanager.net/teams/");

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task ClaimAsync_LeaseExpiredAfterCrash_SameRowsClaimedAgain(StorageProvider provider)
    {
        using var db = await databases.NewDbAsync(provider);
        var clock = new ManualClock(DateTimeOffset.Parse("2026-11-22T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var signal = new OutboxSignal();
        var outbox = new OutboxStore(db, clock, signal, new ProBonoBot.Turns.InstanceRegistry(db, clock, Microsoft.Extensions.Options.Options.Create(new ProBonoBot.Turns.TurnOptions())));
        await outbox.EnqueueAsync([Item(1), Item(2), Item(3)], default);

        var first = await outbox.ClaimAsync(10, TimeSpan.FromSeconds(30), default);
        var whileLeased = await outbox.ClaimAsync(10, TimeSpan.FromSeconds(30), default);
        clock.Advance(TimeSpan.FromSeconds(31)); // the instance holding them died
        var afterLease = await outbox.ClaimAsync(10, TimeSpan.FromSeconds(30), default);

        Assert.Equal(3, first.Count);
        Assert.Empty(whileLeased);
        Assert.Equal(first.Select(r => r.Id), afterLease.Select(r => r.Id));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task CompleteAndRetry_StatusMachine(StorageProvider provider)
    {
        using var db = await databases.NewDbAsync(provider);
        var clock = new ManualClock(DateTimeOffset.Parse("2026-11-22T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var signal = new OutboxSignal();
        var outbox = new OutboxStore(db, clock, signal, new ProBonoBot.Turns.InstanceRegistry(db, clock, Microsoft.Extensions.Options.Options.Create(new ProBonoBot.Turns.TurnOptions())));
        await outbox.EnqueueAsync([Item(1), Item(2)], default);
        var rows = await outbox.ClaimAsync(10, TimeSpan.FromSeconds(30), default);

        await outbox.CompleteAsync(rows[0].Id, DeliveryStatus.Sent, "activity-1", default);
        await outbox.RetryLaterAsync(rows[1].Id, TimeSpan.FromSeconds(8), "503", default);

        Assert.Empty(await outbox.ClaimAsync(10, TimeSpan.FromSeconds(30), default));
        clock.Advance(TimeSpan.FromSeconds(9));
        var retried = Assert.Single(await outbox.ClaimAsync(10, TimeSpan.FromSeconds(30), default));
        Assert.Equal(rows[1].Id, retried.Id);
        Assert.Equal(1, retried.Attempts);
        Assert.Equal(1, await outbox.CountAsync(DeliveryStatus.Sent, default));
    }

    [Fact]
    public async Task ClaimAsync_TwoInstancesOnPostgres_ClaimDisjointRows()
    {
        var connection = await databases.NewPostgresDatabaseAsync();
        using var a = new Db(StorageProvider.Postgres, connection);
        using var b = new Db(StorageProvider.Postgres, connection);
        await new Migrator(a, Microsoft.Extensions.Logging.Abstractions.NullLogger<Migrator>.Instance).MigrateAsync(default);
        DateTimeOffsetHandler.Register();
        using var signal = new OutboxSignal();
        var first = new OutboxStore(a, TimeProvider.System, signal, new ProBonoBot.Turns.InstanceRegistry(a, TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new ProBonoBot.Turns.TurnOptions())));
        var second = new OutboxStore(b, TimeProvider.System, signal, new ProBonoBot.Turns.InstanceRegistry(b, TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new ProBonoBot.Turns.TurnOptions())));
        await first.EnqueueAsync([.. Enumerable.Range(0, 400).Select(Item)], default);
        await second.ClaimAsync(0, TimeSpan.FromMinutes(1), default); // both instances have announced themselves

        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => (i % 2 == 0 ? first : second).ClaimAsync(25, TimeSpan.FromMinutes(1), default))));

        var ids = claims.SelectMany(c => c.Select(r => r.Id)).ToList();
        Assert.Equal(400, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task ClaimAsync_HolderStopsHeartbeating_RowsTakenOverBeforeTheLeaseEnds(StorageProvider provider)
    {
        // Issue 10 item 12: rows leased by a killed instance wait for its heartbeat to go stale (seconds), not for the lease.
        using var db = await databases.NewDbAsync(provider);
        var clock = new ManualClock(DateTimeOffset.Parse("2026-11-22T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var signal = new OutboxSignal();
        var options = Microsoft.Extensions.Options.Options.Create(new ProBonoBot.Turns.TurnOptions());
        var killed = new OutboxStore(db, clock, signal, new ProBonoBot.Turns.InstanceRegistry(db, clock, options));
        var survivorInstance = new ProBonoBot.Turns.InstanceRegistry(db, clock, options);
        var survivor = new OutboxStore(db, clock, signal, survivorInstance);
        await killed.EnqueueAsync([Item(1), Item(2)], default);
        var held = await killed.ClaimAsync(10, TimeSpan.FromMinutes(5), default);

        var whileAlive = await survivor.ClaimAsync(10, TimeSpan.FromSeconds(30), default);
        clock.Advance(TimeSpan.FromSeconds(7)); // three missed heartbeats
        await survivorInstance.HeartbeatAsync(default);
        var takenOver = await survivor.ClaimAsync(10, TimeSpan.FromSeconds(30), default);

        Assert.Equal(2, held.Count);
        Assert.Empty(whileAlive);
        Assert.Equal(held.Select(r => r.Id), takenOver.Select(r => r.Id));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task ClaimAsync_BroadcastBacklog_AnswersToPeopleClaimedFirst(StorageProvider provider)
    {
        // Issue 10 item 7: an answer handed to the outbox (after a 429) must not wait behind a broadcast's thousands of rows.
        using var db = await databases.NewDbAsync(provider);
        var clock = new ManualClock(DateTimeOffset.Parse("2026-11-22T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var signal = new OutboxSignal();
        var outbox = new OutboxStore(db, clock, signal, new ProBonoBot.Turns.InstanceRegistry(db, clock, Microsoft.Extensions.Options.Options.Create(new ProBonoBot.Turns.TurnOptions())));
        await outbox.EnqueueAsync([.. Enumerable.Range(0, 50).Select(Item)], default);
        await db.WriteAsync(c => c.ExecuteAsync("UPDATE outbox SET broadcast_id = 7"), default);
        await outbox.EnqueueAsync([Item(99)], default);

        var first = await outbox.ClaimAsync(5, TimeSpan.FromSeconds(30), default);

        Assert.Contains(first, r => r.ConversationId == "a:c-99");
    }
}
