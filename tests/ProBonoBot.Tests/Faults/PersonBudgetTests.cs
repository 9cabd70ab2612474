using Microsoft.Extensions.Options;
using ProBonoBot.Hosting;
using ProBonoBot.Testing;

namespace ProBonoBot.Tests.Faults;

/// <summary>Issue 10, item 7: the per-person token bucket.</summary>
public sealed class PersonBudgetTests
{
    private readonly ManualClock _clock = new();

    private PersonBudget CreateSut(int burst = 3, int perMinute = 60) =>
        new(Options.Create(new BotHostOptions { PerPersonBurst = burst, PerPersonPerMinute = perMinute }), _clock);

    [Fact]
    public void TryTake_BeyondBurst_RefusedFirstOnceThenSilently()
    {
        var sut = CreateSut();

        var decisions = Enumerable.Range(0, 6).Select(_ => sut.TryTake("p")).ToList();

        Assert.Equal(
            [BudgetDecision.Allowed, BudgetDecision.Allowed, BudgetDecision.Allowed, BudgetDecision.RefusedFirst, BudgetDecision.Refused, BudgetDecision.Refused],
            decisions);
    }

    [Fact]
    public void TryTake_AfterPartialRefill_AllowedButSameEpisode()
    {
        var sut = CreateSut();
        for (var i = 0; i < 4; i++)
        {
            sut.TryTake("p");
        }

        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(BudgetDecision.Allowed, sut.TryTake("p"));
        Assert.Equal(BudgetDecision.Refused, sut.TryTake("p"));
    }

    [Fact]
    public void TryTake_AfterFullRefill_NewEpisodeIsToldAgain()
    {
        var sut = CreateSut();
        for (var i = 0; i < 4; i++)
        {
            sut.TryTake("p");
        }

        _clock.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(BudgetDecision.Allowed, sut.TryTake("p"));
        Assert.Equal(BudgetDecision.Allowed, sut.TryTake("p"));
        Assert.Equal(BudgetDecision.Allowed, sut.TryTake("p"));
        Assert.Equal(BudgetDecision.RefusedFirst, sut.TryTake("p"));
    }

    [Fact]
    public void TryTake_OnePersonExhausted_OthersUnaffected()
    {
        var sut = CreateSut(burst: 1);
        sut.TryTake("flooder");

        Assert.Equal(BudgetDecision.RefusedFirst, sut.TryTake("flooder"));
        Assert.Equal(BudgetDecision.Allowed, sut.TryTake("bystander"));
    }

    [Fact]
    public void TryTake_IdleBuckets_Forgotten()
    {
        var sut = CreateSut();
        for (var i = 0; i < 1000; i++)
        {
            sut.TryTake($"person-{i}");
        }

        Assert.Equal(1000, sut.Tracked);
        _clock.Advance(TimeSpan.FromMinutes(2));

        sut.TryTake("someone");

        Assert.Equal(1, sut.Tracked);
    }

    [Fact]
    public async Task TryTake_ConcurrentFlood_ExactlyBurstAllowedAndOneRefusedFirst()
    {
        var sut = CreateSut(burst: 30, perMinute: 1);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 600).Select(_ => Task.Run(() => sut.TryTake("p"))));

        Assert.Equal(30, decisions.Count(d => d == BudgetDecision.Allowed));
        Assert.Equal(1, decisions.Count(d => d == BudgetDecision.RefusedFirst));
    }
}
