using System.Diagnostics;
using Microsoft.Extensions.Options;
using ProBonoBot.Broadcasts;
using ProBonoBot.Outbox;
using ProBonoBot.Protocol.Connector;
using ProBonoBot.Storage;
using ProBonoBot.Testing;

namespace ProBonoBot.Tests.Outbox;

public sealed class PacingTests
{
    private static HttpRequestMessage Post() => new(HttpMethod.Post, "https://smba.trafficmanager.net/teams/v3/conversations/a:1/activities");

    private static Task<HttpResponseMessage> Ok(HttpRequestMessage _) => Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.Created));

    [Fact]
    public async Task PaceAsync_ProactiveSends_SpacedAtTheRate()
    {
        var pacer = new ProactivePacer(TimeProvider.System) { RatePerSecond = 20 };
        var clock = Stopwatch.StartNew();

        using (ProactivePacer.Proactive())
        {
            await Task.WhenAll(Enumerable.Range(0, 11).Select(_ => pacer.PaceAsync(Post(), Ok, default)));
        }

        Assert.InRange(clock.Elapsed.TotalMilliseconds, 480, 2000); // 10 gaps of 50 ms
    }

    [Fact]
    public async Task PaceAsync_RepliesOutsideProactiveScope_NotPaced()
    {
        var pacer = new ProactivePacer(TimeProvider.System) { RatePerSecond = 1 };
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => pacer.PaceAsync(Post(), Ok, default)));

        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task PaceAsync_AnswersToPeople_TakeSlotsSoProactiveSendsYield()
    {
        // Issue 10 item 7: answers are never delayed, but background sends wait behind them; at most two seconds.
        var pacer = new ProactivePacer(TimeProvider.System) { RatePerSecond = 20 };
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => pacer.PaceAsync(Post(), Ok, default)));
        var clock = Stopwatch.StartNew();

        using (ProactivePacer.Proactive())
        {
            await pacer.PaceAsync(Post(), Ok, default);
        }

        Assert.InRange(clock.Elapsed.TotalMilliseconds, 400, 2100); // behind 10 answers of 50 ms each
    }

    [Fact]
    public async Task PaceAsync_429_PushesLaterSlotsBackByRetryAfter()
    {
        var pacer = new ProactivePacer(TimeProvider.System) { RatePerSecond = 1000 };
        static Task<HttpResponseMessage> Throttled(HttpRequestMessage _)
        {
            var response = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
            return Task.FromResult(response);
        }

        using (ProactivePacer.Proactive())
        {
            await pacer.PaceAsync(Post(), Throttled, default);
            var clock = Stopwatch.StartNew();
            await pacer.PaceAsync(Post(), Ok, default);
            Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"sent after {clock.Elapsed}");
        }

        Assert.Equal(1, pacer.Throttled);
    }

    [Fact]
    public void PerConversation_SevenPerSecond_EighthWaitsForTheWindow()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2026-11-22T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var rate = new DeliveryRate(clock, Options.Create(new BroadcastOptions()), new ProactivePacer(clock));

        var waits = Enumerable.Range(0, 8).Select(_ => rate.ReservePerConversation("19:channel")).ToList();
        var other = rate.ReservePerConversation("a:someone-else");
        clock.Advance(TimeSpan.FromSeconds(1.01));
        var later = rate.ReservePerConversation("19:channel");

        Assert.All(waits.Take(7), w => Assert.Equal(TimeSpan.Zero, w));
        Assert.True(waits[7] > TimeSpan.FromMilliseconds(900));
        Assert.Equal(TimeSpan.Zero, other);
        Assert.Equal(TimeSpan.Zero, later);
    }

    [Fact]
    public void Rate_DividedAmongInstances_UnderTheCeiling()
    {
        var pacer = new ProactivePacer(TimeProvider.System);

        var rate = new DeliveryRate(TimeProvider.System, Options.Create(new BroadcastOptions { RatePerSecond = 50 }), pacer);

        Assert.InRange(pacer.RatePerSecond, 45, 49.9);
        Assert.Equal(pacer.RatePerSecond, rate.RatePerSecond);

        rate.SetInstances(2);
        Assert.InRange(pacer.RatePerSecond, 22.5, 24.95);
        Assert.Equal(pacer.RatePerSecond, rate.RatePerSecond);
    }
}
