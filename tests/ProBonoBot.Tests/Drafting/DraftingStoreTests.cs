using Microsoft.Extensions.Options;
using ProBonoBot.Drafting;
using ProBonoBot.Storage;
using ProBonoBot.Testing;
using ProBonoBot.Tests.Storage;

namespace ProBonoBot.Tests.Drafting;

/// <summary>The drafting tables on both engines: job claims and leases, the daily budget, brief versions.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class DraftingStoreTests(DatabaseFixture databases)
{
    private static DraftingStore CreateSut(Db db, TimeProvider time, long budget = 1000) =>
        new(db, time, Options.Create(new DraftingOptions { DailyTokenBudget = budget }));

    private static DraftingJob Job(long subject = 1, string person = "aad-1") => new()
    {
        Kind = JobKinds.Brief, SubjectId = subject, PersonAad = person, ConversationId = "a:1", ServiceUrl = "https://example.test/", Language = "en",
    };

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Enqueue_SameJobTwice_SecondRefused(StorageProvider provider)
    {
        using var db = await databases.NewDbAsync(provider);
        var sut = CreateSut(db, TimeProvider.System);

        var first = await sut.EnqueueAsync(Job(), default);
        var second = await sut.EnqueueAsync(Job(), default);

        Assert.NotNull(first);
        Assert.Null(second);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Claim_ConcurrentWorkers_EachJobOnce_AndExpiredLeaseClaimedAgain(StorageProvider provider)
    {
        using var db = await databases.NewDbAsync(provider);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var sut = CreateSut(db, clock);
        for (var i = 0; i < 5; i++)
        {
            await sut.EnqueueAsync(Job(subject: i), default);
        }

        var claimed = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => sut.ClaimAsync(default))));
        var ids = claimed.Where(j => j is not null).Select(j => j!.Id).ToList();
        Assert.Equal(5, ids.Count);
        Assert.Equal(5, ids.Distinct().Count());
        Assert.Null(await sut.ClaimAsync(default));

        clock.Advance(DraftingStore.Lease + TimeSpan.FromSeconds(1));
        var again = await sut.ClaimAsync(default);

        Assert.NotNull(again);
        Assert.Equal(2, again.Attempts);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Budget_SpentPastLimit_NoRoomUntilNextDay(StorageProvider provider)
    {
        using var db = await databases.NewDbAsync(provider);
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        var sut = CreateSut(db, clock, budget: 1000);

        await sut.SpendAsync(600, default);
        Assert.True(await sut.HasRoomAsync(default));
        await sut.SpendAsync(600, default);
        Assert.False(await sut.HasRoomAsync(default));

        clock.Advance(TimeSpan.FromDays(1));
        Assert.True(await sut.HasRoomAsync(default));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task ReviseBrief_StaleVersionOrSent_Refused(StorageProvider provider)
    {
        using var db = await databases.NewDbAsync(provider);
        var sut = CreateSut(db, TimeProvider.System);
        var job = (await sut.EnqueueAsync(Job(), default))!.Value;
        var id = await sut.SaveNewBriefAsync(job, new BriefRow { NeedId = 1, AuthorAad = "aad-1", Language = "en", BriefJson = "{}", Source = "offline" }, default);

        Assert.True(await sut.ReviseBriefAsync(id, 1, "{\"v\":2}", "offline", 0, "en", null, default));
        Assert.False(await sut.ReviseBriefAsync(id, 1, "{\"v\":3}", "offline", 0, "en", null, default));
        Assert.True(await sut.SetBriefStatusAsync(id, 2, [0, 3], 1, null, default));
        Assert.False(await sut.ReviseBriefAsync(id, 2, "{\"v\":4}", "offline", 0, "en", null, default));
        Assert.Equal(id, await sut.JobResultAsync(job, default));
    }
}
