using Microsoft.Extensions.DependencyInjection;
using ProBonoBot.Hours;
using ProBonoBot.Outbox;
using ProBonoBot.SignUps;
using ProBonoBot.Tests.Storage;

namespace ProBonoBot.Tests.Hours;

/// <summary>Migration 0017's hours tables and the hours store on PostgreSQL: log once, review with a correction, prompts once.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class PostgresHoursTests(DatabaseFixture databases) : IAsyncLifetime
{
    private BotHost _bot = null!;
    private HoursScenario _hours = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync(await databases.NewPostgresDatabaseAsync(), extra: HoursScenario.Settings);
        _hours = new HoursScenario(_bot);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private HoursStore Store => _bot.Services.GetRequiredService<HoursStore>();

    [Fact]
    public async Task Store_OnPostgres_LogsOnceEditsAndReviewsWithCorrection()
    {
        var project = await _hours.ProjectAsync();
        var member = new Person(HoursScenario.Volunteer, "Kenji", null, null, null, null);
        var week = HoursPeriod.Parse("w:2026-W49")!;

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Store.LogAsync(project, member, week, 300, "2026-12-04", null, overwrite: false, default)));
        Assert.Single(results, r => r.Result == LogResult.Logged);
        Assert.Equal(2, results.Count(r => r.Result == LogResult.AlreadyLogged));

        var (saved, entry) = await Store.LogAsync(project, member, week, 240, "2026-12-03", "ok", overwrite: true, default);
        Assert.Equal(LogResult.Saved, saved);

        var stale = await Store.ReviewAsync(project, "leader", [new HoursDecision(entry!.Id, "0000", 180)], HoursStatus.Approved, new Dictionary<long, OutboxItem>(), default);
        Assert.Single(stale.Stale);

        var outcome = await Store.ReviewAsync(project, "leader", [new HoursDecision(entry.Id, entry.Version, 180)], HoursStatus.Approved,
            new Dictionary<long, OutboxItem> { [entry.Id] = new("{\"type\":\"message\",\"text\":\"corrected\"}", HoursScenario.Volunteer) }, default);
        Assert.Equal((true, 1, 180L), (outcome.Valid, outcome.Changed, outcome.Minutes));
        var stored = await Store.GetAsync(entry.Id, default);
        Assert.Equal((HoursStatus.Approved, 180L, (long?)240L, "2026-12-03"), (stored!.Status, stored.Minutes, stored.LoggedMinutes, stored.WorkedOn));
        Assert.Equal(["corrected"], await _hours.NoticesForAsync(HoursScenario.Volunteer));

        var invalid = await Store.ReviewAsync(project + 1, "leader", [new HoursDecision(entry.Id, entry.Version, null)], HoursStatus.Approved, new Dictionary<long, OutboxItem>(), default);
        Assert.False(invalid.Valid);
    }

    [Fact]
    public async Task Prompts_OnPostgres_ConcurrentPassesQueueOnce()
    {
        var project = await _hours.ProjectAsync(status: 2);
        var start = new DateTimeOffset(2026, 12, 3, 1, 0, 0, TimeSpan.Zero);
        await _hours.MilestoneAsync(project, start);

        var passes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _hours.PromptsAsync(start.AddHours(3))));

        Assert.Equal(1, passes.Sum());
        Assert.Single(await _hours.CardsForAsync(HoursScenario.Volunteer));
    }
}
