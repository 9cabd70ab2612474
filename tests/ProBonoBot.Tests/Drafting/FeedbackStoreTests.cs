using ProBonoBot.Drafting.Feedback;
using ProBonoBot.Storage;
using ProBonoBot.Tests.Storage;

namespace ProBonoBot.Tests.Drafting;

/// <summary>Issue 11 at the storage level (migration 0008) on both engines: message → draft, feedback stored once, the last 30 days.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class FeedbackStoreTests(DatabaseFixture databases)
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task RememberMessage_ThreadReplyAndResend_FoundByChannelKeyFirstDraftKept(StorageProvider provider)
    {
        using var db = await databases.NewDbAsync(provider);
        var store = new FeedbackStore(db, TimeProvider.System);

        await store.RememberMessageAsync("19:c@thread.tacv2;messageid=17", ["act-1", "stream-1", null, "act-1"], new DraftRef(DraftRef.Brief, 4), default);
        await store.RememberMessageAsync("19:c@thread.tacv2", ["act-1"], new DraftRef(DraftRef.Manual, 9), default);

        Assert.Equal(new DraftRef(DraftRef.Brief, 4), await store.DraftOfMessageAsync("19:c@thread.tacv2;messageid=99", "act-1", default));
        Assert.Equal(new DraftRef(DraftRef.Brief, 4), await store.DraftOfMessageAsync("19:c@thread.tacv2", "stream-1", default));
        Assert.Null(await store.DraftOfMessageAsync("19:other@thread.tacv2", "act-1", default));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Add_SameKeyConcurrently_StoredOnceAndListedNewestFirst(StorageProvider provider)
    {
        using var db = await databases.NewDbAsync(provider);
        var store = new FeedbackStore(db, TimeProvider.System);
        var draft = new DraftRef(DraftRef.Brief, 1);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => store.AddAsync("report", draft, "facts", "Wrong", "aad-1", "A", "same-key", default))));
        Assert.True(await store.AddAsync("like", draft, null, null, "aad-2", "B", "other-key", default));

        Assert.Single(results, r => r);
        var rows = await store.SinceAsync(DateTimeOffset.UtcNow.AddDays(-30), 100, default);
        Assert.Equal(["like", "report"], rows.Select(r => r.Kind));
        Assert.Empty(await store.SinceAsync(DateTimeOffset.UtcNow.AddMinutes(1), 100, default));
    }
}
