using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using ProBonoBot.Cards;
using ProBonoBot.Outbox;
using ProBonoBot.Projects;
using ProBonoBot.Storage;
using ProBonoBot.Tests.Storage;

namespace ProBonoBot.Tests.Projects;

/// <summary>Issue 10 item 11 at the storage level: the claim is one row per project and channel, whoever races for it.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class ChannelPostsStoreTests(DatabaseFixture databases)
{
    private static ChannelPosts CreateSut(Db db) => new(db, TimeProvider.System, new OutboxStore(db, TimeProvider.System, new OutboxSignal(), new ProBonoBot.Turns.InstanceRegistry(db, TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new ProBonoBot.Turns.TurnOptions()))));

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task ClaimAsync_ManyClicksAtOnce_ExactlyOneClaims(StorageProvider provider)
    {
        using var db = await databases.NewDbAsync(provider);
        var posts = CreateSut(db);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => posts.ClaimAsync(1, "19:c@thread.tacv2", $"turn:a:1|click-{i}", default))));

        Assert.Single(results, r => r == ChannelClaim.Claimed);
        Assert.Equal(19, results.Count(r => r == ChannelClaim.Held));
    }

    [Fact]
    public async Task ClaimAsync_TwoInstancesOnPostgres_ExactlyOneClaims()
    {
        var connectionString = await databases.NewPostgresDatabaseAsync();
        var instances = Enumerable.Range(0, 4).Select(_ => new Db(StorageProvider.Postgres, connectionString)).ToList();
        await new Migrator(instances[0], NullLogger<Migrator>.Instance).MigrateAsync(default);

        var results = await Task.WhenAll(instances.SelectMany((db, i) => Enumerable.Range(0, 5).Select(j =>
            Task.Run(() => CreateSut(db).ClaimAsync(1, "19:c@thread.tacv2", $"turn:a:1|instance-{i}-{j}", default)))));

        Assert.Single(results, r => r == ChannelClaim.Claimed);
        instances.ForEach(db => db.Dispose());
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task ClaimAsync_AfterPostRecorded_HeldForOthersPostedForTheSameActivity(StorageProvider provider)
    {
        using var db = await databases.NewDbAsync(provider);
        var posts = CreateSut(db);
        await InsertProjectAsync(db);
        Assert.Equal(ChannelClaim.Claimed, await posts.ClaimAsync(1, "19:c", "turn:a:1|x", default));
        await posts.RecordPostedAsync(1, "19:c", "turn:a:1|x", "activity-1", "https://example.invalid/", 1, default);

        Assert.Equal(ChannelClaim.PostedByUs, await posts.ClaimAsync(1, "19:c", "turn:a:1|x", default));
        Assert.Equal(ChannelClaim.Held, await posts.ClaimAsync(1, "19:c", "turn:a:1|y", default));
        Assert.Equal(1, await db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM posted_cards WHERE activity_id = 'activity-1'"), default));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Migration0007_OldDoublePostsAndBroadcastCopies_TrackedAndChannelsCountAsPosted(StorageProvider provider)
    {
        using var db = await databases.NewDbAsync(provider);
        await InsertProjectAsync(db);
        var now = DateTimeOffset.UtcNow;
        await db.WriteAsync(async c =>
        {
            // What the old code left: a double-clicked Publish (two copies) and a broadcast's untracked channel copy.
            await c.ExecuteAsync("DROP TABLE channel_posts");
            await c.ExecuteAsync("DELETE FROM schema_migrations WHERE version = 7");
            await c.ExecuteAsync(
                "INSERT INTO posted_cards (project_number, conversation_id, activity_id, service_url, rendered_version, posted_at) VALUES (1, '19:a', @id, 'https://s/', 2, @now)",
                new[] { new { id = "a-1", now }, new { id = "a-2", now } });
            await c.ExecuteAsync("INSERT INTO broadcasts (project_number, audience, created_by, status, total, created_at) VALUES (1, 'both', 'x', 1, 2, @now)", new { now });
            await c.ExecuteAsync(
                """
                INSERT INTO outbox (conversation_id, service_url, activity, status, attempts, not_before, created_at, sent_at, result, broadcast_id)
                VALUES ('19:b', 'https://s/', '{}', 1, 0, @now, @now, @now, 'b-1', 1), ('19:a', 'https://s/', '{}', 1, 0, @now, @now, @now, 'a-3', 1)
                """, new { now });
            return 0;
        }, default);

        var applied = await new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync(default);

        Assert.Equal(new[] { 7 }, applied);
        var copies = (await db.ReadAsync(c => c.QueryAsync<(string, string, long)>(
            "SELECT conversation_id, activity_id, rendered_version FROM posted_cards ORDER BY activity_id"), default)).ToList();
        Assert.Equal(new[] { ("19:a", "a-1", 2L), ("19:a", "a-2", 2L), ("19:a", "a-3", 0L), ("19:b", "b-1", 0L) }, copies);
        var claims = (await db.ReadAsync(c => c.QueryAsync<(string, string)>(
            "SELECT conversation_id, activity_id FROM channel_posts ORDER BY conversation_id"), default)).ToList();
        Assert.Equal(new[] { ("19:a", "a-1"), ("19:b", "b-1") }, claims);
    }

    [Fact]
    public void Message_AllChannelsHeldInJapanese_SaysAlreadyPostedNotPublished()
    {
        var text = new PublishOutcome(Posted: 0, AlreadyThere: 2, Failed: 0).Message(UiText.For(Language.Japanese).Projects, 4);

        Assert.StartsWith("#4 は選んだチャネルのうち2チャネルにすでに投稿されている", text, StringComparison.Ordinal);
        Assert.DoesNotContain("公開しました", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_SomePostedSomeHeld_SaysBoth()
    {
        var text = new PublishOutcome(Posted: 1, AlreadyThere: 1, Failed: 0).Message(UiText.For(Language.English).Projects, 4);

        Assert.Equal("Published #4 to 1 channel. Recruiting has started. #4 is already in 1 channel you chose, so I didn't post it there again; the card there keeps itself up to date.", text);
    }

    private static Task<int> InsertProjectAsync(Db db) => db.WriteAsync(c => c.ExecuteAsync(
        """
        INSERT INTO projects (title, partner, summary, hours_per_week, language, leader_aad, status, card_version, created_at, updated_at)
        VALUES ('t', 'p', 's', 1, 'en', 'aad', 1, 2, @now, @now)
        """, new { now = DateTimeOffset.UtcNow }), default);
}
