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

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task React_OnePersonFloodsAMessage_OneRowLatestKeptOthersStillInTheSummary(StorageProvider provider)
    {
        // Issue 11 review, item 4: reactions are keyed on (person, message); counts come from SQL over all rows.
        using var db = await databases.NewDbAsync(provider);
        var store = new FeedbackStore(db, TimeProvider.System);
        var brief = new DraftRef(DraftRef.Brief, 1);
        await store.ReactAsync("dislike", brief, "a:b", "msg-b", "Misses the subsidy report", "aad-b", "B", default);

        for (var i = 0; i < 40; i++)
        {
            await store.ReactAsync(i % 2 == 0 ? "dislike" : "like", brief, "a:a", "msg-a", $"words {i}", "aad-a", "A", default);
        }

        await store.ReactAsync("like", new DraftRef(DraftRef.Manual, 2), "19:c@thread.tacv2;messageid=5", "msg-m", null, "aad-a", "A", default);
        await store.AddAsync("report", brief, "facts", "Wrong", "aad-a", "A", "r1", default);
        await store.AddAsync("report", brief, "facts", "Still wrong", "aad-a", "A", "r2", default);

        Assert.Equal(5, await db.ReadAsync(c => Dapper.SqlMapper.ExecuteScalarAsync<long>(c, "SELECT COUNT(*) FROM draft_feedback"), default));
        var since = DateTimeOffset.UtcNow.AddDays(-30);
        var summary = FeedbackSummary.Build(await store.CountsSinceAsync(since, default), await store.LatestCommentsAsync(since, 8, default), 30);
        Assert.Equal(new Cards.Drafting.FeedbackCounts(1, 1, 1), summary.Briefs);
        Assert.Equal(new Cards.Drafting.FeedbackCounts(1, 0, 0), summary.Manuals);
        Assert.Equal([("report", "Still wrong"), ("dislike", "Misses the subsidy report")], summary.Latest.Select(c => (c.Kind, c.Comment)));
        var latestOfA = (await store.SinceAsync(since, 100, default)).Single(r => r.PersonAad == "aad-a" && r.Kind != "report" && r.SubjectKind == DraftRef.Brief);
        Assert.Equal(("like", "words 39"), (latestOfA.Kind, latestOfA.Comment));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task ReportsSince_PersonsReports_CountedAndThisDraftFound(StorageProvider provider)
    {
        using var db = await databases.NewDbAsync(provider);
        var store = new FeedbackStore(db, TimeProvider.System);
        await store.AddAsync("report", new DraftRef(DraftRef.Brief, 1), "facts", null, "aad-a", "A", "r1", default);
        await store.AddAsync("report", new DraftRef(DraftRef.Manual, 1), "facts", null, "aad-a", "A", "r2", default);
        await store.AddAsync("report", new DraftRef(DraftRef.Brief, 3), "facts", null, "aad-b", "B", "r3", default);
        var since = DateTimeOffset.UtcNow.AddDays(-1);

        Assert.Equal((2L, true), await store.ReportsSinceAsync("aad-a", new DraftRef(DraftRef.Brief, 1), since, default));
        Assert.Equal((2L, false), await store.ReportsSinceAsync("aad-a", new DraftRef(DraftRef.Brief, 3), since, default));
        Assert.Equal((0L, false), await store.ReportsSinceAsync("aad-a", new DraftRef(DraftRef.Brief, 1), DateTimeOffset.UtcNow.AddMinutes(1), default));
    }
}
